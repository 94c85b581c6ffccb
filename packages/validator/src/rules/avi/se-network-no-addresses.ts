import { defineRule } from '../../engine/rule.ts';
import { isUnknown } from '../../unknown.ts';

/** Avi static ranges that hand out SE interface addresses (STATIC_IPS_FOR_SE, STATIC_IPS_FOR_VIP_AND_SE). */
const SE_CAPABLE: ReadonlySet<string> = new Set(['se-pool', 'se-vip-pool']);

export default defineRule({
  meta: {
    id: 'avi/se-network-no-addresses',
    severity: 'error',
    category: 'avi',
    description: 'An SE group has a pool- or DHCP-addressed NIC on a network with no SE-capable range and no DHCP.',
    docs: `### Why
When the Controller places a Service Engine on a network it gives the SE interface an address from the
network's static ranges of type \`STATIC_IPS_FOR_SE\` or \`STATIC_IPS_FOR_VIP_AND_SE\`, or lets the SE ask DHCP
when the network runs it. A range of type \`STATIC_IPS_FOR_VIP\` only is not for SEs. With neither, the SE
cannot get an address there: SE creation fails ("no IP available for SE" on the network), and every
virtual service placed on that network stays down.

### How to fix in Viplane
Select the network the SE group's interface points to and add to its **Address ranges** one of purpose SE pool or
SE + VIP pool (Avi \`STATIC_IPS_FOR_SE\` / \`STATIC_IPS_FOR_VIP_AND_SE\`), or turn on its **DHCP**; or select the
SE group's interface and set its **Address mode** to \`static\` with an **Address**.

### Source
Avi Network schema (vmware/alb-sdk \`swagger/Network.json\`, \`configured_subnets[].static_ip_ranges[].type\`:
STATIC_IPS_FOR_SE, STATIC_IPS_FOR_VIP, STATIC_IPS_FOR_VIP_AND_SE; \`dhcp_enabled\`), formats.md §3. Seed 000: each SE interface
needs an address, taken from an IP pool configured beforehand or left to DHCP (L85).`,
    seeds: ['000'],
  },
  check({ model, report }) {
    const seCapable = new Set<string>();
    for (let k = 0, all = model.ranges; k < all.length; k++) {
      const r = all[k]!;
      if (r.networkId !== null && SE_CAPABLE.has(r.purpose)) seCapable.add(r.networkId);
    }
    for (const l of model.document.links) {
      if (l.kind !== 'nic' || l.addressMode === 'static') continue;
      const se = model.elements.get(l.from);
      if (se?.kind !== 'seGroup') continue;
      const net = model.networkById.get(l.to);
      const el = model.elements.get(l.to);
      // A network whose ranges or DHCP an import did not learn is a question (design/unknown-value).
      if (!net || net.dhcp || seCapable.has(net.id) || isUnknown(el, 'ranges') || isUnknown(el, 'dhcp')) continue;
      report({
        message: `SE group ${se.name} takes its ${l.role} address on ${net.name} from ${l.addressMode === 'dhcp' ? 'DHCP' : 'a pool'}, but ${net.name} has no SE range (se-pool / se-vip-pool) and no DHCP`,
        targets: [
          { kind: 'seGroup', id: se.id },
          { kind: 'link', id: l.id },
          { kind: net.kind, id: net.id },
        ],
        data: { seGroup: se.name, network: net.name, role: l.role, addressMode: l.addressMode },
      });
    }
  },
});
