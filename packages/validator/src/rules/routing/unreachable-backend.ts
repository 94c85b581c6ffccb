import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { dropMessage, lbIndex, lbReachesNetwork, lbReachesPods } from '../../queries/routing.ts';

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

In seed 000's kube-vip design the SE has no NIC on dp-data-52 (nodes); it reaches 192.168.52.0/22 with
its data default route via 192.168.48.1, the L3 switch, which is connected to dp-data-52. Remove that
route (or the switch's SVI) and every app VIP is dead.

AKO in static-route mode additionally needs the SE *on* the node network (the next hops of the pod routes
are node IPs); that is reported by \`ako/static-route-needs-node-network\`.

### How to fix
Attach the SE group (or HAProxy workload NIC) to the node network, or add a route in the data VRF whose
next hop is a router on an attached network that reaches the node network, and give the node network a
gateway that routes back.

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

      const reach = lbReachesNetwork(model, use.lbId, use.nodeNetworkId, { reverse: true });
      if (reach.status === 'unreachable') {
        const back = reach.reverse && !reach.reverse.delivered;
        ctx.report({
          message: back
            ? `Nodes of ${use.backendName} on ${net.name} (${net.subnetText}) cannot reply to ${lb.name}: ${dropMessage(reach.reverse, model)}`
            : `${lb.name} has no path to the nodes of ${use.backendName} on ${net.name} (${net.subnetText}): ${dropMessage(reach.forward, model)}`,
          targets: [lbTarget, ...backendTargets, { kind: net.kind, id: net.id }],
          data: {
            loadBalancer: lb.name,
            backend: use.backendName,
            network: net.name,
            subnet: net.subnetText,
            direction: back ? 'reply' : 'forward',
            dropReason: (back ? reach.reverse : reach.forward)?.drop?.reason ?? null,
          },
        });
        continue;
      }
      if (!use.pods || reach.status === 'unknown') continue;
      const pods = lbReachesPods(model, use.lbId, use.pods);
      if (pods === 'unknown') continue;
      for (const failed of pods)
        ctx.report({
          message: `${lb.name} has no path to the routable pods ${failed.cidr} of ${use.backendName}: ${dropMessage(failed.result, model)}`,
          targets: [lbTarget, ...backendTargets],
          data: { loadBalancer: lb.name, backend: use.backendName, podCidr: failed.cidr, dropReason: failed.result.drop?.reason ?? null },
        });
    }
  },
});
