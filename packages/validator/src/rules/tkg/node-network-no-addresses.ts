import { defineRule } from '../../engine/rule.ts';
import { isUnknown } from '../../unknown.ts';

export default defineRule({
  meta: {
    id: 'tkg/node-network-no-addresses',
    severity: 'error',
    category: 'tkg',
    description: "A TKG cluster's node network (a port group) has DHCP off and no node range.",
    docs: `### Why
TKG creates its node VMs on \`VSPHERE_NETWORK\` and they take their addresses from DHCP there, or, with node
IPAM, from a static node pool given to the cluster. With DHCP off and no node range the VMs boot without an
address: the control plane never gets reachable, and \`tanzu cluster create\` waits until it times out.

NSX-T segments are \`nsxt/segment-no-dhcp\`'s business.

### How to fix in Viplane
Select the cluster's **node network** and turn **DHCP** on (its scope as a range of purpose
\`dhcp\`), or add to its **Address ranges** one of purpose \`node\` (Nodes) that holds the cluster's nodes (control plane + workers + 1 for
the rolling upgrade).

### Source
Seed 001 (NSX-T): "the DHCP server used by the Tanzu Kubernetes cluster nodes" is part of the set-up
(L39), and the created cluster's node addresses "are handed out by DHCP" (L135). Seed 000: the TKG node
network dp-data-52 runs DHCP (scope 192.168.54.1-192.168.55.254). formats.md §2: \`VSPHERE_NETWORK\` is the
port group the node VMs attach to.`,
    seeds: ['000', '001'],
  },
  check({ model, report }) {
    const withNodeRange = new Set<string>();
    for (let k = 0, all = model.ranges; k < all.length; k++) {
      const r = all[k]!;
      if (r.purpose === 'node' && r.networkId !== null) withNodeRange.add(r.networkId);
    }
    for (const c of model.ofKind('tkgCluster')) {
      const net = c.props.nodeNetworkId === null ? undefined : model.networkById.get(c.props.nodeNetworkId);
      if (!net || net.kind !== 'portGroup' || net.dhcp || withNodeRange.has(net.id)) continue;
      const el = model.elements.get(net.id);
      if (isUnknown(el, 'dhcp') || isUnknown(el, 'ranges')) continue;
      report({
        message: `Node network ${net.name} of ${c.name} has DHCP off and no node range: its ${c.props.controlPlaneCount + c.props.workerCount} nodes get no address`,
        targets: [
          { kind: 'tkgCluster', id: c.id },
          { kind: net.kind, id: net.id },
        ],
        data: { cluster: c.name, network: net.name },
      });
    }
  },
});
