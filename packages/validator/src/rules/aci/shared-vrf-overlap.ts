import { defineRule } from '../../engine/rule.ts';
import { fabricSubnets, type AciFabricElement, type AciSubnet } from '../../queries/aci.ts';
import { overlappingPairs, type Owned } from '../../queries/overlap.ts';

/** The subnets acc-provision puts into the cluster's VRF as bridge-domain subnets. */
const IN_VRF: ReadonlySet<AciSubnet['field']> = new Set(['nodeSubnet', 'podSubnet', 'nodeServiceSubnet']);

export default defineRule({
  meta: {
    id: 'aci/shared-vrf-overlap',
    severity: 'error',
    category: 'aci',
    description: 'Clusters sharing one ACI VRF have overlapping pod, node or node-service subnets.',
    docs: `### Why
acc-provision turns a cluster's node, pod and node-service subnets into bridge-domain subnets of the VRF the
cluster is given (\`aci_config.vrf\`). One VRF is one routing table: when two clusters share it (a common VRF
in tenant \`common\`, or two clusters drawn on one ACI fabric element), their bridge domains must not
overlap, or the fabric has two BDs for the same addresses - APIC raises a fault and the second cluster's
pods or nodes are unreachable. The usual design is one VRF per cluster; sharing one needs distinct subnets.

### How to fix in Viplane
Give each cluster its own ACI fabric element with its own **VRF** (name / tenant), or change the
**node subnet**, **pod subnet** or **node service subnet** of one of the fabric elements sharing the VRF so
that none overlaps the other's. Two clusters on one fabric element always share its subnets: give the
second cluster its own fabric element.

### Source
Seed 004 (Cisco ACI CNI), L144: "in ACI one Kubernetes cluster is configured as one VRF, and all its
communication with the outside goes through the L3Out". acc-provision input (formats.md §6):
\`aci_config.vrf {name, tenant}\`, \`net_config.node_subnet\`, \`pod_subnet\`, \`node_svc_subnet\`.`,
    seeds: ['004'],
  },
  check({ model, report }) {
    // Clusters per fabric element: two on one element share every subnet of it.
    const clustersOf = new Map<string, string[]>();
    for (const c of model.ofKind('k8sCluster'))
      if (c.props.aciFabricId !== null) {
        const list = clustersOf.get(c.props.aciFabricId);
        if (list) list.push(c.id);
        else clustersOf.set(c.props.aciFabricId, [c.id]);
      }
    const byVrf = new Map<string, Owned<{ fabric: AciFabricElement; subnet: AciSubnet }>[]>();
    for (const fabric of model.ofKind('aciFabric')) {
      const subnets = fabricSubnets(fabric).filter((s) => IN_VRF.has(s.field));
      const clusters = clustersOf.get(fabric.id) ?? [];
      if (clusters.length > 1 && subnets.length > 0) {
        const names = clusters.map((id) => model.elements.get(id)?.name ?? id);
        report({
          message: `Clusters ${names.join(', ')} share ACI fabric ${fabric.name}, so its VRF ${fabric.props.vrf.name} holds their ${subnets.map((s) => s.label).join(', ')} twice`,
          targets: [{ kind: 'aciFabric', id: fabric.id }, ...clusters.map((id) => ({ kind: 'k8sCluster' as const, id }))],
          data: { fabric: fabric.name, vrf: fabric.props.vrf.name, clusters: names },
        });
      }
      if (fabric.props.vrf.name.trim() === '') continue;
      const key = `${fabric.props.vrf.tenant.trim()}\u0000${fabric.props.vrf.name.trim()}`;
      let list = byVrf.get(key);
      if (!list) byVrf.set(key, (list = []));
      for (const subnet of subnets) list.push({ cidr: subnet.cidr, ownerId: fabric.id, item: { fabric, subnet } });
    }
    for (const items of byVrf.values()) {
      if (items.length < 2) continue;
      for (const [a, b] of overlappingPairs(items)) {
        const { fabric: fa, subnet: sa } = a.item;
        const { fabric: fb, subnet: sb } = b.item;
        const clusters = [...(clustersOf.get(fa.id) ?? []), ...(clustersOf.get(fb.id) ?? [])];
        report({
          message: `ACI fabrics ${fa.name} and ${fb.name} share VRF ${fa.props.vrf.tenant}/${fa.props.vrf.name}, and ${sa.label} ${sa.text} overlaps ${sb.label} ${sb.text}`,
          targets: [
            { kind: 'aciFabric', id: fa.id },
            { kind: 'aciFabric', id: fb.id },
            ...clusters.map((id) => ({ kind: 'k8sCluster' as const, id })),
          ],
          data: { vrf: fa.props.vrf.name, fabrics: [fa.name, fb.name], subnets: [sa.text, sb.text] },
        });
      }
    }
  },
});
