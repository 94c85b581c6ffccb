import { defineRule } from '../../engine/rule.ts';

export default defineRule({
  meta: {
    id: 'tkgs/routed-pods-cidr-set',
    severity: 'error',
    category: 'tkgs',
    description: 'A TanzuKubernetesCluster with CNI antrea-nsx-routed sets pods.cidrBlocks, which must stay empty.',
    docs: `### Why
With CNI \`antrea-nsx-routed\` the pods of a TanzuKubernetesCluster get routable addresses: the Supervisor's IPAM hands
each node a podCIDR out of the vSphere namespace's network (namespace network override with NAT off), and NSX routes
them. The cluster must not bring its own pod range: \`spec.settings.network.pods.cidrBlocks\` has to be empty (or
omitted). A value there (for example the antrea default \`192.168.0.0/16\`) is rejected, or fights with the
namespace's address plan.

### How to fix in Viplane
Select the TKC and empty its **Pod CIDR blocks** (the seed leaves \`pods:\` empty), and size the
vSphere namespace's **Network override → Namespace network** and **Subnet prefix** instead; or set the TKC's **CNI**
to \`antrea\` or \`calico\` if the pods should be NATed with their own CIDR.

### Source
Seed 001 (routable pods on vSphere with Tanzu), L242 and the TKC manifest L248-281: "# pods.cidrBlocks value must be
empty when antrea-nsx-routed is the CNI".`,
    seeds: ['001'],
  },
  check({ model, report }) {
    for (const tkc of model.ofKind('tkc')) {
      if (tkc.props.cni !== 'antrea-nsx-routed' || tkc.props.podCidrBlocks.length === 0) continue;
      report({
        message: `TanzuKubernetesCluster ${tkc.name} uses CNI antrea-nsx-routed but sets pods.cidrBlocks ${tkc.props.podCidrBlocks.join(', ')}: it must be empty`,
        targets: [{ kind: 'tkc', id: tkc.id }],
        data: { tkc: tkc.name, cni: tkc.props.cni, podCidrBlocks: [...tkc.props.podCidrBlocks] },
      });
    }
  },
});
