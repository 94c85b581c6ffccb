import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { clusterList, clusterPlacements, groupBy, isOneNetwork } from '../../queries/security.ts';

export default defineRule({
  meta: {
    id: 'security/single-network',
    severity: 'warning',
    category: 'security',
    description:
      'A TKG cluster puts its nodes on the NSX-ALB management network - in the 1-network design, everything on one network (dev/PoC only).',
    docs: `### Why
Seed 000's 1-network design puts management (vCenter, the NSX-ALB Controller, the SE management interfaces), the
load-balancer services published to clients, the Kubernetes API VIPs and the Kubernetes nodes on one port group
(\`dp-mgmt-32\`). It is simple to build, but management and data traffic are mixed: the design is easy to attack and
fragile, and accidents happen - a user can create an address that clashes with vCenter's. The seed recommends it
only for unimportant small environments, PoCs and a developer's own environment.

The rule fires for a TKG cluster whose node network is a management network of NSX-ALB (a network with an SE
management NIC of the cluster's SE group, or the Controller's network):
- when its app VIP network(s) and its API VIP network are that same network too, it is the **1-network design**;
- otherwise the nodes alone sit on the management network, which seed 000 also advises against: nodes send and
  receive the traffic of every app they run, so they do not belong on the management network.

One warning per network lists every cluster concerned. In the 1-network case \`security/vip-on-node-network\` stays
silent: this warning already says everything shares one network. The 2- and 3-network designs of seed 000 keep the
nodes off \`dp-mgmt-32\` and do not trip this rule.

### How to fix in Viplane
Separate the networks for anything beyond a PoC: add port groups and move the clusters' **Node
network** and the **VIP networks** off the management network (seed 000's 2-network design), or better the
3-network design with the apps' VIPs on a DMZ network (\`dp-data-48\`) and the nodes and Kubernetes API VIPs on an
internal one (\`dp-data-52\`).

### Source
Seed 000 (NSX-ALB configuration samples for TKG 1.4), L129-131: the 1-network design "事故がおきやすい構成(たとえばユーザ
操作で vCenter との重複 IP を発生させられる)" - accident-prone (a user can create an IP duplicating vCenter's); use it only
for unimportant small vSphere environments, PoCs or developers' own environments. L182: the k8s nodes send and receive
all the apps' traffic, so the management network is not suitable for them.`,
    seeds: ['000'],
  },
  check({ model, report }) {
    const flagged = clusterPlacements(model).filter(
      (p) => p.kind === 'tkgCluster' && p.nodeNetworkId !== null && p.managementNetworkIds.has(p.nodeNetworkId),
    );
    // One warning per network and variant: the design, not each cluster, is the finding.
    for (const group of groupBy(flagged, (p) => `${p.nodeNetworkId}|${isOneNetwork(p)}`).values()) {
      const first = group[0]!;
      const network = model.networkById.get(first.nodeNetworkId!);
      const name = network?.name ?? first.nodeNetworkId!;
      const oneNetwork = isOneNetwork(first);
      const many = group.length > 1;
      const targets: Target[] = group.map((p) => ({ kind: 'tkgCluster', id: p.clusterId }));
      if (network) targets.push({ kind: network.kind, id: network.id });
      report({
        message: oneNetwork
          ? `${clusterList(group.map((p) => p.name))} ${many ? 'run' : 'runs'} everything on network ${name}: nodes, app VIPs, the Kubernetes API VIP and NSX-ALB management share one network (1-network design, dev/PoC only)`
          : `${clusterList(group.map((p) => p.name))} ${many ? 'put their' : 'puts its'} nodes on the management network ${name}, next to the NSX-ALB management interfaces`,
        targets,
        data: { clusters: group.map((p) => p.name), network: name, variant: oneNetwork ? 'one-network' : 'nodes-on-management' },
      });
    }
  },
});
