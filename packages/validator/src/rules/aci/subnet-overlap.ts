import { defineRule } from '../../engine/rule.ts';
import { AddressIndex } from '../../addressIndex/index.ts';
import type { L3Network } from '../../l3/model.ts';
import { cidrsOverlap, type Cidr } from '../../l3/addr.ts';
import { fabricSubnets, networkText, type AciSubnet } from '../../queries/aci.ts';

/** Subnets that a design may also draw as a network of their own (the node BD's port group, the external networks). */
const DRAWN_AS_NETWORK = new Set<AciSubnet['field']>(['nodeSubnet', 'externDynamic', 'externStatic']);

const interval = (c: Cidr) =>
  c.family === 4
    ? { family: 4 as const, start: c.first as number, end: c.last as number }
    : { family: 6 as const, start: c.first as bigint, end: c.last as bigint };

export default defineRule({
  meta: {
    id: 'aci/subnet-overlap',
    severity: 'error',
    category: 'aci',
    description:
      'The node, pod, extern_dynamic, extern_static and node-service subnets of an ACI fabric overlap each other or another network.',
    docs: `### Why
acc-provision turns each subnet into its own piece of the fabric: the node subnet is the node bridge domain (its address
is the nodes' gateway), the pod subnet the pod BD, \`extern_dynamic\` / \`extern_static\` the pools of LoadBalancer
external IPs (host routes in the L3Out's external EPG), and \`node_svc_subnet\` the addresses the PBR service graph
redirects to on each node. All of them live in the cluster's one VRF and are routed to the outside through the L3Out,
so they must be disjoint from one another — acc-provision refuses to run otherwise — and from every other network the
design routes to: an overlap makes the fabric route a node, pod or external IP to the wrong place.

### How to fix in Viplane
Select the ACI fabric and change its **Node subnet**, **Pod subnet**, **Extern dynamic**, **Extern
static** or **Node service subnet** so that they are disjoint from each other and from every network of the design
(the seed 004 plan: node 10.1.0.1/16, pod 10.2.0.1/16, extern_dynamic 192.168.51.1/24, extern_static
192.168.52.1/24, node_svc 10.5.0.1/24). Write them in gateway form (\`x.x.x.1/nn\`), as acc-provision expects.

### Source
Seed 004 (Cisco ACI CNI), L144-148: one cluster = one VRF; external traffic and LoadBalancer external IPs go through the
L3Out. acc-provision's own check (formats.md §6.2): \`node_svc_subnet\`, \`pod_subnet\`, \`node_subnet\`, \`extern_dynamic\`,
\`extern_static\` must be pairwise non-overlapping. A design network whose subnet is exactly the node subnet or an extern
subnet is taken to be that same segment drawn on the canvas (e.g. the node port group) and is not reported; any other
overlap with a network is. A network of prefix 0 ("anywhere") is not an address block and is skipped.`,
    seeds: ['004'],
  },
  check({ model, report }) {
    const fabrics = model.ofKind('aciFabric');
    if (fabrics.length === 0) return;
    let networks: L3Network[] | undefined;
    let index: AddressIndex | undefined;
    for (const fabric of fabrics) {
      const subnets = fabricSubnets(fabric);
      for (let i = 0; i < subnets.length; i++)
        for (let j = i + 1; j < subnets.length; j++) {
          const a = subnets[i]!;
          const b = subnets[j]!;
          if (!cidrsOverlap(a.cidr, b.cidr)) continue;
          report({
            message: `ACI fabric ${fabric.name}: ${a.label} ${a.text} overlaps ${b.label} ${b.text}`,
            targets: [{ kind: 'aciFabric', id: fabric.id }],
            data: { fabric: fabric.name, a: a.key, aSubnet: a.text, b: b.key, bSubnet: b.text },
          });
        }
      if (subnets.length === 0) continue;
      if (!index) {
        // A `0.0.0.0/0` network stands for "anywhere" (clients behind the L3Out), not an address block.
        networks = model.networks.filter((n) => n.subnet !== null && n.subnet.prefix > 0);
        index = AddressIndex.build(networks.map((n) => interval(n.subnet!)));
      }
      for (const s of subnets) {
        for (const hit of index.overlapping(interval(s.cidr))) {
          const net = networks![hit.tag]!;
          if (hit.relation === 'equal' && DRAWN_AS_NETWORK.has(s.field)) continue;
          report({
            message: `ACI fabric ${fabric.name}: ${s.label} ${s.text} (${networkText(s.cidr)}) overlaps network ${net.name} (${net.subnetText})`,
            targets: [
              { kind: 'aciFabric', id: fabric.id },
              { kind: net.kind, id: net.id },
            ],
            data: { fabric: fabric.name, a: s.key, aSubnet: s.text, network: net.name, networkSubnet: net.subnetText },
          });
        }
      }
    }
  },
});
