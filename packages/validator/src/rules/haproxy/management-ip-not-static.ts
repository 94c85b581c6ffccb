import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { describeNetwork, haproxyNics, networkOf } from '../../queries/haproxy.ts';

export default defineRule({
  meta: {
    id: 'haproxy/management-ip-not-static',
    severity: 'error',
    category: 'haproxy',
    description: 'The HAProxy management NIC has no fixed (static) address, so the Supervisor cannot rely on reaching its Data Plane API.',
    docs: `### Why
The Supervisor programs HAProxy through the Data Plane API, which is bound to the appliance's management NIC. vCenter
stores the API endpoint as a fixed \`host:port\` (\`ha_proxy_config_create_spec.servers\`), so the management address
must be a static IP on the management network (OVA property \`network.management_ip\` as \`ip/prefix\`). Left empty the
OVA falls back to DHCP: the address can change on a lease renewal or reboot and the Supervisor loses its load
balancer — no new VIPs, no updates of existing ones.

### How to fix in Viplane
Select the HAProxy's management NIC, set its **address mode** to \`static\` and give it an **address**
on the management network outside any DHCP range (e.g. \`192.168.110.5\` with gateway \`192.168.110.1\`); the
Supervisor's load-balancer settings use that address.

### Source
Seed 002 (HAProxy topologies for vSphere with Tanzu), L40-42: the Data Plane API endpoint is bound to the NIC on the
management network, and 「管理 IP アドレスに、管理ネットワーク上の固定 IP アドレスを指定する必要があります」 — the management
IP must be a fixed address on the management network. A missing management NIC is reported here too.`,
    seeds: ['002'],
  },
  check({ model, report }) {
    for (const { haproxy, management } of haproxyNics(model)) {
      if (management.length === 0) {
        report({
          message: `HAProxy ${haproxy.name} has no management NIC: the Supervisor has no fixed address to program its Data Plane API on`,
          targets: [{ kind: 'haproxy', id: haproxy.id }],
          data: { haproxy: haproxy.name, addressMode: null, address: null },
        });
        continue;
      }
      for (const nic of management) {
        if (nic.addressMode === 'static' && nic.address !== null) continue;
        const net = networkOf(model, nic);
        const targets: Target[] = [
          { kind: 'haproxy', id: haproxy.id },
          { kind: 'link', id: nic.id },
        ];
        if (net) targets.push({ kind: net.kind, id: net.id });
        const how =
          nic.addressMode === 'static' ? 'has no address' : `takes its address by ${nic.addressMode === 'dhcp' ? 'DHCP' : 'pool'}`;
        report({
          message: `Management NIC of HAProxy ${haproxy.name}${net ? ` on ${describeNetwork(net)}` : ''} ${how}: the Data Plane API needs a fixed management IP`,
          targets,
          data: { haproxy: haproxy.name, addressMode: nic.addressMode, address: nic.address, network: net?.name ?? null },
        });
      }
    }
  },
});
