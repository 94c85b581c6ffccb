import { defineRule } from '../../engine/rule.ts';
import { capitalize, cidrInterval, elementName, intervalWithin, purposeLabel, rangeInterval, rangeTargets } from '../../queries/ipam.ts';

export default defineRule({
  meta: {
    id: 'ipam/range-outside-subnet',
    severity: 'error',
    category: 'ipam',
    description: 'An address range (pool, DHCP scope, workload range, HAProxy VIP CIDR) is not entirely inside the subnet of its network.',
    docs: `### Why
A range hands out addresses to things that sit on the range's network: SE interfaces and VIPs from an NSX-ALB pool,
nodes from a DHCP scope, Supervisor and TKC nodes from a workload range. An address outside the subnet is not
reachable on that port group - the Controller refuses a static range outside the network's subnet, an SE interface or
VIP taken from it has no connected route, and a node with it cannot reach its gateway.

HAProxy's VIP CIDRs belong to one network, the one HAProxy answers VIPs on (seed 002): the **frontend** network in the
Frontend (3-NIC) topology, the **primary workload network** in the Default (2-NIC) topology (the primary workload
network of the Supervisor that uses the HAProxy; without one, the network of HAProxy's workload NIC). A VIP CIDR outside
that network's subnet is reported there, even when another network of the appliance (its management network, say)
happens to contain it: clients would send VIP traffic to a network HAProxy does not answer VIPs on.

A range that is partly outside is reported here only; \`ipam/reserved-address\` then skips it, so one mistake is not
reported twice. Ranges of a network without a known subnet are skipped.

### How to fix in Viplane
Select the port group, segment or workload network the range belongs to and edit its **Address ranges** so that both
ends lie inside its **Subnet**, or correct the **Subnet**. For an HAProxy appliance, edit its **VIP ranges** so they
fall inside the frontend network (Frontend **Topology**) or the primary workload network (Default topology).

For example, seed 003's VIP pool 172.16.251.1-172.16.251.100 lies in \`alb-vip\` 172.16.251.0/24; seed 002's VIP range
192.168.120.128/25 and workload ranges .31-.40 and .51-.60 lie in the workload network 192.168.120.0/24.

### Source
Seed 000 (NSX-ALB): each network used by NSX-ALB is registered with its subnet and an IP pool of that network (L60-62,
L143). Seed 002 (HAProxy): "192.168.120.0/24 ... VIP 192.168.120.128/25 ... workload ranges 192.168.120.31-40, 51-60"
all inside the one /24 (L21-31). Seed 003 (AKO): pool 172.16.251.1-100 on 172.16.251.0/24 (L117-119, L148).`,
    seeds: ['000', '002', '003'],
  },
  check({ model, report }) {
    for (let k = 0, all = model.ranges; k < all.length; k++) {
      const r = all[k]!;
      const network = r.networkId === null ? undefined : model.networkById.get(r.networkId);
      const iv = rangeInterval(r);
      if (!network?.subnet || !iv) continue;
      if (intervalWithin(iv, cidrInterval(network.subnet))) continue;
      report({
        message: `${capitalize(purposeLabel(r.purpose))} ${r.text} of ${elementName(model, r.ownerId)} is not inside the subnet ${network.subnet.text} of network ${network.name}`,
        targets: rangeTargets(model, r),
        data: { range: r.text, purpose: r.purpose, network: network.name, subnet: network.subnet.text },
      });
    }
  },
});
