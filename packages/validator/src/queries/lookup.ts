/**
 * "What is at this address?" for the canvas's Find: the networks whose subnet holds an address (or
 * overlaps a CIDR), the ranges that hold it, and what holds it statically (gateways included). Asked
 * of the address index per routing domain, like the IPAM rules; the text is parsed by the model's
 * parser (ip-address behind it).
 */
import type { L3Address, L3Model, L3Network, L3Range } from '../l3/model.ts';
import { cidr as parseCidr, ip as parseIp } from '../l3/addr.ts';
import { cidrInterval, gatewaysByNetwork, heldAddresses, ipLike, networksByDomain, rangesByDomain } from './ipam.ts';

export interface AddressLookup {
  kind: 'address';
  /** Canonical text of the address asked for. */
  text: string;
  /** Networks whose subnet holds the address. */
  networks: L3Network[];
  /** Ranges (pools, DHCP scopes, reserved, HAProxy VIP ranges…) that hold it. */
  ranges: L3Range[];
  /** Static holders: interfaces, endpoints, VIPs, nodes… */
  holders: L3Address[];
  /** Networks whose gateway it is. */
  gatewayOf: L3Network[];
}

export interface CidrLookup {
  kind: 'cidr';
  text: string;
  /** Networks whose subnet overlaps the CIDR (inside it, holding it, or equal). */
  networks: L3Network[];
}

/** Looks up an address or a CIDR; `null` when the text is neither. */
export function lookupAddress(model: L3Model, text: string): AddressLookup | CidrLookup | null {
  const t = text.trim();
  if (t.includes('/')) {
    const c = parseCidr(t);
    if (!c) return null;
    const networks: L3Network[] = [];
    for (const dn of networksByDomain(model).values())
      for (const hit of dn.index.overlapping(cidrInterval(c))) networks.push(dn.networks[hit.tag]!);
    return { kind: 'cidr', text: c.text, networks: byDocumentOrder(model, networks) };
  }
  const a = parseIp(t);
  if (!a) return null;
  const networks: L3Network[] = [];
  for (const dn of networksByDomain(model).values()) for (const tag of dn.index.containing(ipLike(a))) networks.push(dn.networks[tag]!);
  const ranges: L3Range[] = [];
  for (const dr of rangesByDomain(model).values()) for (const tag of dr.index.containing(ipLike(a))) ranges.push(dr.entries[tag]!.range);
  const holders: L3Address[] = [];
  const seen = new Set<L3Address>();
  for (const h of heldAddresses(model))
    if (h.ip.family === a.family && h.ip.value === a.value && !seen.has(h.address)) {
      seen.add(h.address);
      holders.push(h.address);
    }
  const gatewayOf: L3Network[] = [];
  for (const [networkId, gws] of gatewaysByNetwork(model))
    if (gws.some((g) => g.source === 'network' && g.ip.family === a.family && g.ip.value === a.value)) {
      const n = model.networkById.get(networkId);
      if (n) gatewayOf.push(n);
    }
  return { kind: 'address', text: a.text, networks: byDocumentOrder(model, networks), ranges, holders, gatewayOf };
}

function byDocumentOrder(model: L3Model, networks: L3Network[]): L3Network[] {
  const order = new Map(model.networks.map((n, i) => [n.id, i]));
  return [...new Set(networks)].sort((x, y) => order.get(x.id)! - order.get(y.id)!);
}
