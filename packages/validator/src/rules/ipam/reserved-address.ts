import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import {
  capitalize,
  elementName,
  elementTarget,
  formatValue,
  gatewaysOf,
  purposeLabel,
  rangeInterval,
  rangeTargets,
  subnetReserved,
  uniqueTargets,
  type GatewayRef,
} from '../../queries/ipam.ts';
import type { Cidr } from '../../l3/addr.ts';
import type { L3Range } from '../../l3/model.ts';

export default defineRule({
  meta: {
    id: 'ipam/reserved-address',
    severity: 'error',
    category: 'ipam',
    description: "A pool, DHCP scope or workload range includes its subnet's network or broadcast address, or the gateway.",
    docs: `### Why
An allocator hands out every address of its range. The network and broadcast addresses of an IPv4 subnet cannot be
given to a host, and the gateway already belongs to the router: an SE interface, VIP or node that gets the gateway
address takes over the next hop of everything on the network (ARP conflict), and one that gets the network or
broadcast address does not work at all. Seed 003's VIP pool starts at 172.16.251.1 and hands that address out as the
first LoadBalancer VIP - so the ".1 is the gateway" habit must not be applied to that network.

The check uses the real prefix, never "last octet 0 or 255": in seed 000 the subnets are /20 and /22, and
192.168.49.0 or 192.168.34.255 are ordinary host addresses (seed 000 hands out VIP 192.168.49.0). IPv6 has no
broadcast; its first address (Subnet-Router anycast) is reserved. /31 and /32 (/127, /128) have no reserved addresses.

Gateways are the network's own gateway and the gateways NICs name on that network. HAProxy VIP CIDRs are not checked
here: the appliance answers every address of the CIDR, so the broadcast address inside seed 002's 192.168.120.128/25 is
harmless, and a gateway inside a VIP CIDR is \`ipam/gateway-in-range\`'s finding (seed 002), so one mistake is reported
once. \`reserved\` ranges are skipped (reserving the gateway is their point), and so are ranges that are not entirely
inside their subnet (\`ipam/range-outside-subnet\`).

### How to fix in Viplane
Select the network named in the message and edit its **Address ranges** so that each range starts after the network
address and the **Gateway** and ends before the broadcast address; or change the network's **Gateway** (or the gateway
on the interface) to an address outside the pool.

Start the range after the network address and the gateway and end it before the broadcast address - e.g. seed 000's
DHCP scope 192.168.54.1-192.168.55.254 on 192.168.52.0/22 with the gateway 192.168.52.1 outside it - or move the
gateway out of the pool (seed 003: gateway 172.16.251.254, pool .1-.100).

### Source
Seed 003 (AKO), L148: the first pool address 172.16.251.1 becomes the LoadBalancer VIP, so the gateway of \`alb-vip\` cannot
be .1. Seed 000 (NSX-ALB), L109, L147: the gateways 192.168.32.1 and 192.168.48.1 are the L3 switch's SVIs; VIP
192.168.49.0 is a host address of 192.168.48.0/22 (L265).`,
    seeds: ['003', '000'],
  },
  check({ model, report }) {
    for (let k = 0, all = model.ranges; k < all.length; k++) {
      const r = all[k]!;
      if (r.purpose === 'reserved' || r.purpose === 'haproxy-vip') continue;
      const network = r.networkId === null ? undefined : model.networkById.get(r.networkId);
      const subnet = network?.subnet;
      if (!network || !subnet || !needsCheck(r, subnet, gatewaysOf(model, network.id))) continue;
      const iv = rangeInterval(r)!;
      const gateways = gatewaysOf(model, network.id);
      const flagged: (number | bigint)[] = [];
      const flag = (value: number | bigint, kind: 'gateway' | 'network' | 'broadcast', what: string, extra: Target[]) => {
        if (value < iv.start || value > iv.end || flagged.includes(value)) return;
        flagged.push(value);
        const address = formatValue(iv.family, value);
        report({
          message: `${capitalize(purposeLabel(r.purpose))} ${r.text} of ${elementName(model, r.ownerId)} includes ${address}, ${what} of network ${network.name} (${subnet.text})`,
          targets: uniqueTargets([...rangeTargets(model, r), ...extra]),
          data: { range: r.text, purpose: r.purpose, address, reserved: kind, network: network.name, subnet: subnet.text },
        });
      };
      for (const g of gateways)
        if (g.ip.family === iv.family)
          flag(
            g.ip.value,
            'gateway',
            g.source === 'network' ? 'the gateway' : `the gateway set on a NIC of ${elementName(model, g.ownerId)}`,
            g.source === 'link' ? [elementTarget(model, g.ownerId), { kind: 'link', id: g.linkId! }] : [],
          );
      for (const { value, what } of subnetReserved(subnet)) flag(value, what, `the ${what} address`, []);
    }
  },
});

/**
 * Does the range need a closer look: a valid range inside its subnet (as `rangeInterval` and
 * `intervalWithin` decide) that touches the network or broadcast address or holds a gateway?
 * Most ranges do not, and this answers for them without allocating (a large estate has 6,000).
 */
function needsCheck(r: L3Range, subnet: Cidr, gateways: readonly GatewayRef[]): boolean {
  const { start, end } = r;
  if (!start || !end || start.family !== end.family || end.value < start.value) return false;
  if (subnet.family !== start.family || start.value < subnet.first || end.value > subnet.last) return false;
  if (start.value === subnet.first || end.value === subnet.last) return true;
  for (const g of gateways) if (g.ip.family === start.family && start.value <= g.ip.value && g.ip.value <= end.value) return true;
  return false;
}
