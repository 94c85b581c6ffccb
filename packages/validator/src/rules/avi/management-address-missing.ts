import { defineRule } from '../../engine/rule.ts';

export default defineRule({
  meta: {
    id: 'avi/management-address-missing',
    severity: 'error',
    category: 'avi',
    description: 'A management NIC of the NSX-ALB Controller (or a static one of an SE group) has no address.',
    docs: `### Why
The Controller is reached on its management address: by AKO (\`ControllerSettings.controllerHost\`), by the
TKG installer (\`AVI_CONTROLLER\`), by vCenter and by the Service Engines, which register with it over their
management interface. A Controller whose management NIC has no address (and takes none from DHCP) cannot be
exported to any of them; an SE management NIC set to \`static\` without an address leaves the SE unable to
register, so it never serves a virtual service.

### How to fix in Viplane
Select the Controller's (or the SE group's) **management** NIC and set its **address**, or set
its **address mode** to \`dhcp\` (a network with DHCP) or, for SEs, \`pool\` (a network with an se-pool range).

### Source
Seed 000: 192.168.3.0/24 is the port "for management traffic (talking to the NSX-ALB Controller)" (L81);
seed 003: the Controller at 172.16.250.1 (L124). AKO values.yaml \`ControllerSettings.controllerHost\`, the
Controller address AKO connects to (formats.md §4.1).`,
    seeds: ['000', '003'],
  },
  check({ model, report }) {
    for (const l of model.document.links) {
      if (l.kind !== 'nic' || l.role !== 'management') continue;
      const holder = model.elements.get(l.from);
      if (holder?.kind !== 'aviController' && holder?.kind !== 'seGroup') continue;
      if (l.address !== null && l.address.trim() !== '') continue;
      // A Controller's address never comes from an SE pool; an SE takes pool or DHCP addresses (avi/se-network-no-addresses).
      if (holder.kind === 'seGroup' ? l.addressMode !== 'static' : l.addressMode === 'dhcp') continue;
      report({
        message: `${holder.kind === 'aviController' ? 'Controller' : 'SE group'} ${holder.name} has a management NIC without an address (mode ${l.addressMode})`,
        targets: [
          { kind: holder.kind, id: holder.id },
          { kind: 'link', id: l.id },
        ],
        data: { holder: holder.name, addressMode: l.addressMode },
      });
    }
  },
});
