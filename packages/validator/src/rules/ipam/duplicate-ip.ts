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
addresses, and the Supervisor's block of 5 consecutive management addresses. A network's gateway counts as held by
the gateway: a router (or Tier-0) interface at that address *is* the gateway and is not a duplicate, but any other
holder of it is. Not duplicates: several virtual services of one load balancer sharing a VIP on different ports (as
NSX-ALB allows), and a virtual service that stands for a TKG cluster's fixed NSX-ALB endpoint. Addresses on networks in
different routing domains may repeat. Addresses whose network is unknown are skipped.

### How to fix
Give each holder its own address, outside the pools and DHCP scopes of its network, and keep the gateway address for
the router. For a VIP, leave the address empty and let the NSX-ALB pool allocate it (seed 000 leaves the TKG control
plane endpoint blank for that reason).

### Source
Seed 000 (NSX-ALB configuration samples), L129: in the 1-network design "ユーザ操作で vCenter との重複 IP を発生させられる" -
user actions can create an IP that duplicates vCenter's. L155: the endpoint is left blank so NSX-ALB allocates it.`,
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
        const holders = held.length === 1 ? held : distinctHolders(model, held);
        if (holders.length + gateways.length < 2) continue;
        const address = held[0]!.ip.text;
        const names = [
          ...holders.map((h) => describeHolder(model, h.address, h.ip.text)),
          ...gateways.map((n) => `the gateway of network ${n.name}`),
        ];
        const targets: Target[] = [];
        const seen = new Set<string>();
        const push = (t: Target) => {
          if (!seen.has(`${t.kind}|${t.id}`)) targets.push(t);
          seen.add(`${t.kind}|${t.id}`);
        };
        for (const h of holders) addressTargets(model, h.address).forEach(push);
        for (const n of gateways) push(elementTarget(model, n.id));
        report({
          message: `${address} is held ${names.length} times in routing domain ${domain}: ${names.join('; ')}`,
          targets,
          data: { address, domain, holders: names, count: names.length },
        });
      }
  },
});

/**
 * One entry per distinct holder: the same element (and nested node) declaring an address twice is one holder; VIPs
 * of one load balancer on different ports are one VIP; a VS for a TKG cluster's fixed NSX-ALB endpoint is that endpoint.
 */
function distinctHolders(model: Parameters<typeof describeHolder>[0], held: Held[]): Held[] {
  const byKey = new Map<string, Held>();
  const ports = new Map<string, Set<number>>();
  const endpointOwners = new Set(held.filter((h) => h.address.role === 'endpoint').map((h) => h.address.ownerId));
  for (const h of held) {
    const a = h.address;
    let key = `${a.ownerId}|${a.itemId ?? ''}`;
    // Every Tier-0 of one NSX Manager (every vCenter element of one server) names the same server: one holder.
    if (a.role === 'infrastructure') key = `infrastructure:${a.ownerKind}|${a.text}`;
    if (a.role === 'vip') {
      const vs = model.elements.get(a.ownerId);
      if (vs?.kind === 'virtualService') {
        if (vs.props.backendClusterId !== null && endpointOwners.has(vs.props.backendClusterId)) {
          const cluster = model.elements.get(vs.props.backendClusterId);
          if (cluster?.kind === 'tkgCluster' && cluster.props.endpoint.provider === 'nsx-alb') key = `${vs.props.backendClusterId}|`;
        } else if (vs.props.loadBalancerId !== null) {
          const lbKey = `lb:${vs.props.loadBalancerId}`;
          const used = ports.get(lbKey) ?? new Set<number>();
          if (!used.has(vs.props.port)) {
            used.add(vs.props.port);
            ports.set(lbKey, used);
            key = lbKey;
          }
        }
      }
    }
    if (!byKey.has(key)) byKey.set(key, h);
  }
  return [...byKey.values()];
}
