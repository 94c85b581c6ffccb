import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { lbIndex, lbReachesNetwork } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'routing/unintended-direct-attach',
    severity: 'warning',
    category: 'routing',
    description:
      'A node network registered on the NSX-ALB Controller, which the design reaches through a router: the SE will attach to it directly instead.',
    docs: `### Why
When the NSX-ALB Controller knows a network's subnet, it prefers attaching a Service Engine NIC to that
network over routing to it through a next hop: when a backend is on a registered network, the SE hot-adds
a port there. A design that keeps the SE *off* the Kubernetes node network and reaches the nodes through
the L3 switch therefore only works when the node network is **not** registered (subnet "None").

Seed 000's 3-network kube-vip design is exactly that: the SE is on dp-mgmt-32 and dp-data-48 only, the
nodes are on dp-data-52, and the data default route \`0.0.0.0/0 -> 192.168.48.1\` (the L3 switch SVI) also
covers 192.168.52.0/22. Registering dp-data-52 (192.168.52.0/22 with a pool) makes the SE add a port on
the internal node network, which the design meant to avoid.

The rule fires for every SE group that serves a cluster whose node network is registered while the SE
group has no NIC on it and reaches it through a routed path.

### How to fix in Viplane
Either turn off **Registered on NSX-ALB** on the node network's port group (and remove its pool
ranges) so that the routed path is used, or, if the SE should sit on the node network, give the SE group a **data**
interface on it (select the SE group, **Interfaces → Add interface** with the node network and role **Data / VIP**; or
drag its **Data / VIP** handle onto the network), as in seed 000's recommended 3-network NSX-ALB design.

### Source
Seed 000 (NSX-ALB routing), kube-vip design: "dp-data-52 is not configured (None). If NSX-ALB knew that
192.168.52.0/22 is on dp-data-52, it would prefer attaching a port to dp-data-52 over routing via a next
hop" (L247); the route to 192.168.52.0/22 via 192.168.48.1 is covered by the default route (L249).`,
    seeds: ['000'],
  },
  check(ctx) {
    const { model } = ctx;
    const index = lbIndex(model);
    // Group the clusters each SE group serves by node network.
    const groups = new Map<string, { lbId: string; networkId: string; backends: Map<string, string> }>();
    for (const use of index.backends) {
      const key = `${use.lbId}|${use.nodeNetworkId}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { lbId: use.lbId, networkId: use.nodeNetworkId, backends: new Map() }));
      group.backends.set(use.backendId, use.backendName);
    }
    for (const group of groups.values()) {
      const host = model.hostById.get(group.lbId);
      if (host?.kind !== 'seGroup') continue;
      const net = model.networkById.get(group.networkId);
      if (!net || net.kind !== 'portGroup' || !net.albRegistered || !net.subnet) continue;
      const reach = lbReachesNetwork(model, group.lbId, net.id);
      if (reach.status !== 'routed') continue;
      const via = reach.forward?.hops[0]?.route;
      const clusters: Target[] = [];
      const names: string[] = [];
      for (const [id, name] of group.backends) {
        const el = model.elements.get(id);
        if (!el) continue;
        clusters.push({ kind: el.kind, id: el.id });
        names.push(name);
      }
      ctx.report({
        message:
          `Node network ${net.name} (${net.subnetText}) of ${names.join(', ')} is registered on the Controller, so SE group ${host.name} will attach a NIC to it directly instead of using the designed route ${via ? `${via.prefix} via ${via.nextHop ?? 'a gateway'}` : ''}`.trimEnd(),
        targets: [{ kind: 'portGroup', id: net.id }, { kind: 'seGroup', id: host.id }, ...clusters],
        data: {
          network: net.name,
          subnet: net.subnetText,
          seGroup: host.name,
          clusters: names,
          routePrefix: via?.prefix ?? null,
          nextHop: via?.nextHop ?? null,
        },
      });
    }
  },
});
