import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { aciClusters } from '../../queries/aci.ts';

export default defineRule({
  meta: {
    id: 'aci/node-not-attached',
    severity: 'error',
    category: 'aci',
    description: 'A node of an ACI CNI cluster is attached to no leaf of its fabric.',
    docs: `### Why
With the ACI CNI the fabric is the cluster network: each node's OpFlex agent talks to the OpFlex proxy on its **leaf**,
pods are learned as endpoints on that leaf, and VXLAN to the node runs over the leaf port (infra VLAN). A bare-metal
node has to be cabled to a leaf of the fabric; a VM node has to sit on the trunk port group that the VMM integration
creates, whose hosts uplink to leaves. A node on no leaf — or on a spine, or on a leaf of another fabric — gets no
OpFlex connection, so its pods have no network and it never becomes a PBR target for LoadBalancer services.

### How to fix in Viplane
Select the Kubernetes cluster and, under **Nodes**, set each node's leaf (**Node 1 leaf**, ...) to an ACI leaf / spine
element of role leaf in the cluster's ACI fabric, and draw the leaf's cabling to the spines.

In the vendor's tools: cable bare-metal nodes to leaf ports covered by the AEP, and put VM nodes on the VMM-created
trunk port group on hosts uplinked to those leaves.

### Source
Seed 004 (Cisco ACI CNI), L45: nodes are bare metal on ACI leaves, or VMs on a vSphere distributed switch that need a
trunk port group (created automatically by the ACI integration); L65-69: the OpFlex agent on every node reports through
the leaf (OpFlex proxy) to APIC.`,
    seeds: ['004'],
  },
  check({ model, report }) {
    for (const cluster of aciClusters(model)) {
      const fabricId = cluster.props.aciFabricId;
      for (const node of cluster.props.nodes) {
        const leaf = node.leafId === null ? undefined : model.elements.get(node.leafId);
        let problem: string | null = null;
        if (!leaf || leaf.kind !== 'aciSwitch') problem = 'is attached to no ACI leaf';
        else if (leaf.props.role !== 'leaf') problem = `is attached to ${leaf.name}, a spine (nodes attach to leaves)`;
        else if (fabricId !== null && leaf.props.fabricId !== fabricId) problem = `is attached to leaf ${leaf.name} of another fabric`;
        if (problem === null) continue;
        const targets: Target[] = [
          { kind: 'k8sCluster', id: cluster.id },
          { kind: 'node', id: node.id },
        ];
        if (leaf) targets.push({ kind: leaf.kind, id: leaf.id });
        report({
          message: `Node ${node.name}${node.address ? ` (${node.address})` : ''} of ACI CNI cluster ${cluster.name} ${problem}`,
          targets,
          data: { cluster: cluster.name, node: node.name, address: node.address, leaf: leaf?.name ?? null },
        });
      }
    }
  },
});
