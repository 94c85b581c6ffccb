import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { elementOf, type Of } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'ako/se-group-shared-static-route',
    severity: 'error',
    category: 'ako',
    description: 'Several clusters with AKO in static-route mode use one SE group.',
    docs: `### Why
In static-route mode AKO labels the SE group with its cluster (\`clustername=<clusterName>\`) and scopes the
VRF static routes to its pod CIDRs with that label, so that the SEs of the group reach exactly that
cluster's pods. A second cluster's AKO finds the group labelled for another cluster, logs "Labels does not
match with cluster name for SE group", reboots, and disables its sync: none of its services get a virtual
service. The AKO documentation therefore maps each AKO instance in ClusterIP (static-route) mode to its own
SE group.

### How to fix in Viplane
Give each cluster's AKO element its own SE group: add an SE group under the same
Controller and select the second cluster's AKO element and set its **SE group** to it (or set that AKO's **Mode** to
\`nodeport\` / \`nodeportlocal\`, which programs no static routes).

### Source
vmware/load-balancer-and-ingress-services-for-kubernetes#435: the second cluster on \`Default-Group\` with
\`disableStaticRouteSync: "false"\` fails with "Labels does not match with cluster name for SE group ...
sync will be disabled". AKO README (\`docs/README.md\`, "Pre-requisites", Step 3, POD CIDRs not routable):
"Create a Service Engine Group dedicated to a Kubernetes cluster."`,
    seeds: [],
  },
  check({ model, report }) {
    const bySeGroup = new Map<string, Of<'ako'>[]>();
    for (const ako of model.ofKind('ako')) {
      if (ako.props.mode !== 'static-route' || ako.props.seGroupId === null) continue;
      const list = bySeGroup.get(ako.props.seGroupId);
      if (list) list.push(ako);
      else bySeGroup.set(ako.props.seGroupId, [ako]);
    }
    for (const [seGroupId, akos] of bySeGroup) {
      // Two AKO elements of one cluster are one AKO (e.g. an imported values file per namespace).
      const clusters = new Set(akos.map((a) => a.props.clusterId ?? a.id));
      if (clusters.size < 2) continue;
      const se = elementOf(model, seGroupId, 'seGroup');
      if (!se) continue;
      const names = akos.map((a) => clusterLabel(model, a));
      const targets: Target[] = [{ kind: 'seGroup', id: se.id }];
      for (const a of akos) targets.push({ kind: 'ako', id: a.id });
      report({
        message: `SE group ${se.name} serves ${clusters.size} clusters with AKO in static-route mode (${names.join(', ')}); AKO labels the group for one cluster and disables sync in the others`,
        targets,
        data: { seGroup: se.name, clusters: names },
      });
    }
  },
});

function clusterLabel(model: Parameters<typeof elementOf>[0], ako: Of<'ako'>): string {
  const cluster = ako.props.clusterId === null ? undefined : model.elements.get(ako.props.clusterId);
  return ako.props.clusterName || cluster?.name || ako.name;
}
