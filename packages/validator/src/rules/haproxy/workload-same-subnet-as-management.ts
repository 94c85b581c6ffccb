import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import type { L3Network } from '../../l3/model.ts';
import { describeNetwork, haproxyNics, networkOf, sameSubnet } from '../../queries/haproxy.ts';
import { workloadNetworksBySupervisor } from '../../queries/supervisor.ts';

export default defineRule({
  meta: {
    id: 'haproxy/workload-same-subnet-as-management',
    severity: 'error',
    category: 'haproxy',
    description: 'A workload network of an HAProxy design is the management network, or shares its subnet.',
    docs: `### Why
HAProxy keeps its management and workload traffic apart by NIC: the Data Plane API and the default gateway live on the
management NIC, the connections to Supervisor and TKC nodes on the workload NIC. When both NICs (or a Supervisor
workload network and the management network) are on the same subnet, the appliance has two interfaces in one subnet:
replies leave through whichever NIC the kernel picks, the anyip/route set-up of the OVA breaks, and node and VIP ranges
end up in the management address plan.

### How to fix in Viplane
Add a port group for the workload network with its own **Subnet** (seed 002: management
\`192.168.110.0/24\`, workload \`192.168.120.0/24\`), move the HAProxy's **workload** NIC to it, and set the
**Port group** of every Supervisor workload network to it.

### Source
Seed 002 (HAProxy topologies for vSphere with Tanzu), L50: 「ワークロード ネットワークは、管理ネットワークとは別のサブネットに
配置してください」 — the workload network must be on a different subnet from the management network. Checked for the
HAProxy's workload NICs against its management NIC, and for the workload networks of every Supervisor that uses the
HAProxy against the Supervisor's and HAProxy's management networks. Overlapping subnets count as the same subnet.`,
    seeds: ['002'],
  },
  check({ model, report }) {
    for (const { haproxy, management, workload, supervisors } of haproxyNics(model)) {
      const seen = new Set<string>();
      const mgmtNets = management.flatMap((l) => {
        const n = networkOf(model, l);
        return n ? [{ net: n, linkId: l.id as string | null, supervisorId: null as string | null }] : [];
      });
      const emit = (wNet: L3Network, mNet: L3Network, targets: Target[], who: string) => {
        const key = `${wNet.id}|${mNet.id}`;
        if (seen.has(key)) return;
        seen.add(key);
        targets.push({ kind: wNet.kind, id: wNet.id });
        if (mNet.id !== wNet.id) targets.push({ kind: mNet.kind, id: mNet.id });
        report({
          message: `${who} ${describeNetwork(wNet)} ${wNet.id === mNet.id ? 'is' : 'shares its subnet with'} the management network ${describeNetwork(mNet)} of HAProxy ${haproxy.name}: the workload network must be a different subnet`,
          targets,
          data: {
            haproxy: haproxy.name,
            workloadNetwork: wNet.name,
            workloadSubnet: wNet.subnetText,
            managementNetwork: mNet.name,
            managementSubnet: mNet.subnetText,
          },
        });
      };
      for (const nic of workload) {
        const wNet = networkOf(model, nic);
        if (!wNet) continue;
        for (const m of mgmtNets)
          if (sameSubnet(wNet, m.net))
            emit(
              wNet,
              m.net,
              [
                { kind: 'haproxy', id: haproxy.id },
                { kind: 'link', id: nic.id },
                ...(m.linkId ? [{ kind: 'link' as const, id: m.linkId }] : []),
              ],
              'Workload NIC network',
            );
      }
      for (const sup of supervisors) {
        const supMgmt = sup.props.managementNetworkId === null ? undefined : model.networkById.get(sup.props.managementNetworkId);
        const candidates = supMgmt ? [...mgmtNets, { net: supMgmt, linkId: null, supervisorId: sup.id }] : mgmtNets;
        for (const wn of workloadNetworksBySupervisor(model).get(sup.id) ?? []) {
          if (wn.props.portGroupId === null) continue;
          const wNet = model.networkById.get(wn.props.portGroupId);
          if (!wNet) continue;
          for (const m of candidates)
            if (sameSubnet(wNet, m.net))
              emit(
                wNet,
                m.net,
                [
                  { kind: 'workloadNetwork', id: wn.id },
                  { kind: 'supervisor', id: sup.id },
                  { kind: 'haproxy', id: haproxy.id },
                ],
                `Workload network ${wn.name} of Supervisor ${sup.name} on`,
              );
        }
      }
    }
  },
});
