import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { appVipNetworkIds, clusterList, clusterPlacements, groupBy } from '../../queries/security.ts';

export default defineRule({
  meta: {
    id: 'security/api-vip-exposed',
    severity: 'warning',
    category: 'security',
    description:
      "A TKG cluster's Kubernetes API VIP is on the external network that carries app VIPs for clients, while its nodes are on another network.",
    docs: `### Why
Seed 000's recommended 3-network design splits data traffic into an external network (\`dp-data-48\`, the DMZ where
the apps' load-balancer services are published) and an internal one (\`dp-data-52\`, the nodes). The Kubernetes API
VIPs go on the internal network too. Put the API VIP next to the apps instead and the result is, in the seed's words,
"the k8s nodes cannot be reached directly from outside, but they can through the k8s API load balancer" - the
isolation of the node network is undone by the API VIP.

Precisely: a TKG cluster whose control-plane endpoint is served by NSX-ALB, whose API VIP network
(\`controlPlaneVipNetwork\`, or the workload VIP network when none is set) is a network on which some cluster
publishes app VIPs (a TKG workload VIP network or an AKO VIP network), and whose nodes are on a **different** network.
One warning per (API VIP network, node network) lists every cluster concerned. When the API VIP, the apps and the
nodes share one network (seed 000's 1- and 2-network designs) the nodes themselves are exposed;
\`security/single-network\` or \`security/vip-on-node-network\` says so, and this rule stays silent. With kube-vip the
API VIP is held by a control-plane node on the node network and NSX-ALB does not carry it, so the rule does not apply,
even though TKG still asks for a (then unused) management VIP network (seed 000's kube-vip design).

### How to fix in Viplane
Select each TKG cluster and set its **Control-plane VIP network** to the internal node network, as
seed 000's 3-network design does (\`dp-data-52\`, exported as \`AVI_CONTROL_PLANE_NETWORK\`); the SE group then needs a
NIC there too.

### Source
Seed 000 (NSX-ALB configuration samples for TKG 1.4), L206: deploying the k8s load balancer on the same network as the
apps gives "k8s ノードには外部から直接アクセスできないが、k8s 本体のロードバランサー経由ではアクセスできる" - not desirable -
so the SE also gets a leg in dp-data-52 for the API VIPs; L233: app traffic is balanced in the DMZ, k8s API traffic on a
private network not reachable from outside. L259: in the kube-vip design the management VIP network is set but unused.`,
    seeds: ['000'],
  },
  check({ model, report }) {
    const exposed = appVipNetworkIds(model);
    const flagged = clusterPlacements(model).filter(
      (p) =>
        p.kind === 'tkgCluster' &&
        p.apiOnLoadBalancer &&
        p.apiVipNetworkId !== null &&
        p.nodeNetworkId !== null &&
        p.apiVipNetworkId !== p.nodeNetworkId &&
        exposed.has(p.apiVipNetworkId),
    );
    // One warning per (API VIP network, node network).
    for (const group of groupBy(flagged, (p) => `${p.apiVipNetworkId}|${p.nodeNetworkId}`).values()) {
      const first = group[0]!;
      const api = model.networkById.get(first.apiVipNetworkId!);
      const node = model.networkById.get(first.nodeNetworkId!);
      const targets: Target[] = group.map((p) => ({ kind: 'tkgCluster', id: p.clusterId }));
      if (api) targets.push({ kind: api.kind, id: api.id });
      if (node) targets.push({ kind: node.kind, id: node.id });
      const apiName = api?.name ?? first.apiVipNetworkId!;
      const nodeName = node?.name ?? first.nodeNetworkId!;
      const app = exposed.get(first.apiVipNetworkId!)!;
      const publisher = model.elements.get(app.via)?.name ?? app.via;
      const many = group.length > 1;
      report({
        message: `${many ? 'Kubernetes API VIPs' : 'The Kubernetes API VIP'} of ${clusterList(group.map((p) => p.name)).replace(/^C/, 'c')} ${many ? 'are' : 'is'} on ${apiName}, the external network that carries the app VIPs (${app.what} of ${publisher}), while ${many ? 'their' : 'its'} nodes are on ${nodeName}: the nodes become reachable from outside through the API load balancer`,
        targets,
        data: { clusters: group.map((p) => p.name), apiVipNetwork: apiName, nodeNetwork: nodeName },
      });
    }
  },
});
