import { defineRule } from '../../engine/rule.ts';

export default defineRule({
  meta: {
    id: 'ako/routable-pods-static-routes',
    severity: 'warning',
    category: 'ako',
    description: 'AKO in static-route mode on a cluster whose pods are already routable (NSX-T routable pods, antrea-nsx-routed).',
    docs: `### Why
With a CNI whose pod subnets are routable from outside the cluster (NSX-T routable pods, where the vSphere
CPI adds \`podCIDR -> node\` routes on the Tier-1; \`antrea-nsx-routed\` in vSphere with Tanzu; the AWS and
Azure CNIs) the Service Engines reach pod IPs through the normal network. AKO's static-route programming
is then unnecessary: it writes a second set of per-node routes into the SE data VRF that duplicates the
network's own, must follow every node change, and can disagree with it. AKO lets you disable it.

### How to fix in Viplane
Select the AKO element and set its **Mode** to \`routable\` (exported as
\`AKOSettings.disableStaticRouteSync: "true"\`); the SE must then route to the pod CIDRs, which
\`routing/unreachable-backend\` checks.

### Source
Seed 003 (AKO): "when the pod subnet is routable from outside (NSX-T CNI, AWS CNI, Azure CNI) no special
configuration is needed for the SE to reach pod IPs; Static Route Programming can be disabled in AKO" (L46-47).
Seed 001: routable pods with \`NSXT_POD_ROUTING_ENABLED: "true"\` and \`antrea-nsx-routed\`.`,
    seeds: ['003', '001'],
  },
  check(ctx) {
    const { model } = ctx;
    for (const ako of model.ofKind('ako')) {
      if (ako.props.mode !== 'static-route' || ako.props.clusterId === null) continue;
      const cluster = model.elements.get(ako.props.clusterId);
      if (!cluster) continue;
      let why: string | null = null;
      if (cluster.kind === 'tkgCluster' && cluster.props.routablePods !== null) why = 'NSX-T routable pods (NSXT_POD_ROUTING_ENABLED)';
      else if (
        (cluster.kind === 'tkgCluster' || cluster.kind === 'k8sCluster' || cluster.kind === 'tkc') &&
        cluster.props.cni === 'antrea-nsx-routed'
      )
        why = 'CNI antrea-nsx-routed';
      if (!why) continue;
      ctx.report({
        message: `AKO ${ako.props.clusterName || ako.name} programs static routes for cluster ${cluster.name}, whose pods are already routable (${why}); disable static route sync (mode routable)`,
        targets: [
          { kind: 'ako', id: ako.id },
          { kind: cluster.kind, id: cluster.id },
        ],
        data: { ako: ako.props.clusterName, cluster: cluster.name, reason: why },
      });
    }
  },
});
