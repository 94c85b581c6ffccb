import { defineRule } from '../../engine/rule.ts';
import { trace } from '../../routing/trace.ts';
import { connectedSubnets, defaultRoutes, deliveredOn, dropMessage, lbDataVrf, lbIndex } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'routing/unreachable-vip',
    severity: 'warning',
    category: 'routing',
    description: 'A client network cannot reach an application VIP network, or the load balancer cannot send the replies back.',
    docs: `### Why
A VIP is only useful if the users reach it. For each client network of the design and each network that
holds application VIPs (virtual services, AKO and TKG \`AVI_DATA_NETWORK\`, the NSX-ALB DNS virtual
service, HAProxy VIP ranges), the rule traces both directions with the routing engine:
- client -> VIP network, through the client's gateway and the routers on the way;
- load balancer -> client, from the table the replies leave by (the SE's \`global\` VRF, the HAProxy table).

Client networks are only paired with VIP networks of the same routing domain. The Kubernetes API VIP
network of the recommended 3-network design is deliberately internal, so it is not checked. A missing SE data default route is reported by \`routing/no-default-gateway\` and is not
repeated here.

### How to fix in Viplane
Connect the client network to the VIP network: give the router an interface (an SVI) on both (select it,
**Interfaces → Add interface** for each network; or drag its **Routed (SVI)** handle onto each) or add a route
to the router's **Static routes**; and give the load balancer a way back - normally a \`0.0.0.0/0\` route in the
Controller's **VRFs → global** via the VIP network's gateway.

### Source
Seed 000 (NSX-ALB routing): every design was verified by reaching the nginx LoadBalancer from a browser
(L24); clients come from many networks, so the SE needs a data default gateway (L93). Seed 002 (HAProxy):
in the Frontend (3-NIC) topology DevOps users and external services reach the VIPs on the frontend network
(L51-57, L103).`,
    seeds: ['000', '002'],
  },
  check(ctx) {
    const { model } = ctx;
    const index = lbIndex(model);
    const { routing } = index;
    const clients = model.ofKind('clientNetwork').filter((c) => routing.interfacesOn(c.id).length > 0);
    if (clients.length === 0) return;

    const vipNetworks = new Map<string, Set<string>>();
    for (const use of index.vipUses) {
      if (!model.networkById.get(use.networkId)?.subnet) continue;
      let lbs = vipNetworks.get(use.networkId);
      if (!lbs) vipNetworks.set(use.networkId, (lbs = new Set()));
      lbs.add(use.lbId);
    }

    // Clients reach the VIP networks of their own routing domain only.
    const clientsByDomain = new Map<string, typeof clients>();
    for (const c of clients) {
      // The client network's domain as lower() reads it (an empty field is the default domain).
      const domain = model.networkById.get(c.id)?.routingDomain ?? 'default';
      const list = clientsByDomain.get(domain);
      if (list) list.push(c);
      else clientsByDomain.set(domain, [c]);
    }
    const clientsOf = (networkId: string) => clientsByDomain.get(model.networkById.get(networkId)?.routingDomain ?? 'default') ?? [];

    // Clients -> VIP networks.
    for (const [networkId] of vipNetworks) {
      const net = model.networkById.get(networkId)!;
      for (const client of clientsOf(networkId)) {
        const result = trace(model, { elementId: client.id }, { elementId: networkId }, routing);
        if (deliveredOn(result, networkId)) continue;
        ctx.report({
          message: `Clients on ${client.name} cannot reach the VIP network ${net.name} (${net.subnetText}): ${dropMessage(result, model)}`,
          targets: [
            { kind: 'clientNetwork', id: client.id },
            { kind: net.kind, id: net.id },
          ],
          data: {
            client: client.name,
            vipNetwork: net.name,
            subnet: net.subnetText,
            direction: 'forward',
            dropReason: result.drop?.reason ?? null,
          },
        });
      }
    }

    // Load balancer -> clients (the replies).
    const lbNetworks = new Map<string, string[]>();
    for (const [networkId, lbs] of vipNetworks)
      for (const lb of lbs) {
        const list = lbNetworks.get(lb);
        if (list) list.push(networkId);
        else lbNetworks.set(lb, [networkId]);
      }
    for (const [lbId, networks] of lbNetworks) {
      const host = model.hostById.get(lbId);
      const vrf = host ? lbDataVrf(host) : undefined;
      if (!host || !vrf || vrf.interfaces.length === 0 || connectedSubnets(model, vrf) === null) continue;
      // No data default route at all: routing/no-default-gateway reports it.
      if (host.kind === 'seGroup' && defaultRoutes(vrf, 4).every((r) => r.discard)) continue;
      const reached = new Set(networks.flatMap((n) => clientsOf(n)));
      for (const client of reached) {
        const result = trace(model, { elementId: lbId, vrf: vrf.name }, { elementId: client.id }, routing);
        if (deliveredOn(result, client.id)) continue;
        const names = networks.map((n) => model.networkById.get(n)?.name ?? n);
        ctx.report({
          message: `Replies from ${host.name} (VIPs on ${names.join(', ')}) cannot get back to clients on ${client.name}: ${dropMessage(result, model)}`,
          targets: [
            { kind: host.kind as 'seGroup' | 'haproxy', id: host.id },
            { kind: 'clientNetwork', id: client.id },
            ...networks.map((n) => ({ kind: model.networkById.get(n)!.kind, id: n })),
          ],
          data: {
            loadBalancer: host.name,
            client: client.name,
            vipNetworks: names,
            direction: 'reply',
            dropReason: result.drop?.reason ?? null,
          },
        });
      }
    }
  },
});
