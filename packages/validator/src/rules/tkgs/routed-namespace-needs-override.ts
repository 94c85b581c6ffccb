import { defineRule } from '../../engine/rule.ts';
import { isUnknown } from '../../unknown.ts';

export default defineRule({
  meta: {
    id: 'tkgs/routed-namespace-needs-override',
    severity: 'error',
    category: 'tkgs',
    description: 'A TanzuKubernetesCluster with CNI antrea-nsx-routed in a vSphere namespace without a network override with NAT off.',
    docs: `### Why
Routable pods (\`antrea-nsx-routed\`) take their addresses from the vSphere namespace's own network: the Supervisor's
IPAM hands each node a pod CIDR out of the namespace network override, and NSX routes it because NAT is off. In a
namespace without an override (the Supervisor's default, NATed network) or with NAT on, there is nothing routable
to hand out and the cluster's pods get no routable addresses.

### How to fix in Viplane
Select the TKC's **vSphere namespace** and set its **network override**: a namespace network (CIDR), a subnet prefix,
and **NAT** off — or set the TKC's **CNI** to antrea.

### Source
formats.md §7: "\`antrea-nsx-routed\` requires a Supervisor with NSX networking and a vSphere Namespace whose network
override has NAT disabled". Seed 001 (routable pods on vSphere with Tanzu, L242-281).`,
    seeds: ['001'],
  },
  check(ctx) {
    const { model } = ctx;
    for (const tkc of model.ofKind('tkc')) {
      if (tkc.props.cni !== 'antrea-nsx-routed') continue;
      const ns = tkc.props.namespaceId ? model.elements.get(tkc.props.namespaceId) : undefined;
      // No namespace: tkgs/tkc-required-missing; an override an import could not read: unknown.
      if (ns?.kind !== 'vsphereNamespace' || isUnknown(ns, 'networkOverride')) continue;
      const override = ns.props.networkOverride;
      if (override && !override.nat) continue;
      ctx.report({
        message: `TKC ${tkc.name} uses antrea-nsx-routed, but vSphere namespace ${ns.name} ${override ? 'has NAT on' : 'has no network override'}: its pods get no routable addresses`,
        targets: [
          { kind: 'tkc', id: tkc.id },
          { kind: 'vsphereNamespace', id: ns.id },
        ],
        data: { tkc: tkc.name, namespace: ns.name, override: override !== null },
      });
    }
  },
});
