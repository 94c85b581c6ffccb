/**
 * Held addresses as columns, built once per model: each held address's routing domain as a
 * number, and each domain's IPv4 values sorted in one typed array. The questions the IPAM rules
 * ask of every held address of an estate are then answered without an object per address:
 *   - which routing domains can hold a duplicate at all (ipam/duplicate-ip builds its holder maps
 *     only there),
 *   - the taken addresses of a domain, for capacity (ipam/pool-exhausted),
 *   - each held address with its domain (forEachHeld in ipam.ts).
 *
 * Why columns: the held addresses' facts outlive the rule that first asks (they are cached on the
 * model), and in the first validations of a process every cached object is copied by V8's young-
 * generation collector. One `Held` object per address was the largest single cost of ipam/
 * duplicate-ip in a fresh process (~10 ms of a large estate's 20,000 addresses).
 *
 * Keys carry one bit beside the value: `value * 2 + 1` when the holder is not a gateway holder
 * (a router interface at a network's gateway *is* that gateway), `value * 2` when it is. Sorting
 * the keys sorts by value, so a repeated value shows as neighbours with equal `key >> 1`, and
 * "is this gateway held by something else" is one binary search for `gateway * 2 + 1`. Values
 * are below 2^32, so keys stay exact in a Float64Array.
 */
import { formatIp4, formatIp6 } from '@viplane/model';
import type { L3Address, L3Model } from '../l3/model.ts';
import type { Ip } from '../l3/addr.ts';

/**
 * Servers the design names only by address (vCenter, NSX Manager) sit on no modelled network; they are held in
 * the default routing domain, where the management networks of a design live.
 */
export const INFRASTRUCTURE_DOMAIN = 'default';

/** Holders whose interface at a network's gateway address is that gateway (not a clash with it). */
export const GATEWAY_HOLDER_KINDS: ReadonlySet<string> = new Set(['router', 'firewall', 'nsxtTier0']);

export interface HeldValues {
  /** Routing domains by number, in order of first appearance among the held addresses. */
  domains: readonly string[];
  domainIndex: ReadonlyMap<string, number>;
  /** Per `model.addresses[k]`: its domain's number, or -1 when it holds nothing (unparsed, or on no known network). */
  domainOfAddress: Int32Array;
  /** Domain d's IPv4 keys (see the module doc) are `keys4[startOf4[d] .. startOf4[d + 1])`, sorted. */
  keys4: Float64Array;
  startOf4: Int32Array;
  /** Domains with an IPv6 held address. */
  v6Domains: ReadonlySet<string>;
}

const cache = new WeakMap<L3Model, HeldValues>();

export function heldValues(model: L3Model): HeldValues {
  let hv = cache.get(model);
  if (!hv) cache.set(model, (hv = build(model)));
  return hv;
}

/** How many addresses `a` holds: its block (the Supervisor's management block, l3/supervisorBlock.ts), cut at the end of the IPv4 space. */
export function blockSize(a: L3Address, ip: Ip): number {
  const n = a.block ?? 1;
  if (n === 1) return 1;
  return ip.family === 4 ? Math.min(n, 0x100000000 - ip.value) : n;
}

/** Address `offset` of a held block starting at `ip` (offset 0 is `ip` itself). */
export function blockAddress(ip: Ip, offset: number): Ip {
  if (offset === 0) return ip;
  if (ip.family === 4) {
    const value = ip.value + offset;
    return { family: 4, value, text: formatIp4(value) };
  }
  const value = ip.value + BigInt(offset);
  return { family: 6, value, text: formatIp6(value) };
}

function build(model: L3Model): HeldValues {
  const addresses = model.addresses;
  const domains: string[] = [];
  const domainIndex = new Map<string, number>();
  const domainOfAddress = new Int32Array(addresses.length);
  const count: number[] = [];
  const v6Domains = new Set<string>();
  for (let k = 0; k < addresses.length; k++) {
    const a = addresses[k]!;
    const domain = a.ip
      ? a.networkId !== null
        ? model.networkById.get(a.networkId)?.routingDomain
        : a.role === 'infrastructure'
          ? INFRASTRUCTURE_DOMAIN
          : undefined
      : undefined;
    if (domain === undefined) {
      domainOfAddress[k] = -1;
      continue;
    }
    let d = domainIndex.get(domain);
    if (d === undefined) {
      domainIndex.set(domain, (d = domains.length));
      domains.push(domain);
      count.push(0);
    }
    domainOfAddress[k] = d;
    if (a.ip!.family === 4) count[d]! += blockSize(a, a.ip!);
    else v6Domains.add(domain);
  }
  const startOf4 = new Int32Array(domains.length + 1);
  for (let d = 0; d < domains.length; d++) startOf4[d + 1] = startOf4[d]! + count[d]!;
  const fill = startOf4.slice(0, domains.length);
  const keys4 = new Float64Array(startOf4[domains.length]!);
  for (let k = 0; k < addresses.length; k++) {
    const d = domainOfAddress[k]!;
    if (d < 0) continue;
    const a = addresses[k]!;
    const ip = a.ip!;
    if (ip.family !== 4) continue;
    const flag = GATEWAY_HOLDER_KINDS.has(a.ownerKind) ? 0 : 1;
    for (let i = 0, n = blockSize(a, ip); i < n; i++) keys4[fill[d]!++] = (ip.value + i) * 2 + flag;
  }
  for (let d = 0; d < domains.length; d++) keys4.subarray(startOf4[d]!, startOf4[d + 1]!).sort();
  return { domains, domainIndex, domainOfAddress, keys4, startOf4, v6Domains };
}

/** Domain d's sorted IPv4 keys. */
export function domainKeys4(hv: HeldValues, d: number): Float64Array {
  return hv.keys4.subarray(hv.startOf4[d]!, hv.startOf4[d + 1]!);
}

/** Is `key` among the sorted keys? */
export function hasKey(sorted: Float64Array, key: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === key;
}
