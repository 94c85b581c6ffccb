import { defineRule } from '../../engine/rule.ts';

export default defineRule({
  meta: {
    id: 'aci/infra-vlan-disabled',
    severity: 'error',
    category: 'aci',
    description: 'The AEP of an ACI CNI fabric does not have "Enable Infrastructure VLAN" checked, or the infra VLAN is not set.',
    docs: `### Why
With the ACI CNI every Kubernetes node runs an OpFlex agent and Open vSwitch, and the VXLAN tunnels between the fabric
leaves and the nodes (pods are ACI endpoints, encapsulated in VXLAN) run on the fabric's **infra VLAN**. The infra VLAN
only reaches the nodes' ports when the Attachable Access Entity Profile (AEP) of those ports has
**Enable Infrastructure VLAN** checked — for bare-metal nodes on leaves and for VMs on the VMM trunk port group alike.
Without it OpFlex never connects and no pod gets network. acc-provision also needs the infra VLAN
(\`net_config.infra_vlan\`) unless it reads it from the APIC.

### How to fix in Viplane
Select the ACI fabric and turn on **Infra VLAN enabled on AEP**, and set **Infra VLAN** to the fabric's infra VLAN
(chosen at fabric bring-up, e.g. 3967 or 4093).

In the vendor's tools: on the APIC this is the AEP's "Enable Infrastructure VLAN" (Fabric > Access Policies > AEP
named in \`aci_config.aep\`).

### Source
Seed 004 (Cisco ACI CNI), L53: 「いずれも[Enable Infrastructure VLAN]のチェックが必要となる理由は、Kubernetesノードとの間でVXLAN通信を
行う際に利用されるVLANがInfra VLANであるためです」 — in both cases (bare metal on leaves, VMs on the VMM trunk port group, L45)
Enable Infrastructure VLAN must be checked, because VXLAN with the nodes runs on the infra VLAN.
acc-provision requires \`infra_vlan\` unless discovered from APIC with \`-a\` (formats.md §6.2).`,
    seeds: ['004'],
  },
  check({ model, report }) {
    for (const fabric of model.ofKind('aciFabric')) {
      const { infraVlanEnabled, infraVlan, aep } = fabric.props;
      if (infraVlanEnabled && infraVlan !== null) continue;
      const aepName = aep || '(unnamed)';
      const problems = [
        ...(infraVlanEnabled ? [] : [`AEP ${aepName} does not have "Enable Infrastructure VLAN" checked`]),
        ...(infraVlan === null ? ['no infra VLAN is set'] : []),
      ];
      report({
        message: `ACI fabric ${fabric.name}: ${problems.join(' and ')}, so OpFlex/VXLAN to the nodes cannot run on the infra VLAN`,
        targets: [{ kind: 'aciFabric', id: fabric.id }],
        data: { fabric: fabric.name, aep: fabric.props.aep, infraVlanEnabled, infraVlan },
      });
    }
  },
});
