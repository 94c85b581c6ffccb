import { defineRule } from '../../engine/rule.ts';

export default defineRule({
  meta: {
    id: 'ipam/pool-mode-address',
    severity: 'warning',
    category: 'ipam',
    description: 'A NIC that takes its address from a pool or DHCP also has a static address written on it.',
    docs: `### Why
A NIC in \`pool\` mode takes its addresses from the network's SE pool (NSX-ALB hands one address to each Service
Engine of the group), and one in \`dhcp\` mode from the network's DHCP server. An address typed on such a NIC is
never used: the exported Avi and HAProxy settings follow the mode, and one address could not serve a two-SE group
anyway. Viplane leaves the mode alone when an address is typed, so the design says two different things and this
rule asks which one is meant.

### How to fix in Viplane
Select the interface (the edge from the SE group, Controller or HAProxy to the network) and, in the inspector,
either clear its **Address** (the quick fix: back to the pool) or set its **Address mode** to \`static\` if this one
address is really meant (for an SE group that means one SE per address).

### Source
Seed 000: the SE data and management NICs take their addresses from the NSX-ALB IPAM pools (\`se-pool\` ranges,
L84, L99); seed 003: SE management from the se-pool on 172.16.250.0/24 (L124).`,
    seeds: ['000', '003'],
  },
  check({ model, report }) {
    for (const l of model.document.links) {
      if (l.kind !== 'nic' || l.addressMode === 'static' || l.address === null || l.address.trim() === '') continue;
      const holder = model.elements.get(l.from);
      const network = model.elements.get(l.to);
      if (!holder || !network) continue;
      report({
        message: `The ${l.role} NIC of ${holder.name} on ${network.name} is in ${l.addressMode} mode but has the address ${l.address} written on it, which is never used`,
        targets: [
          { kind: holder.kind, id: holder.id },
          { kind: 'link', id: l.id, field: 'address' },
        ],
        data: { holder: holder.name, network: network.name, address: l.address, addressMode: l.addressMode },
        suggestions: [
          {
            title: `Clear the address ${l.address}: ${holder.name} takes its address from the ${l.addressMode === 'pool' ? 'pool' : 'DHCP server'} of ${network.name}`,
            edit: [{ op: 'set', target: { kind: 'link', id: l.id, field: 'address' }, value: null }],
          },
        ],
      });
    }
  },
});
