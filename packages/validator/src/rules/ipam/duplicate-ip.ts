import type { Suggestion } from '../../fixes/edit.ts';
import { addressField } from '../../fixes/refs.ts';
import { freeStaticAddress } from '../../fixes/freeAddress.ts';
import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import type { L3Network } from '../../l3/model.ts';
import {
  addressTargets,
  describeHolder,
  duplicateSuspects,
  elementTarget,
  forEachHeld,
  GATEWAY_HOLDER_KINDS,
  type Held,
} from '../../queries/ipam.ts';

export default defineRule({
  meta: {
    id: 'ipam/duplicate-ip',
    severity: 'error',
    category: 'ipam',
    description: 'Two different things hold the same address in one routing domain (including the gateway address).',
    docs: `### Why
An address must answer on one machine. Two holders of the same address fight over it with ARP: traffic for the
Controller, a VIP or a node goes to whichever answered last, and both break intermittently. Seed 000 names exactly this
accident for the 1-network design: a user can create an address that clashes with vCenter's.

Holders are every address written statically: NIC addresses (routers, Controller, SE groups, HAProxy, Supervisor),
TKG control-plane endpoints (kube-vip or a fixed NSX-ALB VIP), virtual-service VIPs, DNS virtual services, static node
addresses, and the Supervisor's management block (one address per control-plane VM + 2, 5 consecutive addresses with
3 VMs; the same block \`supervisor/control-plane-ips\` checks). A network's gateway counts as held by the gateway: a
router (or Tier-0) interface at that address *is* the gateway and is not a duplicate, but any other holder of it is.

Holders of one address are grouped into claimants: an element (or one node of a cluster; an element that writes the
address twice is one holder); the virtual services of one load balancer, which may share a VIP on different ports
(NSX-ALB shared VIP); and a virtual service that stands for a TKG cluster's fixed NSX-ALB endpoint joins that endpoint.
- Two claimants or more (a network gateway not held by its router counts as one) are a conflict, and the finding names
  **every** holder of the address: each virtual service sharing the VIP, the Controller, node, endpoint or gateway.
- One claimant is a conflict only when virtual services of one load balancer use the same address **and port**; then
  the finding names those virtual services and not the ones on other ports.

Addresses on networks in different routing domains may repeat (an empty \`routingDomain\` is the default domain).
Addresses that are blank, malformed (\`ipam/invalid-cidr\`) or on an unknown network are skipped.

### How to fix in Viplane
The quick fix gives the last holder its network's next free address. Otherwise, change the address on the element the finding names (NIC address on the link, the virtual service's VIP, the
cluster's endpoint or node address, the Supervisor's management start address). Give each holder its own address, outside the pools and DHCP scopes of its network, and keep the gateway address for
the router. For a VIP, leave the address empty and let the NSX-ALB pool allocate it (seed 000 leaves the TKG control
plane endpoint blank for that reason). Virtual services that share a VIP on purpose must be on one load balancer and
use different ports.

### Source
Seed 000 (NSX-ALB configuration samples), L129: in the 1-network design "ユーザ操作で vCenter との重複 IP を発生させられる" -
user actions can create an IP that duplicates vCenter's. L155: the endpoint is left blank so NSX-ALB allocates it.
Shared VIPs: NSX-ALB virtual services of one SE group can share a VIP (\`VsVip\`) and differ by service port (Avi
VirtualService \`vsvip_ref\`, \`services[].port\`).`,
    seeds: ['000'],
  },
  check({ model, report }) {
    // domain -> address value -> first holder; only values held more than once get a list. IPv4 values are numbers
    // and IPv6 values bigints, so they never collide in one map. Most addresses are held once: no list for them.
    const first = new Map<string, Map<number | bigint, Held>>();
    const domains = new Map<string, Map<number | bigint, Held[]>>();
    const suspect = duplicateSuspects(model);
    // Held objects only for the suspect domains (usually none).
    if (suspect.size > 0)
      forEachHeld(model, (address, ip, domain, offset) => {
        if (!suspect.has(domain)) return;
        const h: Held = { address, ip, domain, offset };
        let byValue = first.get(domain);
        if (!byValue) first.set(domain, (byValue = new Map()));
        const seen = byValue.get(ip.value);
        if (!seen) {
          byValue.set(ip.value, h);
          return;
        }
        let dups = domains.get(domain);
        if (!dups) domains.set(domain, (dups = new Map()));
        const list = dups.get(ip.value);
        if (list) list.push(h);
        else dups.set(ip.value, [seen, h]);
      });
    const networkGateways = new Map<string, Map<number | bigint, L3Network[]>>();
    for (const n of model.networks) {
      if (!n.gateway) continue;
      let byValue = networkGateways.get(n.routingDomain);
      if (!byValue) networkGateways.set(n.routingDomain, (byValue = new Map()));
      const list = byValue.get(n.gateway.value);
      if (list) list.push(n);
      else byValue.set(n.gateway.value, [n]);
    }

    // Addresses held once are duplicates only of an unrouted gateway.
    for (const [domain, gateways] of networkGateways) {
      const byValue = first.get(domain);
      if (!byValue) continue;
      for (const value of gateways.keys()) {
        const h = byValue.get(value);
        if (!h || domains.get(domain)?.has(value)) continue;
        let dups = domains.get(domain);
        if (!dups) domains.set(domain, (dups = new Map()));
        dups.set(value, [h]);
      }
    }

    for (const [domain, byValue] of domains)
      for (const [value, held] of byValue) {
        const atGateway = networkGateways.get(domain)?.get(value);
        const routerAtGateway = held.some((h) => GATEWAY_HOLDER_KINDS.has(h.address.ownerKind));
        const gateways: L3Network[] = atGateway && !routerAtGateway ? atGateway : [];
        const involved = involvedHolders(model, held, gateways.length);
        if (involved.length === 0) continue;
        // One name per holder (an element, or a node of one, declaring the address twice is one holder); targets
        // are every involved holder's element, link and node.
        const holders = new Map<string, Held>();
        for (const h of involved) {
          const key = `${h.address.ownerId}|${h.address.itemId ?? ''}`;
          if (!holders.has(key)) holders.set(key, h);
        }
        const address = held[0]!.ip.text;
        const names = [
          ...[...holders.values()].map((h) => describeHolder(model, h.address, h.ip.text)),
          ...gateways.map((n) => `the gateway of network ${n.name}`),
        ];
        const targets: Target[] = [];
        const seen = new Set<string>();
        const push = (t: Target) => {
          if (!seen.has(`${t.kind}|${t.id}`)) targets.push(t);
          seen.add(`${t.kind}|${t.id}`);
        };
        for (const h of involved) addressTargets(model, h.address).forEach(push);
        for (const n of gateways) push(elementTarget(model, n.id));
        report({
          message: `${address} is held ${names.length} times in routing domain ${domain}: ${names.join('; ')}`,
          targets,
          data: { address, domain, holders: names, count: names.length },
          suggestions: nextFreeSuggestion(model, involved),
        });
      }
  },
});

/**
 * The holders of one address (in one routing domain) that are in conflict, or none. Holders are grouped into
 * claimants: an element (or a node of one); the virtual services of one load balancer, which may share a VIP
 * on different ports (NSX-ALB shared VIP); a virtual service standing for a TKG cluster's fixed NSX-ALB
 * endpoint joins that endpoint. Two claimants or more (a network gateway not held by its router counts as
 * one): every holder is involved. One claimant: only virtual services of one load balancer on the same
 * port (address and port twice) are.
 */
function involvedHolders(model: Parameters<typeof describeHolder>[0], held: Held[], gateways: number): Held[] {
  const endpointOwners = new Set<string>();
  for (const h of held) if (h.address.role === 'endpoint') endpointOwners.add(h.address.ownerId);
  const claimants = new Set<string>();
  const ports = new Map<string, Held[]>();
  for (const h of held) {
    const a = h.address;
    let claimant = `${a.ownerId}|${a.itemId ?? ''}`;
    // Every Tier-0 of one NSX Manager (every vCenter element of one server) names the same server: one claimant.
    if (a.role === 'infrastructure') claimant = `infrastructure:${a.ownerKind}|${a.text}`;
    const vs = a.role === 'vip' ? model.elements.get(a.ownerId) : undefined;
    if (vs?.kind === 'virtualService') {
      const cluster = vs.props.backendClusterId === null ? undefined : model.elements.get(vs.props.backendClusterId);
      if (cluster?.kind === 'tkgCluster' && cluster.props.endpoint.provider === 'nsx-alb' && endpointOwners.has(cluster.id))
        claimant = `${cluster.id}|`;
      else if (vs.props.loadBalancerId !== null) {
        claimant = `lb:${vs.props.loadBalancerId}`;
        const key = `${claimant}|${vs.props.port}`;
        const list = ports.get(key);
        if (list) list.push(h);
        else ports.set(key, [h]);
      }
    }
    claimants.add(claimant);
  }
  if (claimants.size + gateways >= 2) return held;
  const out: Held[] = [];
  for (const list of ports.values()) if (list.length > 1) out.push(...list);
  return out;
}

/**
 * Quick fix: the last holder that can move (a static address written on its own field, on a network with an
 * IPv4 subnet; never a server the design only names, nor a router at its own gateway) takes the network's
 * lowest free address.
 */
function nextFreeSuggestion(model: Parameters<typeof describeHolder>[0], involved: readonly Held[]): Suggestion[] {
  for (let k = involved.length - 1; k >= 0; k--) {
    const a = involved[k]!.address;
    if (a.role === 'infrastructure' || GATEWAY_HOLDER_KINDS.has(a.ownerKind) || a.networkId === null || (a.block ?? 1) > 1) continue;
    const target = addressField(a);
    const free = target ? freeStaticAddress(model, a.networkId) : null;
    if (!target || !free) continue;
    const network = model.networkById.get(a.networkId)?.name ?? a.networkId;
    return [
      {
        title: `Give ${describeHolder(model, a)} the next free address of ${network}: ${free}`,
        edit: [{ op: 'set', target, value: free }],
      },
    ];
  }
  return [];
}
