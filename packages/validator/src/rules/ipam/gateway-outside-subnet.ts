import type { EditOp, Suggestion } from '../../fixes/edit.ts';
import { proposedGateway } from '../../fixes/gateway.ts';
import type { L3Model, L3Network } from '../../l3/model.ts';
import type { GatewayRef } from '../../queries/ipam.ts';
import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { inCidr, ip } from '../../l3/addr.ts';
import { elementName, elementTarget, gatewaysByNetwork, GATEWAY_HOLDER_KINDS, subnetReserved } from '../../queries/ipam.ts';

export default defineRule({
  meta: {
    id: 'ipam/gateway-outside-subnet',
    severity: 'error',
    category: 'ipam',
    description: "A network's gateway, or a gateway set on a NIC, is not a host address of the network's subnet.",
    docs: `### Why
A host only sends to a gateway it can reach directly, on its own subnet (ARP). A gateway outside the subnet - a typo
such as 192.168.84.1 for \`dp-data-48\` 192.168.48.0/22, or the gateway of another port group - leaves every machine
on the network without a default route: the SE's data default route (\`0.0.0.0/0 via 192.168.48.1\` in seed 000) cannot
resolve its next hop, the HAProxy appliance has no way out of its management network, nodes cannot reach anything
beyond their subnet. A gateway on the subnet's network or broadcast address is no host address either.

Checked for every network's gateway (port groups, NSX-T segments, client networks) and for the gateways written on NIC
links (HAProxy has one per NIC, the Controller and Supervisor may set one), against the subnet of the network the NIC
is on. Networks without a known subnet are skipped.

### How to fix in Viplane
Select the network (port group, segment or client network) and set its **Gateway** to a host address of its
**Subnet**, normally the router's interface (SVI) on it: seed 000's L3 switch answers 192.168.32.1, 192.168.48.1 and
192.168.52.1 on the three port groups. For a gateway set on a NIC, select the interface and set its **Gateway**. The
quick fix takes the router's address on the network, else its lowest free host address.

### Source
Seed 000 (NSX-ALB routing), L93, L109, L147: the data default gateway is "normally the gateway of the interface where the
app LB services are deployed", 192.168.48.1 being the L3 switch's SVI on \`dp-data-48\`. Seed 002 (HAProxy), L43: the
appliance's default gateway must be on the management network.`,
    seeds: ['000', '002'],
  },
  check({ model, report }) {
    for (const [networkId, gateways] of gatewaysByNetwork(model)) {
      const network = model.networkById.get(networkId);
      if (!network?.subnet) continue;
      const subnet = network.subnet;
      for (const g of gateways) {
        const inside = inCidr(subnet, g.ip);
        const reserved = inside ? subnetReserved(subnet).find((x) => x.value === g.ip.value) : undefined;
        if (inside && !reserved) continue;
        const whose =
          g.source === 'network'
            ? `Gateway ${g.ip.text} of network ${network.name}`
            : `Gateway ${g.ip.text} set on the NIC of ${elementName(model, g.ownerId)} on network ${network.name}`;
        const targets: Target[] =
          g.source === 'network'
            ? [{ ...elementTarget(model, network.id), field: 'gateway' }]
            : [elementTarget(model, g.ownerId), { kind: 'link', id: g.linkId!, field: 'gateway' }, elementTarget(model, network.id)];
        report({
          message: reserved
            ? `${whose} is the ${reserved.what} address of ${subnet.text}, not a host address`
            : `${whose} is outside its subnet ${subnet.text}`,
          targets,
          data: {
            gateway: g.ip.text,
            network: network.name,
            subnet: subnet.text,
            problem: reserved ? `${reserved.what}-address` : 'outside',
          },
          suggestions: gatewaySuggestion(model, network, g),
        });
      }
    }
  },
});

/** Quick fix: the network's (or NIC's) gateway becomes the router's address on the subnet, or its lowest free host address. */
function gatewaySuggestion(model: L3Model, network: L3Network, g: GatewayRef): Suggestion[] {
  // A NIC's gateway takes the network's own when that one is valid; a network's own is the one at fault.
  const value = proposedGateway(model, g.source === 'network' ? { ...network, gateway: null } : network);
  if (value === null || value === g.ip.text) return [];
  if (g.source === 'network') {
    // NICs that copied the wrong gateway follow it (their finding was folded into this one).
    const edit: EditOp[] = [{ op: 'set', target: { kind: 'element', id: network.id, field: 'gateway' }, value }];
    for (const l of model.document.links)
      if (l.kind === 'nic' && l.to === network.id && l.gateway === g.ip.text)
        edit.push({ op: 'set', target: { kind: 'link', id: l.id, field: 'gateway' }, value });
    const nics = edit.length - 1;
    // A gateway nobody answers is no gateway: when the new address is a free one, the router whose
    // interface on this network sits outside the subnet (a renumbered network) takes it too.
    const router = value === routerAddressOn(model, network) ? undefined : strandedRouterNic(model, network);
    if (router) edit.push({ op: 'set', target: { kind: 'link', id: router.linkId, field: 'address' }, value });
    return [
      {
        title: `Set the gateway of ${network.name} to ${value}${nics > 0 ? ` (and on ${nics} NIC${nics === 1 ? '' : 's'} that use it)` : ''}${
          router ? `, and ${router.name}'s interface on it to ${value}` : ''
        }`,
        edit,
      },
    ];
  }
  return [
    {
      title: `Set the NIC's gateway to ${value}, on ${network.name}`,
      edit: [{ op: 'set', target: { kind: 'link', id: g.linkId!, field: 'gateway' }, value }],
    },
  ];
}

/** The address a router (or firewall, Tier-0) already holds inside the network's subnet, if any. */
function routerAddressOn(model: L3Model, network: L3Network): string | null {
  if (!network.subnet) return null;
  for (const a of model.addresses)
    if (a.networkId === network.id && a.ip && GATEWAY_HOLDER_KINDS.has(a.ownerKind) && inCidr(network.subnet, a.ip)) return a.ip.text;
  return null;
}

/** A router's static interface on the network whose address is missing or outside the subnet. */
function strandedRouterNic(model: L3Model, network: L3Network): { linkId: string; name: string } | undefined {
  const subnet = network.subnet;
  if (!subnet) return undefined;
  const kinds = new Map(model.document.elements.map((e) => [e.id, e] as const));
  for (const l of model.document.links) {
    if (l.kind !== 'nic' || l.to !== network.id || l.addressMode !== 'static') continue;
    const owner = kinds.get(l.from);
    if (!owner || !GATEWAY_HOLDER_KINDS.has(owner.kind)) continue;
    const address = l.address ? ip(l.address) : null;
    if (!address || !inCidr(subnet, address)) return { linkId: l.id, name: owner.name };
  }
  return undefined;
}
