import { defineRule } from '../../engine/rule.ts';
import { ACI_VLANS } from '../../queries/aci.ts';

export default defineRule({
  meta: {
    id: 'aci/vlan-invalid',
    severity: 'error',
    category: 'aci',
    description: 'The kube-api, service or infra VLAN of an ACI CNI fabric is outside 1-4094, or two of them are the same VLAN.',
    docs: `### Why
acc-provision builds three separate encapsulations for the cluster: the **kube-api VLAN** (node BD, the nodes' own
traffic), the **service VLAN** (the PBR service graph that brings LoadBalancer traffic to the nodes), and the fabric's
**infra VLAN** (OpFlex and VXLAN to the nodes). An 802.1Q VLAN id is 1-4094; a value outside that cannot be configured on
the node uplinks or the AEP. Two roles on one VLAN put node, service-graph and infrastructure traffic into one
broadcast domain, and the fabric policies for one of them do not apply. acc-provision checks neither (it accepts 5000
and \`kubeapi_vlan == service_vlan\`): the mistake shows up only when the nodes lose connectivity.

### How to fix in Viplane
Select the ACI fabric and give **Kube API VLAN**, **Service VLAN** and **Infra VLAN** each their own id
in 1-4094, unused elsewhere on the nodes' ports (acc-provision sample: kube-api 4001, service 4003; the infra VLAN
as configured on the fabric, e.g. 3967).

### Source
Seed 004 (Cisco ACI CNI) relies on the infra VLAN for VXLAN to the nodes (L53); the VLAN keys, and the fact that
acc-provision does not validate their range or uniqueness, are from acc-provision's input format (formats.md §6.1-6.2).
Unset VLANs are not reported here (\`aci/infra-vlan-disabled\` covers the infra VLAN).`,
    seeds: ['004'],
  },
  check({ model, report }) {
    for (const fabric of model.ofKind('aciFabric')) {
      const set = ACI_VLANS.flatMap((v) => {
        const value = fabric.props[v.field];
        return value === null ? [] : [{ ...v, value }];
      });
      for (const v of set) {
        if (Number.isInteger(v.value) && v.value >= 1 && v.value <= 4094) continue;
        report({
          message: `ACI fabric ${fabric.name}: ${v.label} ${v.value} is outside the VLAN range 1-4094`,
          targets: [{ kind: 'aciFabric', id: fabric.id }],
          data: { fabric: fabric.name, vlan: v.key, value: v.value },
        });
      }
      const byValue = new Map<number, typeof set>();
      for (const v of set) byValue.set(v.value, [...(byValue.get(v.value) ?? []), v]);
      for (const [value, same] of byValue) {
        if (same.length < 2) continue;
        report({
          message: `ACI fabric ${fabric.name}: ${same.map((v) => v.label).join(' and ')} are ${same.length === 2 ? 'both' : 'all'} VLAN ${value}; each role needs its own VLAN`,
          targets: [{ kind: 'aciFabric', id: fabric.id }],
          data: { fabric: fabric.name, value, vlans: same.map((v) => v.key) },
        });
      }
    }
  },
});
