import { defineRule } from '../../engine/rule.ts';
import { akoNodeNetwork, aviRegistered, elementOf, lbIndex, seDataNetworks } from '../../queries/routing.ts';
import type { L3Model } from '../../l3/model.ts';
import { isUnknown } from '../../unknown.ts';

export default defineRule({
  meta: {
    id: 'ako/static-route-needs-node-network',
    severity: 'error',
    category: 'ako',
    description: "AKO in static-route mode while its SE group has no NIC on the cluster's node network.",
    docs: `### Why
In static-route mode (ClusterIP services, the default) the pool members are pod IPs, and AKO programs one
route per node into the SE data VRF: \`<node podCIDR> via <node IP>\` (seed 003: \`10.244.3.0/24 ->
172.16.250.21\`). A static route's next hop must be directly connected, so the Service Engines have to sit
on the same network as the Kubernetes nodes. Without a NIC there, every pod route is unusable and the
virtual services have no reachable pool member.

A management NIC on the node network counts: in seed 003 the SE's management network alb-mgmt is also
the node network, and the SE reaches the nodes over it.

### How to fix in Viplane
Give the SE group a **data** interface on the node network (select the SE group, **Interfaces → Add interface**
with the node network and role **Data / VIP**; or drag its **Data / VIP** handle onto the network), and make sure the node
network is registered on the Controller (port group **Registered on NSX-ALB** on, with its subnet); or set
the AKO element's **Mode** to \`nodeport\` and fill its **Node selector labels** when the SE must stay off the node
network.

### Source
Seed 003 (AKO): "when the SE is deployed on the same network as the Kubernetes nodes, AKO configures static
routes with the node IP as next hop for the pod CIDRs" (L42-43); "when the SE is not deployed on the node
network, NodePort services can be used" (L44-45); in the lab alb-mgmt serves as SE management and node
network (L169).`,
    seeds: ['003'],
  },
  check(ctx) {
    const { model } = ctx;
    const { clusterById } = lbIndex(model);
    for (const ako of model.ofKind('ako')) {
      if (ako.props.mode !== 'static-route') continue;
      const se = elementOf(model, ako.props.seGroupId, 'seGroup');
      const cluster = ako.props.clusterId ? clusterById.get(ako.props.clusterId) : undefined;
      const networkId = akoNodeNetwork(ako, cluster);
      const net = networkId ? model.networkById.get(networkId) : undefined;
      if (!se || !net) continue;
      const attached = seDataNetworks(model, se.id);
      if (attached.has(net.id)) continue;
      // An SE group an import created from its name alone (AKO values name only the group): where its
      // SEs attach is not known yet, so there is nothing to judge (design/unknown-value asks).
      if (attached.size === 0 && (isUnknown(se, 'seCount') || isUnknown(se, 'haMode'))) continue;
      const on = [...attached].map((id) => model.networkById.get(id)?.name ?? id);
      // A NIC drawn on the node network that the SE does not get: the network is not registered on the Controller.
      const drawn = nicNetworks(model, se.id).has(net.id) && !aviRegistered(net);
      const where = `node network ${net.name}${net.subnetText ? ` (${net.subnetText})` : ''}`;
      ctx.report({
        message: drawn
          ? `AKO ${ako.props.clusterName || ako.name} is in static-route mode and SE group ${se.name} has a NIC on ${where}, but ${net.name} is not registered on the NSX-ALB Controller (no subnet there), so the SE never attaches to it; the pod routes' next hops (node IPs) are not directly connected`
          : `AKO ${ako.props.clusterName || ako.name} is in static-route mode but SE group ${se.name} has no NIC on ${where}; the pod routes' next hops (node IPs) are not directly connected${on.length > 0 ? ` (SE data NICs on ${on.join(', ')})` : ''}`,
        targets: [
          { kind: 'ako', id: ako.id },
          { kind: 'seGroup', id: se.id },
          { kind: net.kind, id: net.id },
          ...(cluster ? [{ kind: cluster.kind, id: cluster.id }] : []),
        ],
        data: {
          ako: ako.props.clusterName,
          seGroup: se.name,
          nodeNetwork: net.name,
          subnet: net.subnetText,
          seNetworks: on,
          reason: drawn ? 'not-registered' : 'no-nic',
        },
      });
    }
  },
});

const drawnNics = new WeakMap<L3Model, Map<string, Set<string>>>();

/** Networks an element has a NIC link to, as drawn (registered or not); indexed once per model. */
function nicNetworks(model: L3Model, elementId: string): ReadonlySet<string> {
  let index = drawnNics.get(model);
  if (!index) {
    index = new Map();
    for (const l of model.document.links) {
      if (l.kind !== 'nic') continue;
      let set = index.get(l.from);
      if (!set) index.set(l.from, (set = new Set()));
      set.add(l.to);
    }
    drawnNics.set(model, index);
  }
  return index.get(elementId) ?? new Set();
}
