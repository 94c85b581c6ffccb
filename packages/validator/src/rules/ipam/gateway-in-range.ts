import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { elementName, elementTarget, gatewaysOf, inInterval, rangeInterval, rangeTargets, uniqueTargets } from '../../queries/ipam.ts';

export default defineRule({
  meta: {
    id: 'ipam/gateway-in-range',
    severity: 'error',
    category: 'ipam',
    description:
      'A gateway lies inside an HAProxy VIP range, which the appliance answers entirely, so every route through that gateway fails.',
    docs: `### Why
The HAProxy appliance of vSphere with Tanzu answers **every** address of its VIP ranges, assigned or not (the OVA's
\`loadbalance.service_ip_range\`, implemented as local routes for the whole CIDR). If the network's gateway - or the
gateway a NIC is configured with - lies in such a range, HAProxy claims the gateway address for itself: packets meant
for the router stop at the load balancer, and all routes through that gateway fail. Seed 002 states it plainly.

The VIP range's network is the one HAProxy answers VIPs on: the frontend network (Frontend topology) or the primary
workload network (Default topology), as for \`ipam/range-outside-subnet\`. A VIP CIDR written over another network's
gateway is not on that network: it is \`ipam/range-outside-subnet\`'s finding.

This rule covers gateways inside HAProxy VIP ranges only. A gateway inside an ordinary pool, DHCP scope or workload
range is \`ipam/reserved-address\`'s finding; \`ipam/reserved-address\` in turn skips HAProxy VIP ranges, so each mistake
is reported once.

### How to fix in Viplane
Select the HAProxy appliance and move its **VIP ranges** off the gateway address, or select the network (port group)
and change its **Gateway**; when the gateway is set on a NIC, select that interface and change its **Gateway**.

Keep the gateway out of the VIP range: in seed 002's example the network is 192.168.120.0/24, the VIPs take
192.168.120.128/25 and the gateway stays in the first half (192.168.120.1). Either move the VIP range (not
192.168.120.0/25 when the gateway is .1) or move the gateway (not .129 with VIPs in .128/25).

### Source
Seed 002 (vSphere with Tanzu + HAProxy), L18: "ゲートウェイを HAProxy の仮想 IP アドレス範囲内に配置しないでください。
ゲートウェイへのすべてのルートが失敗します" - do not put a gateway inside the HAProxy VIP range; all routes to that
gateway fail. L16-17: every host in the VIP range is unreachable for anything other than VIP traffic.`,
    seeds: ['002'],
  },
  check({ model, report }) {
    for (let k = 0, all = model.ranges; k < all.length; k++) {
      const r = all[k]!;
      if (r.purpose !== 'haproxy-vip' || r.networkId === null) continue;
      const iv = rangeInterval(r);
      const network = model.networkById.get(r.networkId);
      if (!iv || !network) continue;
      for (const g of gatewaysOf(model, network.id)) {
        if (!inInterval(iv, g.ip)) continue;
        const whose =
          g.source === 'network'
            ? `Gateway ${g.ip.text} of network ${network.name}`
            : `Gateway ${g.ip.text} set on the NIC of ${elementName(model, g.ownerId)} on ${network.name}`;
        const extra: Target[] = g.source === 'link' ? [elementTarget(model, g.ownerId), { kind: 'link', id: g.linkId! }] : [];
        report({
          message: `${whose} lies in the VIP range ${r.text} of HAProxy ${elementName(model, r.ownerId)}: HAProxy answers every address of the range, so all routes to that gateway fail`,
          targets: uniqueTargets([...rangeTargets(model, r), ...extra]),
          data: { gateway: g.ip.text, vipRange: r.text, network: network.name, haproxy: elementName(model, r.ownerId) },
        });
      }
    }
  },
});
