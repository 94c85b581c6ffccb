import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { clusterList, clusterPlacements, groupBy, isOneNetwork, type AppVipSource, type ClusterPlacement } from '../../queries/security.ts';

export default defineRule({
  meta: {
    id: 'security/vip-on-node-network',
    severity: 'warning',
    category: 'security',
    description: "A cluster publishes its apps' VIPs on its own node network, so exposed apps share a network with the Kubernetes nodes.",
    docs: `### Why
Seed 000's 2-network design separates management from data, but the exposed apps' load-balancer services, the
Kubernetes API VIPs and the nodes all sit on \`dp-data-48\`. Clients that may reach the apps can then reach the
nodes' network directly, and the firewalling gets complicated: the seed recommends it only for internal services where
attacks by third parties are unlikely, and the 3-network design (app VIPs in a DMZ network, nodes on an internal
one) when networks are available.

The rule fires when a network carrying a cluster's app VIPs is its node network: for TKG the workload VIP network
(\`AVI_DATA_NETWORK\`), for any cluster the VIP network of its AKO, and for a TKC an HAProxy VIP range of its
Supervisor on the TKC's workload network (seed 002's topology 1, where everything shares one port group). One warning
per node network lists every cluster concerned. The Kubernetes API VIP on the node network is the recommended
placement and does not count. In seed 000's 1-network design \`security/single-network\` reports the cluster instead,
so the same design is not warned about twice.

### How to fix in Viplane
Set the **Workload VIP network** of the TKG clusters (and the **VIP network** of their virtual services or AKO) to a
separate DMZ network routed to the node network: seed 000's 3-network design uses \`dp-data-48\` for app VIPs and
\`dp-data-52\` for nodes and API VIPs; with HAProxy, set **Topology** to \`frontend\` and put the **VIP ranges** on
the frontend network (seed 002, recommended for production). Keep this design only for internal services.

### Source
Seed 000 (NSX-ALB configuration samples for TKG 1.4), L178: the 2-network design does not consider a DMZ; use it for
internal services unlikely to be attacked by third parties - with externally published apps, the apps and the
Kubernetes base that should stay hidden share one network and network security gets complicated. Seed 002 (HAProxy),
L68 and L113: topology 1 puts Supervisor, TKCs, HAProxy and users on one port group, without isolation.`,
    seeds: ['000', '002'],
  },
  check({ model, report }) {
    const flagged: { p: ClusterPlacement; on: AppVipSource }[] = [];
    for (const p of clusterPlacements(model)) {
      if (p.nodeNetworkId === null || isOneNetwork(p)) continue;
      const on = p.appVips.find((v) => v.networkId === p.nodeNetworkId);
      if (on) flagged.push({ p, on });
    }
    // One warning per node network: the clusters sharing it with published VIPs.
    for (const group of groupBy(flagged, (f) => f.p.nodeNetworkId!).values()) {
      const networkId = group[0]!.p.nodeNetworkId!;
      const network = model.networkById.get(networkId);
      const name = network?.name ?? networkId;
      const targets: Target[] = group.map(({ p }) => ({ kind: p.kind, id: p.clusterId }));
      if (network) targets.push({ kind: network.kind, id: network.id });
      const sources: string[] = [];
      for (const { p, on } of group) {
        const via = model.elements.get(on.via);
        if (via && via.id !== p.clusterId && !targets.some((t) => t.id === via.id)) targets.push({ kind: via.kind, id: via.id });
        const text = `${on.what}${via && via.id !== p.clusterId ? ` of ${via.name}` : ''}`;
        if (!sources.includes(text)) sources.push(text);
      }
      const many = group.length > 1;
      report({
        message: `${clusterList(group.map(({ p }) => p.name))} ${many ? 'publish' : 'publishes'} app VIPs on ${many ? 'their' : 'its'} node network ${name} (${sources.join(', ')}): exposed apps share a network with the Kubernetes nodes (internal services only)`,
        targets,
        data: { clusters: group.map(({ p }) => p.name), network: name, via: [...new Set(group.map(({ on }) => on.what))] },
      });
    }
  },
});
