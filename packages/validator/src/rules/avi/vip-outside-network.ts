import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { inCidr } from '../../l3/addr.ts';
import type { L3Address } from '../../l3/model.ts';
import { elementOf } from '../../queries/routing.ts';
import { rangesByDomain, purposeLabel } from '../../queries/ipam.ts';

export default defineRule({
  meta: {
    id: 'avi/vip-outside-network',
    severity: 'error',
    category: 'avi',
    description: "A fixed NSX-ALB VIP (virtual service or DNS VS) lies outside its VIP network's subnet.",
    docs: `### Why
A virtual service's VIP is placed on its VIP network: the SEs answer ARP for it on that network's segment,
and the Controller checks a fixed address against the network's configured subnet. A fixed VIP outside the
subnet is refused by the Controller, or - when it happens to fall into another network's pool - collides
with the addresses that pool hands out there. Either way the virtual service never comes up at that
address.

A fixed VIP inside an SE-only range of its own network is \`ipam/static-ip-in-dynamic-range\`'s finding.

### How to fix in Viplane
Select the virtual service (or DNS virtual service) and set its **address** to a free address
inside its **VIP network**'s subnet, outside the SE ranges; or pick the **VIP network** that holds the
address; or clear the address to have it allocated from the VIP pool.

### Source
Seed 003: the LoadBalancer VIP 172.16.251.1 and the DNS VS 172.16.251.253 both lie in the VIP network
alb-vip 172.16.251.0/24 (L148, L204-206, L243). Avi VsVip schema (vmware/alb-sdk \`swagger/VsVip.json\`:
\`vip[].ip_address\` with \`placement_networks\` / the VIP network's subnet).`,
    seeds: ['003'],
  },
  check({ model, report }) {
    for (let k = 0, all = model.addresses; k < all.length; k++) {
      const a = all[k]!;
      if ((a.role !== 'vip' && a.role !== 'dns-vs') || !a.ip || a.networkId === null) continue;
      if (a.role === 'vip' && !servedBySe(model, a)) continue;
      const net = model.networkById.get(a.networkId);
      if (!net?.subnet || net.subnet.family !== a.ip.family || inCidr(net.subnet, a.ip)) continue;
      // Where the address does fall: another network's ranges in the same routing domain.
      const dr = rangesByDomain(model).get(net.routingDomain);
      const pools = dr ? dr.index.containing(a.ip).map((t) => dr.entries[t]!) : [];
      const owner = model.elements.get(a.ownerId);
      const targets: Target[] = [
        { kind: owner?.kind ?? 'virtualService', id: a.ownerId },
        { kind: net.kind, id: net.id },
      ];
      for (const e of pools) targets.push({ kind: 'range', id: e.range.id });
      const where = pools.map((e) => `the ${purposeLabel(e.range.purpose)} ${e.range.text} of ${e.network.name}`);
      report({
        message: `${owner?.name ?? a.ownerId} has the fixed VIP ${a.ip.text} outside its VIP network ${net.name} (${net.subnetText})${where.length > 0 ? `, inside ${where.join(' and ')}` : ''}`,
        targets,
        data: { address: a.ip.text, network: net.name, subnet: net.subnetText, ranges: pools.map((e) => e.range.text) },
      });
    }
  },
});

/** Virtual services of an SE group (HAProxy VIPs follow its VIP ranges, which have their own rules). */
function servedBySe(model: Parameters<typeof elementOf>[0], a: L3Address): boolean {
  const vs = elementOf(model, a.ownerId, 'virtualService');
  return elementOf(model, vs?.props.loadBalancerId, 'seGroup') !== undefined;
}
