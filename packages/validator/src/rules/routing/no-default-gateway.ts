import type { Suggestion } from '../../fixes/edit.ts';
import { validGateway } from '../../fixes/gateway.ts';
import { freshItemId } from '../../fixes/refs.ts';
import type { L3Model, L3Network } from '../../l3/model.ts';
import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { defaultRoutes, elementOf, hasVipPool, lbIndex, seDataNetworks, vrfFamilies, vrfOf } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'routing/no-default-gateway',
    severity: 'error',
    category: 'routing',
    description: 'An SE data VRF ("global") without a 0.0.0.0/0 route, or a HAProxy appliance without a default gateway.',
    docs: `### Why
A load balancer answers clients that sit anywhere: on the internet, on networks the design does not
know. Directly connected networks are routed automatically, but the replies to every other client
leave through the default gateway. An NSX-ALB Service Engine has two routing tables: the data VRF
\`global\` (VIPs, backends) and the management VRF. Without \`0.0.0.0/0\` in \`global\` the SE cannot
return packets to clients on unknown networks; the service may still work from some places, which
makes the fault hard to see. The usual next hop is the gateway of the interface where the application
VIPs are deployed (seed 000: \`0.0.0.0/0 -> 192.168.48.1\` on dp-data-48).

The HAProxy appliance for vSphere with Tanzu has one routing table whose default gateway is the
management network's gateway; without any gateway it can only talk to its directly attached networks.

### How to fix in Viplane
The quick fix adds the route (or sets the management NIC's gateway) for you.
- NSX-ALB: in Viplane, select the Controller and add to **VRFs → global → Static routes** a route \`0.0.0.0/0\`
  whose next hop is the gateway of the VIP network (e.g. \`192.168.48.1\`).
- HAProxy: select the HAProxy's management NIC and set its **gateway** (e.g. \`192.168.110.1\` on the management
  network).

### Source
Seed 000 (NSX-ALB routing): "the data default gateway is needed for the return traffic to clients at
various addresses; normally the gateway of the interface where the LB services are deployed" (L93), and
"to avoid trouble, always set it" (L147). Seed 002 (HAProxy): the HAProxy VM's default gateway must be on
the management network (L43).`,
    seeds: ['000', '002'],
  },
  check(ctx) {
    const { model } = ctx;
    const index = lbIndex(model);

    // NSX-ALB: the global VRF lives on the Controller and applies to each of its SE groups.
    for (const [controllerId, groups] of index.seGroupsByController) {
      const controller = elementOf(model, controllerId, 'aviController');
      if (!controller) continue;
      const affected: Target[] = [];
      const missing = new Set<4 | 6>();
      let blackhole: string | null = null;
      for (const se of groups) {
        const vrf = vrfOf(model.hostById.get(se.id), 'global');
        const dataNets = seDataNetworks(model, se.id);
        // An SE group not attached to any data network yet has nobody to answer.
        if (!vrf || dataNets.size === 0) continue;
        let groupMissing = false;
        for (const family of vrfFamilies(model, vrf, dataNets)) {
          const defaults = defaultRoutes(vrf, family);
          const usable = defaults.filter((r) => !r.discard);
          if (usable.length === 0) {
            missing.add(family);
            groupMissing = true;
            if (defaults.length > 0) blackhole = defaults[0]!.sourceId;
          }
        }
        if (groupMissing) affected.push({ kind: 'seGroup', id: se.id });
      }
      if (affected.length === 0) continue;
      const prefixes = [...missing].map((f) => (f === 4 ? '0.0.0.0/0' : '::/0'));
      const names = affected.map((t) => model.elements.get(t.id)?.name ?? t.id);
      ctx.report({
        message: blackhole
          ? `The data VRF (global) of Controller ${controller.name} sends ${prefixes.join(' and ')} to a discard route, so SE group ${names.join(', ')} cannot answer clients on other networks`
          : `The data VRF (global) of Controller ${controller.name} has no default route ${prefixes.join(' and ')}, so SE group ${names.join(', ')} cannot answer clients on other networks`,
        targets: [
          { kind: 'aviController', id: controller.id },
          ...affected,
          ...(blackhole ? [{ kind: 'route' as const, id: blackhole }] : []),
        ],
        data: { controller: controller.name, vrf: 'global', seGroups: names, missingPrefixes: prefixes },
        suggestions: missing.has(4) ? defaultRouteSuggestion(model, controller, affected, blackhole) : undefined,
      });
    }

    // HAProxy: its default route is the management NIC's gateway.
    const haproxies = model.ofKind('haproxy');
    const linkById = haproxies.length > 0 ? new Map(model.document.links.map((l) => [l.id, l])) : new Map<string, never>();
    for (const hp of haproxies) {
      const nics = model.hostById.get(hp.id)?.vrfs.flatMap((v) => v.interfaces) ?? [];
      if (nics.length === 0) continue;
      // A gateway set on another NIC is haproxy/gateway-not-on-management's finding.
      if (nics.some((i) => i.gateway !== null || linkById.get(i.sourceId)?.gateway != null)) continue;
      const mgmtIface = nics.find((i) => i.role === 'management');
      const mgmt = mgmtIface ? { id: mgmtIface.sourceId, to: mgmtIface.networkId } : undefined;
      const mgmtNet = mgmt ? model.networkById.get(mgmt.to) : undefined;
      ctx.report({
        message: mgmt
          ? `HAProxy ${hp.name} has no default gateway: its management NIC on ${mgmtNet?.name ?? mgmt.to} has no gateway set${mgmtNet?.gatewayText ? ` (the network's gateway is ${mgmtNet.gatewayText})` : ''}`
          : `HAProxy ${hp.name} has no default gateway: none of its NICs has a gateway and it has no management NIC`,
        targets: [{ kind: 'haproxy', id: hp.id }, ...(mgmt ? [{ kind: 'link' as const, id: mgmt.id, field: 'gateway' }] : [])],
        data: { haproxy: hp.name, managementNetwork: mgmtNet?.name ?? null, suggestedGateway: mgmtNet?.gatewayText ?? null },
        suggestions: mgmt && mgmtNet ? managementGatewaySuggestion(mgmt.id, mgmtNet) : undefined,
      });
    }
  },
});

/**
 * Quick fix (seed 000): `0.0.0.0/0` via the gateway of the SE groups' data network, preferring a network with
 * a VIP pool (where the app services are deployed), in the Controller's global VRF; a discard default route
 * gets that next hop instead.
 */
function defaultRouteSuggestion(
  model: L3Model,
  controller: Extract<L3Model['document']['elements'][number], { kind: 'aviController' }>,
  affected: readonly Target[],
  blackhole: string | null,
): Suggestion[] {
  const candidates = new Set<string>();
  for (const t of affected) for (const id of seDataNetworks(model, t.id)) candidates.add(id);
  const networks = model.networks.filter((n) => candidates.has(n.id) && n.subnet?.family === 4 && validGateway(n) !== null);
  const network = networks.find((n) => hasVipPool(model, n.id)) ?? networks[0];
  if (!network) return [];
  const gateway = validGateway(network)!;
  const vrfs = controller.props.vrfs;
  const v = vrfs.findIndex((x) => x.name === 'global');
  const title = `Add the default route 0.0.0.0/0 via ${gateway} (gateway of ${network.name}) to the global VRF of ${controller.name}`;
  if (blackhole !== null && v >= 0) {
    const r = vrfs[v]!.staticRoutes.findIndex((x) => x.id === blackhole);
    if (r >= 0)
      return [
        {
          title: `Send the discard default route of ${controller.name} to ${gateway} (gateway of ${network.name})`,
          edit: [
            { op: 'set', target: { kind: 'element', id: controller.id, field: `vrfs.${v}.staticRoutes.${r}.nextHop` }, value: gateway },
          ],
        },
      ];
  }
  const route = { id: freshItemId(model.document, `${controller.id}-default`), prefix: '0.0.0.0/0', nextHop: gateway };
  return [
    {
      title,
      edit:
        v >= 0
          ? [{ op: 'append', target: { kind: 'element', id: controller.id, field: `vrfs.${v}.staticRoutes` }, value: route }]
          : [
              {
                op: 'append',
                target: { kind: 'element', id: controller.id, field: 'vrfs' },
                value: { name: 'global', staticRoutes: [route] },
              },
            ],
    },
  ];
}

/** Quick fix (seed 002): HAProxy's management NIC takes its network's gateway. */
function managementGatewaySuggestion(linkId: string, network: L3Network): Suggestion[] {
  // Only a gateway the design states: a guessed address would hide the real question.
  const gateway = validGateway(network);
  return gateway === null
    ? []
    : [
        {
          title: `Set the management NIC's gateway to ${gateway} (gateway of ${network.name})`,
          edit: [{ op: 'set', target: { kind: 'link', id: linkId, field: 'gateway' }, value: gateway }],
        },
      ];
}
