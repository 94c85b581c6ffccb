import { defineRule } from '../../engine/rule.ts';
import type { RuleContext } from '../../engine/rule.ts';
import { isUnknown } from '../../unknown.ts';
import { aviRegistered, hasVipPool } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'tkg/vip-network-not-registered',
    severity: 'error',
    category: 'tkg',
    description: "A TKG cluster's (or an AKO instance's) VIP network is not registered on the NSX-ALB Controller, or has no VIP pool.",
    docs: `### Why
TKG asks NSX-ALB (through AKO) to put LoadBalancer services on \`AVI_DATA_NETWORK\` and, with the NSX-ALB
control-plane endpoint provider, the Kubernetes API VIP on the control-plane VIP network
(\`AVI_CONTROL_PLANE_NETWORK\` / \`AVI_MANAGEMENT_CLUSTER_VIP_NETWORK_NAME\`). NSX-ALB can only deploy a
service on a network whose subnet is registered on the Controller (*Infrastructure -> Network*) with an
IP pool from which it takes the VIP and the SE interface address. An unregistered network (subnet "None")
or one without a VIP pool makes the service, or the whole cluster build, fail.

With the kube-vip endpoint provider the control-plane VIP network is set but unused (seed 000), so only the
workload VIP network is checked then. NSX-T segments count as registered when their subnet is known (the
schema has no registration flag for them); they still need a VIP pool.

When AKO runs outside TKG (seed 003), the VIP network of its \`vipNetworkList\` is checked the same way.

### How to fix in Viplane
Select the VIP network's port group, turn on **Registered on NSX-ALB** and add to its **Address ranges** one
of purpose \`vip-pool\` or \`se-vip-pool\` (Avi \`STATIC_IPS_FOR_VIP\` / \`STATIC_IPS_FOR_VIP_AND_SE\`); or set the
cluster's (or AKO's) **VIP network** to a network that is registered.

### Source
Seed 000 (NSX-ALB routing): "if the network, or how to deliver packets to it, is not registered on NSX-ALB,
the load-balancer service cannot be deployed" (L52); configure the subnet and IP pool of each network you
use (L62); the kube-vip design's Management VIP network is set only for convenience (L259). Seed 003 (AKO):
the Controller needs a VIP network with a pool (L84).`,
    seeds: ['000', '003'],
  },
  check(ctx) {
    const { model } = ctx;
    for (const cluster of model.ofKind('tkgCluster')) {
      const { workloadVipNetworkId, controlPlaneVipNetworkId, endpoint } = cluster.props;
      const roles = new Map<string, string[]>();
      const add = (id: string | null, role: string) => {
        if (id === null) return;
        const list = roles.get(id);
        if (list) list.push(role);
        else roles.set(id, [role]);
      };
      add(workloadVipNetworkId, 'workload VIP network');
      if (endpoint.provider === 'nsx-alb') add(controlPlaneVipNetworkId, 'control-plane VIP network');
      for (const [networkId, what] of roles) {
        const net = model.networkById.get(networkId);
        // Malformed subnets are ipam/invalid-cidr's finding.
        if (!net || (net.subnetText !== null && net.subnet === null)) continue;
        const registered = aviRegistered(net);
        const pool = hasVipPool(model, networkId);
        if (registered && pool) continue;
        // Imported networks whose subnet or ranges the files did not give cannot be judged yet.
        if (unknownNetworkFacts(model, networkId, registered)) continue;
        const role = what.join(' and ');
        ctx.report({
          message: !registered
            ? `${role[0]!.toUpperCase()}${role.slice(1)} ${net.name} of cluster ${cluster.name} is not registered on the NSX-ALB Controller${net.subnetText ? ` (subnet ${net.subnetText} not configured there)` : ' (no subnet)'}`
            : `${role[0]!.toUpperCase()}${role.slice(1)} ${net.name} (${net.subnetText}) of cluster ${cluster.name} has no VIP pool on the NSX-ALB Controller`,
          targets: [
            { kind: 'tkgCluster', id: cluster.id },
            { kind: net.kind, id: net.id },
          ],
          data: { cluster: cluster.name, network: net.name, subnet: net.subnetText, roles: what, registered, vipPool: pool },
        });
      }
    }
    // AKO outside TKG (seed 003) takes its VIPs from the same Controller IPAM: the VIP network
    // in vipNetworkList must be registered with a pool just the same (seed 003 L84).
    for (const ako of model.ofKind('ako')) {
      const networkId = ako.props.vipNetworkId;
      const net = networkId === null ? undefined : model.networkById.get(networkId);
      if (!net || (net.subnetText !== null && net.subnet === null)) continue;
      const cluster = ako.props.clusterId === null ? undefined : model.elements.get(ako.props.clusterId);
      if (cluster?.kind === 'tkgCluster') continue; // reported above through the cluster
      const registered = aviRegistered(net);
      const pool = hasVipPool(model, net.id);
      if (registered && pool) continue;
      if (unknownNetworkFacts(model, net.id, registered)) continue;
      ctx.report({
        message: !registered
          ? `VIP network ${net.name} of AKO ${ako.props.clusterName || ako.name} is not registered on the NSX-ALB Controller${net.subnetText ? ` (subnet ${net.subnetText} not configured there)` : ' (no subnet)'}`
          : `VIP network ${net.name} (${net.subnetText}) of AKO ${ako.props.clusterName || ako.name} has no VIP pool on the NSX-ALB Controller`,
        targets: [
          { kind: 'ako', id: ako.id },
          { kind: net.kind, id: net.id },
        ],
        data: {
          ako: ako.props.clusterName,
          network: net.name,
          subnet: net.subnetText,
          roles: ['AKO VIP network'],
          registered,
          vipPool: pool,
        },
      });
    }
  },
});

/** Registration needs a subnet and the pool a range: when an import left those unknown, do not judge. */
function unknownNetworkFacts(model: RuleContext['model'], networkId: string, registered: boolean): boolean {
  const el = model.elements.get(networkId);
  return isUnknown(el, 'ranges') || (!registered && isUnknown(el, 'subnet'));
}
