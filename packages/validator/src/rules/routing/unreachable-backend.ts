import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { dropMessage, lbIndex, lbReachesNetwork, lbReachesPods } from '../../queries/routing.ts';
import { purposeLabel } from '../../queries/ipam.ts';
import { inCidr, type Ip } from '../../l3/addr.ts';
import type { L3Address, L3Model, L3Network, L3Range } from '../../l3/model.ts';
import type { TraceResult } from '../../routing/trace.ts';

export default defineRule({
  meta: {
    id: 'routing/unreachable-backend',
    severity: 'error',
    category: 'routing',
    description: 'A load balancer (SE group or HAProxy) has no path to the node network (or routable pods) of a cluster it serves.',
    docs: `### Why
A load balancer rewrites the destination of each client connection to a backend: a Kubernetes node
(NodePort, the k8s API on the control-plane nodes, HAProxy to Supervisor and TKC nodes) or a pod IP.
It must be able to reach that address, and the backend's reply must come back to the address the load
balancer sent from. The rule asks the routing engine, from the load balancer's data table (the SE's
\`global\` VRF, the HAProxy table):
- the node network must be directly attached, or reachable through routes, and must route back;
- with AKO in \`routable\` mode the pod CIDRs must be reachable too.

The trace goes to a real node address: a statically addressed node, else the first address of the range the
nodes take theirs from (node or DHCP range; a Supervisor workload range); the message names it. For pods it
says which Tier-1 routes them, or that none does (overlay pods).

In seed 000's kube-vip design the SE has no NIC on dp-data-52 (nodes); it reaches 192.168.52.0/22 with
its data default route via 192.168.48.1, the L3 switch, which is connected to dp-data-52. Remove that
route (or the switch's SVI) and every app VIP is dead.

AKO in static-route mode additionally needs the SE *on* the node network (the next hops of the pod routes
are node IPs); that is reported by \`ako/static-route-needs-node-network\`.

### How to fix in Viplane
Give the SE group an interface on the node network (select it, **Interfaces → Add interface** with the node
network and role **Data / VIP**; or drag its **Data / VIP** handle onto the network), or the HAProxy a **workload** interface
there; or add to the
Controller's **VRFs → global → Static routes** a route to the node network whose next hop is a router on a network
the SE is attached to, make sure that router has a NIC on the node network, and give the node network a
**Gateway** that routes back.

### Source
Seed 000 (NSX-ALB routing): the SE must deliver traffic for "192.168.0.X" to the nodes "192.168.2.Y-Z", so
it must know which interface and next hop reach 192.168.2.0/24 (L89-91); kube-vip design data path via
the L3 switch (L243, L249). Seed 002 (HAProxy): HAProxy forwards to TKC nodes and Supervisor VMs on the
workload networks, which must be routable to each other (L45-49, L83). Seed 003 (AKO): the SE must reach
pod IPs (L38-47).`,
    seeds: ['000', '002', '003'],
  },
  check(ctx) {
    const { model } = ctx;
    const index = lbIndex(model);
    const nodeAddress = nodeAddresses(model);
    const seen = new Set<string>();
    for (const use of index.backends) {
      const key = `${use.lbId}|${use.backendId}|${use.nodeNetworkId}|${use.pods ? 'pods' : 'nodes'}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const lb = model.elements.get(use.lbId);
      const net = model.networkById.get(use.nodeNetworkId);
      const backend = model.elements.get(use.backendId);
      if (!lb || !net || !backend) continue;
      const lbTarget: Target = { kind: lb.kind, id: lb.id };
      const backendTargets: Target[] = [{ kind: backend.kind, id: backend.id }];
      if (use.sourceId !== use.backendId && use.sourceId !== lb.id) {
        const source = model.elements.get(use.sourceId);
        if (source) backendTargets.push({ kind: source.kind, id: source.id });
      }

      // Trace to a real node address (a node's own, else the first of the range the nodes take theirs from).
      const node = nodeAddress(use.backendId, net);
      const reach = lbReachesNetwork(model, use.lbId, use.nodeNetworkId, { reverse: true, address: node?.ip ?? null });
      if (reach.status === 'unreachable') {
        const back = reach.reverse && !reach.reverse.delivered;
        const nodes = node
          ? `${node.label} on ${net.name} (${net.subnetText})`
          : `the nodes of ${use.backendName} on ${net.name} (${net.subnetText})`;
        ctx.report({
          message: back
            ? `${capitalize(nodes)} cannot reply to ${lb.name}: ${dropMessage(reach.reverse, model)}`
            : `${lb.name} has no path to ${nodes}: ${dropMessage(reach.forward, model)}`,
          targets: [lbTarget, ...backendTargets, { kind: net.kind, id: net.id }],
          data: {
            loadBalancer: lb.name,
            backend: use.backendName,
            network: net.name,
            subnet: net.subnetText,
            nodeAddress: node?.ip.text ?? null,
            direction: back ? 'reply' : 'forward',
            dropReason: (back ? reach.reverse : reach.forward)?.drop?.reason ?? null,
          },
        });
        continue;
      }
      if (!use.pods || reach.status === 'unknown') continue;
      const pods = lbReachesPods(model, use.lbId, use.pods);
      if (pods === 'unknown') continue;
      const tier1 = use.pods.routableTier1Id === null ? undefined : model.elements.get(use.pods.routableTier1Id);
      for (const failed of pods)
        ctx.report({
          message: tier1
            ? `${lb.name} has no path to the pods ${failed.cidr} of ${use.backendName}, which Tier-1 ${tier1.name} routes: ${dropMessage(failed.result, model)}`
            : `${lb.name} has no path to the pods ${failed.cidr} of ${use.backendName}: they are overlay addresses inside the cluster, no Tier-1 routes them (no NSX-T routable pods), and their path from ${lb.name} goes ${whereTo(failed.result, model)}`,
          targets: [lbTarget, ...backendTargets, ...(tier1 ? [{ kind: tier1.kind, id: tier1.id }] : [])],
          data: {
            loadBalancer: lb.name,
            backend: use.backendName,
            podCidr: failed.cidr,
            tier1: tier1?.name ?? null,
            dropReason: failed.result.drop?.reason ?? null,
          },
        });
    }
  },
});

/** Where a failed trace sent its packet: `out to clients (route 0.0.0.0/0 of gw)`. */
function whereTo(result: TraceResult, model: L3Model): string {
  const hop = [...result.hops].reverse().find((h) => h.route !== null);
  if (!hop?.route) return 'nowhere (no route)';
  const out = hop.egressNetworkId === null ? null : (model.networkById.get(hop.egressNetworkId)?.name ?? hop.egressNetworkId);
  const route = `route ${hop.route.prefix}${hop.route.nextHop ? ` via ${hop.route.nextHop}` : ''} of ${hop.name}`;
  return out ? `out to ${out} (${route})` : `along ${route}`;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

interface NodeAddress {
  ip: Ip;
  /** `node avi-node1 (172.16.250.21) of k8s`, `the first DHCP address 192.168.54.1 of tkg-wc1's nodes`. */
  label: string;
}

/**
 * A real address of a backend's nodes on its node network, for traces and messages: a statically addressed node
 * (Kubernetes clusters), else the first address of the range the nodes take theirs from (node or DHCP range of the
 * network; a Supervisor workload network's workload range). Indexed once per run: node addresses by cluster,
 * ranges by network and owner.
 */
function nodeAddresses(model: L3Model): (backendId: string, net: L3Network) => NodeAddress | null {
  const firstNode = new Map<string, L3Address>();
  for (let k = 0, all = model.addresses; k < all.length; k++) {
    const a = all[k]!;
    if (a.role === 'node' && a.ip && !firstNode.has(a.ownerId)) firstNode.set(a.ownerId, a);
  }
  const rangeOf = new Map<string, L3Range>();
  for (let k = 0, all = model.ranges; k < all.length; k++) {
    const r = all[k]!;
    if (!r.start) continue;
    if ((r.purpose === 'node' || r.purpose === 'dhcp') && r.networkId !== null && !rangeOf.has(r.networkId)) rangeOf.set(r.networkId, r);
    if (r.purpose === 'workload' && !rangeOf.has(r.ownerId)) rangeOf.set(r.ownerId, r);
  }
  return (backendId, net) => {
    const inside = (ip: Ip | null) => ip !== null && net.subnet !== null && inCidr(net.subnet, ip);
    const node = firstNode.get(backendId);
    const name = model.elements.get(backendId)?.name ?? backendId;
    if (node?.ip && inside(node.ip)) {
      const el = model.elements.get(backendId);
      const item = el?.kind === 'k8sCluster' ? el.props.nodes.find((n) => n.id === node.itemId) : undefined;
      const nodeName = item?.name ?? node.itemId;
      return { ip: node.ip, label: `node ${nodeName ? `${nodeName} ` : ''}(${node.ip.text}) of ${name}` };
    }
    const range = rangeOf.get(backendId) ?? rangeOf.get(net.id);
    if (range?.start && inside(range.start))
      return {
        ip: range.start,
        label: `the nodes of ${name} (e.g. ${range.start.text}, first of ${purposeLabel(range.purpose)} ${range.text})`,
      };
    return null;
  };
}
