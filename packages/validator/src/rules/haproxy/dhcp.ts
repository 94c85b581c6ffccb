import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import type { L3Network } from '../../l3/model.ts';
import { describeNetwork, haproxyNics, networkOf } from '../../queries/haproxy.ts';
import { workloadNetworksBySupervisor } from '../../queries/supervisor.ts';

export default defineRule({
  meta: {
    id: 'haproxy/dhcp',
    severity: 'warning',
    category: 'haproxy',
    description:
      'An HAProxy workload/frontend NIC, or a network HAProxy serves (workload, frontend, Supervisor workload network), relies on DHCP.',
    docs: `### Why
HAProxy answers every address of its VIP range and forwards to node addresses it is told about; the Supervisor hands out
node addresses from the workload networks' static ranges. A DHCP server on those networks can lease an address that
is also a VIP, a Supervisor VM or a TKC node — the VIP range in particular is claimed by the appliance whether or not
the address is leased elsewhere. An appliance NIC that takes its own address by DHCP can change address behind the
Supervisor's back.

### How to fix in Viplane
Select each HAProxy NIC and set its **address mode** to \`static\` with an **address** and **gateway**;
on the workload and frontend port groups turn **DHCP** off (or at least keep the DHCP range clear of the VIP
ranges, the appliance addresses and the workload ranges).

### Source
Seed 002 (HAProxy topologies for vSphere with Tanzu), L37: 「いずれの構成オプションでも、DHCP は推奨されません」 — DHCP is not
recommended in either configuration. A management NIC on DHCP is an error and reported by
\`haproxy/management-ip-not-static\` instead; this rule covers the other NICs and the workload/frontend networks.`,
    seeds: ['002'],
  },
  check({ model, report }) {
    const dhcpRanges = new Set<string>();
    for (const r of model.ranges) if (r.purpose === 'dhcp' && r.networkId !== null) dhcpRanges.add(r.networkId);
    const usesDhcp = (n: L3Network) => n.dhcp || dhcpRanges.has(n.id);

    for (const { haproxy, workload, frontend, supervisors } of haproxyNics(model)) {
      for (const nic of [...workload, ...frontend]) {
        if (nic.addressMode !== 'dhcp') continue;
        const net = networkOf(model, nic);
        const targets: Target[] = [
          { kind: 'haproxy', id: haproxy.id },
          { kind: 'link', id: nic.id },
        ];
        if (net) targets.push({ kind: net.kind, id: net.id });
        report({
          message: `The ${nic.role} NIC of HAProxy ${haproxy.name}${net ? ` on ${describeNetwork(net)}` : ''} takes its address by DHCP: use a static address`,
          targets,
          data: { haproxy: haproxy.name, nic: nic.role, network: net?.name ?? null },
        });
      }
      const networks = new Map<string, { net: L3Network; role: string; via: Target[] }>();
      for (const nic of [...workload, ...frontend]) {
        const net = networkOf(model, nic);
        if (net && !networks.has(net.id)) networks.set(net.id, { net, role: `${nic.role} network`, via: [{ kind: 'link', id: nic.id }] });
      }
      for (const sup of supervisors)
        for (const wn of workloadNetworksBySupervisor(model).get(sup.id) ?? []) {
          const net = wn.props.portGroupId === null ? undefined : model.networkById.get(wn.props.portGroupId);
          if (net && !networks.has(net.id))
            networks.set(net.id, { net, role: `workload network ${wn.name}`, via: [{ kind: 'workloadNetwork', id: wn.id }] });
        }
      for (const { net, role, via } of networks.values()) {
        if (!usesDhcp(net)) continue;
        report({
          message: `DHCP serves ${describeNetwork(net)}, the ${role} of HAProxy ${haproxy.name}: DHCP is not recommended for HAProxy networks`,
          targets: [{ kind: 'haproxy', id: haproxy.id }, { kind: net.kind, id: net.id }, ...via],
          data: { haproxy: haproxy.name, network: net.name, subnet: net.subnetText, dhcp: net.dhcp, dhcpRange: dhcpRanges.has(net.id) },
        });
      }
    }
  },
});
