import { defineRule } from '../../engine/rule.ts';
import { isUnknown } from '../../unknown.ts';

/** Fabric fields acc-provision requires for kubernetes flavors, with the input key they become. */
const REQUIRED = [
  ['systemId', 'aci_config.system_id'],
  ['apicHosts', 'aci_config.apic_hosts'],
  ['aep', 'aci_config.aep'],
  ['vrf.name', 'aci_config.vrf.name'],
  ['vrf.tenant', 'aci_config.vrf.tenant'],
  ['nodeSubnet', 'net_config.node_subnet'],
  ['podSubnet', 'net_config.pod_subnet'],
  ['externDynamic', 'net_config.extern_dynamic'],
  ['externStatic', 'net_config.extern_static'],
  ['nodeServiceSubnet', 'net_config.node_svc_subnet'],
  ['kubeApiVlan', 'net_config.kubeapi_vlan'],
  ['serviceVlan', 'net_config.service_vlan'],
] as const;

function isSet(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export default defineRule({
  meta: {
    id: 'aci/required-missing',
    severity: 'error',
    category: 'aci',
    description:
      'An ACI fabric lacks a value acc-provision requires (system_id, APIC hosts, AEP, VRF, the five subnets, kube-api and service VLANs).',
    docs: `### Why
acc-provision builds the cluster's tenant, bridge domains, EPGs, VMM domain and the CNI configuration from its input
and stops on the first required key without a value: \`system_id\`, \`apic_hosts\`, \`aep\`, \`vrf.name\` / \`vrf.tenant\`,
the node, pod, extern_dynamic, extern_static and node-service subnets, and the kube-api and service VLANs. (The L3Out
is reported by aci/no-l3out, the infra VLAN by aci/infra-vlan-disabled.)

### How to fix in Viplane
Select the ACI fabric and fill in the fields the message names (seed 004: system_id k8s_demo2, APIC 10.0.0.1, AEP
k8s_demo2_aep, VRF k8s_demo2_vrf in tenant k8s_demo2, node 10.1.0.1/16, pod 10.2.0.1/16, extern 192.168.51.1/24 and
192.168.52.1/24, node-service 10.5.0.1/24, VLANs 4001 and 4003).

### Source
formats.md §6.2: "Required for kubernetes-* flavors: \`system_id\`, \`apic_hosts\`, \`vrf.name\`, \`vrf.tenant\`, \`aep\`,
\`l3out.name\`, \`l3out.external_networks\`, \`pod_subnet\`, \`node_subnet\`, \`extern_dynamic\`, \`extern_static\`,
\`node_svc_subnet\`, \`infra_vlan\`, \`service_vlan\`, \`kubeapi_vlan\`". Seed 004 (acc-provision input, L144-148).`,
    seeds: ['004'],
  },
  check(ctx) {
    for (const fabric of ctx.model.ofKind('aciFabric')) {
      const props = fabric.props as unknown as Record<string, unknown>;
      const missing: string[] = [];
      for (const [path, key] of REQUIRED) {
        const [top, sub] = path.split('.') as [string, string | undefined];
        const value = sub === undefined ? props[top] : (props[top] as Record<string, unknown> | null)?.[sub];
        // Unknown after an import: design/unknown-value asks for it.
        if (!isSet(value) && !isUnknown(fabric, path) && !isUnknown(fabric, top)) missing.push(key);
      }
      if (missing.length === 0) continue;
      ctx.report({
        message: `ACI fabric ${fabric.name}: acc-provision requires ${missing.join(', ')}, which the design does not give`,
        targets: [{ kind: 'aciFabric', id: fabric.id }],
        data: { fabric: fabric.name, missing },
      });
    }
  },
});
