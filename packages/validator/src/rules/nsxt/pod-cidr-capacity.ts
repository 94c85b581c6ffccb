import { defineRule } from '../../engine/rule.ts';
import { NODE_POD_PREFIX, nodePodCidrCapacity, routableClusters } from '../../queries/nsxt.ts';

export default defineRule({
  meta: {
    id: 'nsxt/pod-cidr-capacity',
    severity: 'error',
    category: 'nsxt',
    description:
      'A routable-pods CLUSTER_CIDR holds fewer /24 node podCIDRs than the cluster has nodes (control plane + workers + 1 surge).',
    docs: `### Why
With NSX-T routable pods each node takes a whole /24 out of \`CLUSTER_CIDR\`, so a CLUSTER_CIDR of prefix *p* serves
2^(24-p) nodes: a /21 holds 8, a /23 only 2. The cluster needs one per control-plane node, one per worker, and one more
for the node that a rolling upgrade or machine-health remediation creates before the old one is deleted. When the
/24s run out the new node gets no podCIDR, its pods cannot start and no Tier-1 route is added for it.

### How to fix in Viplane
Select the TKG cluster and widen its **Pod CIDR** (one prefix shorter doubles the nodes it serves), or
lower **Control-plane nodes** / **Workers**. Keep the new CIDR clear of the node segment and of every other cluster's
pod CIDR (seed 001 uses 172.16.136.0/21 and 172.16.144.0/21).

### Source
Seed 001 (TKG routable pods on NSX-T), L127: 「作成するノード数に注意してCLUSTER_CIDRを指定する必要があります」 — choose CLUSTER_CIDR with the
number of nodes in mind; each node gets a /24 from it (a /21 gives 8 nodes). The +1 surge node is the catalogue's demand
model (domain.md §7, \`ipam/pool-exhausted\`).`,
    seeds: ['001'],
  },
  check({ model, report }) {
    for (const { cluster, podCidr, nodeDemand } of routableClusters(model)) {
      if (!podCidr || podCidr.prefix > NODE_POD_PREFIX) continue;
      const capacity = nodePodCidrCapacity(podCidr);
      if (capacity === null || capacity >= nodeDemand) continue;
      const { controlPlaneCount, workerCount } = cluster.props;
      report({
        message: `CLUSTER_CIDR ${podCidr.text} of routable-pods cluster ${cluster.name} holds ${capacity} node podCIDR(s) of /24, but the cluster needs ${nodeDemand} (${controlPlaneCount} control plane + ${workerCount} workers + 1 surge)`,
        targets: [{ kind: 'tkgCluster', id: cluster.id }],
        data: { cluster: cluster.name, podCidr: podCidr.text, capacity, demand: nodeDemand, controlPlaneCount, workerCount },
      });
    }
  },
});
