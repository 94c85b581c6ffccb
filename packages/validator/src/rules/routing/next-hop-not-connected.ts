import type { VrfRoute } from '@viplane/model';
import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { cidr, inCidr, type Cidr, type Ip } from '../../l3/addr.ts';
import { routeAppliesTo } from '../../l3/labels.ts';
import type { L3Host } from '../../l3/model.ts';
import { connectedSubnets, elementOf, lbIndex, parseAddress, seDataNetworks, vrfOf } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'routing/next-hop-not-connected',
    severity: 'error',
    category: 'routing',
    description: 'A static route whose next hop is on none of the connected networks of its router, SE VRF or NSX-T gateway.',
    docs: `### Why
A static route hands packets to a next hop, and the sender must reach that next hop directly: it has to
lie in the subnet of one of the sender's own interfaces in the same VRF. Otherwise the route is never
usable and traffic for the prefix is dropped (or, worse, silently follows a less specific route).

For NSX-ALB the routes are configured once on the Controller (VRF \`global\` for data, \`management\` for
management) and apply to every Service Engine group of that Controller, so the next hop must be on a
network each SE group is attached to in that VRF. Seed 000's example: \`192.168.52.0/22 -> 192.168.48.1\`
works because the SE has a NIC on dp-data-48 (192.168.48.0/22). A route to \`192.168.100.0/24\` via
\`192.168.4.254\` does not, because the SE has no NIC on 192.168.4.0/24.

The same holds for L3 switches and routers, and for NSX-T Tier-0 (uplinks) and Tier-1 gateways
(segments; seed 001's pod routes \`172.16.137.0/24 -> 172.16.128.126\` point at node IPs on the segment).

NSX-ALB VRF routes apply to every SE group of the Controller unless they carry labels (Avi 20.1.1+): a labelled
route applies only to the SE groups with all its labels, and an SE group whose next hop for a prefix is not
connected is not reported when another route for the same prefix that applies to it is (it uses that one).

### How to fix in Viplane
Edit the route's **next hop** (the Controller's **VRFs → Static routes**, or the router's / gateway's
**Static routes**) to the gateway or router address on a network the host has a NIC on, e.g. the L3 switch SVI of
the SE's data network; or give the SE group / router an interface on the next hop's network (select it,
**Interfaces → Add interface**; or drag its handle onto that network). A route meant for other
SE groups only can carry **labels** that those SE groups carry (Avi 20.1.1+).

### Source
Seed 000 (NSX-ALB routing): directly connected networks are routed automatically; a network that is not
directly connected and is reached through a next hop other than the default gateway needs a more specific
route (L95, L107-109: "192.168.52.0/22 -> 192.168.48.1, the L3 switch SVI").`,
    seeds: ['000', '001'],
  },
  check(ctx) {
    const { model } = ctx;
    const index = lbIndex(model);

    // Routers and NSX-T gateways: each route against its own VRF's connected subnets.
    const kindOf: Partial<Record<L3Host['kind'], 'router' | 'firewall' | 'nsxtTier0' | 'nsxtTier1'>> = {
      router: 'router',
      firewall: 'firewall',
      nsxtTier0: 'nsxtTier0',
      nsxtTier1: 'nsxtTier1',
    };
    for (const host of model.hosts) {
      const kind = kindOf[host.kind];
      if (!kind) continue;
      for (const vrf of host.vrfs) {
        const subnets = connectedSubnets(model, vrf);
        if (subnets === null) continue;
        for (const route of vrf.routes) {
          if (route.origin !== 'static' || !route.nextHop) continue;
          const hop = route.nextHop;
          if (onAny(subnets, hop)) continue;
          const nets = vrf.interfaces.map((i) => model.networkById.get(i.networkId)?.name ?? i.networkId);
          ctx.report({
            message: `Static route ${route.prefixText} via ${route.nextHopText} on ${host.name}: the next hop is on none of its connected networks (${nets.length > 0 ? nets.join(', ') : 'none'})`,
            targets: [
              { kind, id: host.id },
              { kind: 'route', id: route.sourceId },
            ],
            data: { host: host.name, prefix: route.prefixText, nextHop: route.nextHopText, connectedNetworks: nets },
          });
        }
      }
    }

    // NSX-ALB: routes live on the Controller's VRFs and apply to each of its SE groups.
    for (const [controllerId, groups] of index.seGroupsByController) {
      const controller = elementOf(model, controllerId, 'aviController');
      if (!controller) continue;
      for (const vrfDoc of controller.props.vrfs) {
        // Routes by prefix: an SE group uses another route for the same prefix when this one's next hop is not its.
        const samePrefix = new Map<string, VrfRoute[]>();
        for (const r of vrfDoc.staticRoutes) {
          const key = prefixKey(r.prefix);
          const list = samePrefix.get(key);
          if (list) list.push(r);
          else samePrefix.set(key, [r]);
        }
        for (const route of vrfDoc.staticRoutes) {
          const hop = parseAddress(route.nextHop);
          if (!hop) continue;
          const failing: Target[] = [];
          const names: string[] = [];
          for (const se of groups) {
            // A labelled route is not the SE group's unless it carries the labels (Avi 20.1.1+).
            if (!routeAppliesTo(route.labels, se.props.labels)) continue;
            const vrf = vrfOf(model.hostById.get(se.id), vrfDoc.name);
            if (!vrf) continue;
            const extra = vrfDoc.name === 'global' ? seDataNetworks(model, se.id) : [];
            if (vrf.interfaces.length === 0 && [...extra].length === 0) continue;
            const subnets = connectedSubnets(model, vrf, extra);
            if (subnets === null || onAny(subnets, hop)) continue;
            const others = samePrefix.get(prefixKey(route.prefix)) ?? [];
            if (others.some((o) => o !== route && routeAppliesTo(o.labels, se.props.labels) && onAnyText(subnets, o.nextHop))) continue;
            failing.push({ kind: 'seGroup', id: se.id });
            names.push(se.name);
          }
          if (failing.length === 0) continue;
          ctx.report({
            message: `Static route ${route.prefix} via ${route.nextHop} in VRF ${vrfDoc.name} of Controller ${controller.name}: the next hop is on no network that SE group ${names.join(', ')} is attached to in that VRF`,
            targets: [{ kind: 'aviController', id: controller.id }, { kind: 'route', id: route.id }, ...failing],
            data: { controller: controller.name, vrf: vrfDoc.name, prefix: route.prefix, nextHop: route.nextHop, seGroups: names },
          });
        }
      }
    }
  },
});

/** A prefix as a key: its parsed network when it parses, else its text. */
function prefixKey(text: string): string {
  const c = cidr(text);
  return c ? `${c.family}|${c.first}|${c.prefix}` : text;
}

/** Is this next hop text an address on one of the subnets? */
function onAnyText(subnets: readonly Cidr[], nextHop: string | null): boolean {
  const hop = parseAddress(nextHop);
  return hop !== null && onAny(subnets, hop);
}

/** Is the next hop on one of the connected subnets? (A loop: a callback here ran per route.) */
function onAny(subnets: readonly Cidr[], hop: Ip): boolean {
  for (const s of subnets) if (inCidr(s, hop)) return true;
  return false;
}
