import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { describeNetwork, haproxyNics, networkOf } from '../../queries/haproxy.ts';
import { inCidr, ip } from '../../l3/addr.ts';

export default defineRule({
  meta: {
    id: 'haproxy/gateway-not-on-management',
    severity: 'error',
    category: 'haproxy',
    description:
      "The HAProxy default gateway is not on the management network: the management NIC's gateway lies outside it, or only another NIC has a gateway.",
    docs: `### Why
\`network.management_gateway\` is also the appliance's **default gateway**: replies to the Supervisor's Data Plane API
calls, DNS queries and every client that is not on a directly connected network leave through it. A gateway is only
usable when it is on the NIC's own subnet; one outside the management network (for example the workload network's
\`192.168.120.1\`) is never resolved, so the appliance has no working default route.

### How to fix in Viplane
Select the HAProxy's management NIC and set its **gateway** to the router address of the management
network (e.g. \`192.168.110.1\` on \`192.168.110.0/24\`). The workload (and frontend) NICs keep their own gateways for
the networks behind them (\`network.additional_workload_networks\`).

### Source
Seed 002 (HAProxy topologies for vSphere with Tanzu), L43: 「HAProxy 仮想マシンのデフォルト ゲートウェイは、このネットワーク上に
存在する必要があります」 — the HAProxy VM's default gateway must be on the management network; L44: DNS goes over it too.
Reported too: a management NIC without a gateway while another NIC has one (the gateway was moved off the management
network). An appliance with no gateway on any NIC is \`routing/no-default-gateway\`.`,
    seeds: ['002'],
  },
  check({ model, report }) {
    for (const { haproxy, management, all } of haproxyNics(model)) {
      // No management gateway but a gateway on another NIC: the design puts the default gateway
      // off the management network (a design with no gateway at all is routing/no-default-gateway).
      const elsewhere = all.filter((l) => l.role !== 'management' && l.gateway !== null);
      if (management.length > 0 && management.every((l) => l.gateway === null) && elsewhere.length > 0) {
        const mgmt = management[0]!;
        const net = networkOf(model, mgmt);
        const first = elsewhere[0]!;
        const firstNet = networkOf(model, first);
        const targets: Target[] = [
          { kind: 'haproxy', id: haproxy.id },
          { kind: 'link', id: mgmt.id },
          ...elsewhere.map((l) => ({ kind: 'link' as const, id: l.id })),
        ];
        if (net) targets.push({ kind: net.kind, id: net.id });
        report({
          message: `HAProxy ${haproxy.name} has no gateway on its management NIC${net ? ` (${describeNetwork(net)})` : ''}; its only gateway is ${first.gateway} on the ${first.role} NIC${
            firstNet ? ` (${describeNetwork(firstNet)})` : ''
          }: the default gateway must be on the management network${net?.gatewayText ? ` (e.g. ${net.gatewayText})` : ''}`,
          targets,
          data: {
            haproxy: haproxy.name,
            gateway: null,
            network: net?.name ?? null,
            subnet: net?.subnetText ?? null,
            gatewayNetwork: firstNet?.name ?? null,
            otherGateways: elsewhere.map((l) => l.gateway),
          },
        });
      }
      for (const nic of management) {
        if (nic.gateway === null) continue;
        const gateway = ip(nic.gateway);
        const net = networkOf(model, nic);
        if (!gateway || !net?.subnet || inCidr(net.subnet, gateway)) continue;
        const other = all.map((l) => networkOf(model, l)).find((n) => n?.subnet && n.id !== net.id && inCidr(n.subnet, gateway));
        const targets: Target[] = [
          { kind: 'haproxy', id: haproxy.id },
          { kind: 'link', id: nic.id },
          { kind: net.kind, id: net.id },
        ];
        report({
          message: `Management gateway ${nic.gateway} of HAProxy ${haproxy.name} is outside its management network ${describeNetwork(net)}${
            other ? ` (it is on ${describeNetwork(other)})` : ''
          }: the default gateway must be on the management network`,
          targets,
          data: {
            haproxy: haproxy.name,
            gateway: nic.gateway,
            network: net.name,
            subnet: net.subnetText,
            gatewayNetwork: other?.name ?? null,
          },
        });
      }
    }
  },
});
