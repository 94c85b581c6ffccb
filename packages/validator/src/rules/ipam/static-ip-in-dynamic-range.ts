import { defineRule } from '../../engine/rule.ts';
import {
  addressTargets,
  capitalize,
  describeHolder,
  elementName,
  forEachHeld,
  isDynamicPurpose,
  isGatewayOf,
  isVipPool,
  purposeLabel,
  rangesHolding,
  rangeTargets,
  uniqueTargets,
} from '../../queries/ipam.ts';
import type { L3Address, L3Model } from '../../l3/model.ts';

export default defineRule({
  meta: {
    id: 'ipam/static-ip-in-dynamic-range',
    severity: 'error',
    category: 'ipam',
    description:
      'A fixed address (endpoint, kube-vip, DNS VS, Controller, SE, HAProxy, node) lies inside a pool or DHCP scope of its network.',
    docs: `### Why
A pool or DHCP scope belongs to its allocator, which does not know about addresses set by hand. Sooner or later it hands
the same address to an SE interface, a VIP or a node, and two machines answer one address. Seed 003 assigns the DNS
virtual service 172.16.251.253 by hand, deliberately outside the VIP pool 172.16.251.1-100. Seed 000's kube-vip
endpoint 192.168.52.100 is a fixed address held by a control-plane node and must stay out of the node DHCP scope. Seed
002's HAProxy answers every address of its VIP range, so its own workload address inside that range breaks.

Fixed addresses are: TKG control-plane endpoints, kube-vip addresses, DNS virtual services, NIC addresses set statically
(Controller, SE groups, HAProxy, Supervisor, routers), static node addresses and the Supervisor's management block (control-plane VMs + 2: 5 addresses with 3 VMs).
Dynamic ranges are NSX-ALB SE/VIP pools, DHCP scopes, node ranges, Supervisor workload ranges and HAProxy VIP ranges of
the address's own network; \`reserved\` ranges are exclusions, not pools. A VIP (a virtual service, or a TKG endpoint served
by NSX-ALB) placed explicitly inside a VIP pool is fine: the Controller takes it out of the pool. An address equal to
the network's gateway is left to \`ipam/reserved-address\`, \`ipam/gateway-in-range\` and \`ipam/duplicate-ip\`.

### How to fix in Viplane
Select the element that holds the address and change its **Address** (an interface's **Address**, a virtual service's
or DNS virtual service's **Address**, a TKG cluster's **Control-plane endpoint**, a Kubernetes cluster's node address
under **Nodes**, or the Supervisor's **Management start address**) to an address outside every pool and DHCP scope of
the network; or select the network and shrink the range in its **Address ranges**.

Choose the fixed address outside every pool and scope of the network (seed 003: DNS VS 172.16.251.253 with the pool at
.1-.100; seed 000: kube-vip 192.168.52.100 with the node DHCP scope 192.168.54.1-192.168.55.254; seed 002: HAProxy
workload address 192.168.120.5 with VIPs in 192.168.120.128/25), or shrink the range.

### Source
Seed 003 (AKO), L204-206 and L241: the DNS VS gets 172.16.251.253 by hand, outside the pool. Seed 000 (NSX-ALB),
L255 and L265: kube-vip needs a fixed representative IP, 192.168.52.100, held by a master node. Seed 002 (HAProxy),
L16-17: every host in the VIP range is unreachable for non-VIP traffic.`,
    seeds: ['003', '000', '002'],
  },
  check({ model, report }) {
    // The Supervisor's 5-address block is reported once per range, at its first address inside.
    const seen = new Set<string>();
    forEachHeld(model, (a, ip) => {
      if (a.networkId === null || isGatewayOf(model, a.networkId, ip)) return;
      const holding = rangesHolding(model, a.networkId, ip);
      for (let j = 0; j < holding.length; j++) {
        const { range, network } = holding[j]!;
        if (!isDynamicPurpose(range.purpose)) continue;
        if (isVip(model, a) && isVipPool(range.purpose)) continue;
        const key = `${a.path}|${range.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report({
          message: `${capitalize(describeHolder(model, a, ip.text))} lies in the ${purposeLabel(range.purpose)} ${range.text} of ${elementName(model, range.ownerId)} on network ${network.name}: ${
            range.purpose === 'haproxy-vip'
              ? 'HAProxy answers every address of that range as a VIP'
              : 'its allocator can hand the address to something else'
          }`,
          targets: uniqueTargets([...addressTargets(model, a), ...rangeTargets(model, range)]),
          data: { address: ip.text, role: a.role, range: range.text, purpose: range.purpose, network: network.name },
        });
      }
    });
  },
});

function isVip(model: L3Model, a: L3Address): boolean {
  if (a.role === 'vip') return true;
  if (a.role !== 'endpoint') return false;
  const el = model.elements.get(a.ownerId);
  return el?.kind === 'tkgCluster' && el.props.endpoint.provider === 'nsx-alb';
}
