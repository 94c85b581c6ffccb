import { defineRule } from '../../engine/rule.ts';
import { NODE_POD_PREFIX, routableClusters } from '../../queries/nsxt.ts';

export default defineRule({
  meta: {
    id: 'nsxt/pod-cidr-too-small',
    severity: 'error',
    category: 'nsxt',
    description: 'A routable-pods TKG cluster has a CLUSTER_CIDR longer than /24, so no node can get its /24 podCIDR.',
    docs: `### Why
With \`NSXT_POD_ROUTING_ENABLED: "true"\` every node of the workload cluster is given a **/24** podCIDR carved out of
\`CLUSTER_CIDR\`, and the vSphere cloud provider adds the static route \`podCIDR -> node IP\` on the cluster's Tier-1.
A CLUSTER_CIDR smaller than a /24 (for example \`172.16.136.0/25\`) cannot hold even one node's podCIDR: nodes stay
without pod addresses and no route is programmed.

### How to fix in Viplane
Select the TKG cluster and set its **Pod CIDR** to a /24 or larger block sized for its nodes (each
node takes one /24: a /21 holds 8 nodes), e.g. \`172.16.136.0/21\` as in the seed. It must not overlap the node
segment or another cluster's pod CIDR.

### Source
Seed 001 (TKG routable pods on NSX-T), L127: "CLUSTER_CIDRには/24以上のCIDRを指定します。作成するクラスターの各ノードには
CLUSTER_CIDRから/24単位でpodCIDRが割り当てられます" — CLUSTER_CIDR must be /24 or larger; each node gets a /24 from it.
IPv6 CLUSTER_CIDRs are not checked (the seed is IPv4 only).`,
    seeds: ['001'],
  },
  check({ model, report }) {
    for (const { cluster, podCidr } of routableClusters(model)) {
      if (!podCidr || podCidr.family !== 4 || podCidr.prefix <= NODE_POD_PREFIX) continue;
      report({
        message: `CLUSTER_CIDR ${podCidr.text} of routable-pods cluster ${cluster.name} is smaller than a /24: each node needs a /24 podCIDR from it`,
        targets: [{ kind: 'tkgCluster', id: cluster.id }],
        data: { cluster: cluster.name, podCidr: podCidr.text, prefix: podCidr.prefix, requiredPrefix: NODE_POD_PREFIX },
      });
    }
  },
});
