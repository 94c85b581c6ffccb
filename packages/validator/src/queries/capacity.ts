/**
 * The one definition of a pool's capacity (issue 11: rules agree with each other), used by
 * ipam/pool-exhausted for every pool kind and by supervisor/control-plane-ips for the primary
 * workload range: the distinct addresses of the ranges that can still be handed out.
 */
import type { L3Model, L3Network, L3Range } from '../l3/model.ts';
import type { Cidr } from '../l3/addr.ts';
import { countHeld } from '../addressIndex/index.ts';
import { forEachHeld, gatewaysByNetwork, heldSet4, rangeInterval, subnetReserved } from './ipam.ts';

interface PerModel {
  reservedByNetwork: Map<string, L3Range[]>;
  haproxyByNetwork: Map<string, L3Range[]>;
  held6: Held6;
}
const cache = new WeakMap<L3Model, PerModel>();

function perModel(model: L3Model): PerModel {
  let hit = cache.get(model);
  if (!hit) {
    const reservedByNetwork = new Map<string, L3Range[]>();
    const haproxyByNetwork = new Map<string, L3Range[]>();
    for (let k = 0, all = model.ranges; k < all.length; k++) {
      const r = all[k]!;
      if (r.networkId === null) continue;
      if (r.purpose === 'reserved') push(reservedByNetwork, r.networkId, r);
      else if (r.purpose === 'haproxy-vip') push(haproxyByNetwork, r.networkId, r);
    }
    cache.set(model, (hit = { reservedByNetwork, haproxyByNetwork, held6: new Held6(model) }));
  }
  return hit;
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Distinct addresses of the ranges that can be handed out, the same way for every pool kind and both families:
 * inside the network's subnet (when it is known), minus the subnet's reserved addresses (IPv4 network and broadcast,
 * IPv6 Subnet-Router anycast: subnetReserved), minus `reserved` ranges of the network and (for every pool but an
 * HAProxy VIP range itself) the network's HAProxy VIP ranges, minus addresses held in the network's routing domain
 * (static addresses, fixed VIPs and endpoints, node addresses, the Supervisor's block, gateways).
 * IPv6 counts saturate at Number.MAX_SAFE_INTEGER (a /64 pool never runs out).
 */
export function poolCapacity(
  model: L3Model,
  network: L3Network | undefined,
  ranges: readonly L3Range[],
  kind: 'pool' | 'haproxy-vip',
): number {
  const { reservedByNetwork, haproxyByNetwork, held6 } = perModel(model);
  const v4: [number, number][] = [];
  const v6: [bigint, bigint][] = [];
  for (const r of ranges) {
    const iv = rangeInterval(r);
    if (!iv) continue;
    if (iv.family === 4) v4.push([iv.start, iv.end]);
    else v6.push([iv.start, iv.end]);
  }
  const subnet = network?.subnet ?? null;
  // Reserved ranges are kept out of use; HAProxy answers every address of its VIP ranges, so they are held for
  // every other pool of the network.
  const reserved = network
    ? [...(reservedByNetwork.get(network.id) ?? []), ...(kind === 'pool' ? (haproxyByNetwork.get(network.id) ?? []) : [])]
    : [];
  let total = 0;
  if (v4.length > 0) {
    let intervals = merge(v4);
    if (subnet?.family === 4) intervals = clip(intervals, usable4(subnet));
    else if (subnet) intervals = [];
    const out: [number, number][] = [];
    for (const r of reserved) {
      const iv = rangeInterval(r);
      if (iv?.family === 4) out.push([iv.start, iv.end]);
    }
    if (out.length > 0) intervals = subtract(intervals, merge(out));
    const held = network ? heldSet4(model, network.routingDomain) : EMPTY4;
    for (const [s, e] of intervals) total += e - s + 1 - countHeld(held, s, e);
  }
  if (v6.length > 0) {
    let intervals = merge(v6);
    if (subnet?.family === 6) intervals = clip(intervals, usable6(subnet));
    else if (subnet) intervals = [];
    const out: [bigint, bigint][] = [];
    for (const r of reserved) {
      const iv = rangeInterval(r);
      if (iv?.family === 6) out.push([iv.start, iv.end]);
    }
    if (out.length > 0) intervals = subtract(intervals, merge(out));
    const held = network ? held6.of(network.routingDomain) : [];
    let free = 0n;
    for (const [s, e] of intervals) free += e - s + 1n - BigInt(countHeld(held, s, e));
    total += Number(free > MAX_SAFE ? MAX_SAFE : free);
  }
  return Math.min(total, Number.MAX_SAFE_INTEGER);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const EMPTY4 = new Float64Array(0);

/** The subnet's host addresses as one interval (subnetReserved's addresses are at its two ends). */
function usable4(subnet: Cidr): [number, number] {
  const lo = subnet.first as number;
  const hi = subnet.last as number;
  const out = subnetReserved(subnet);
  return [out.some((x) => x.value === lo) ? lo + 1 : lo, out.some((x) => x.value === hi) ? hi - 1 : hi];
}
function usable6(subnet: Cidr): [bigint, bigint] {
  const lo = subnet.first as bigint;
  const hi = subnet.last as bigint;
  const out = subnetReserved(subnet);
  return [out.some((x) => x.value === lo) ? lo + 1n : lo, out.some((x) => x.value === hi) ? hi - 1n : hi];
}

/** The parts of sorted merged intervals inside `[lo, hi]`. */
function clip<T extends number | bigint>(list: [T, T][], [lo, hi]: [T, T]): [T, T][] {
  const out: [T, T][] = [];
  for (const [s, e] of list) {
    const a = s > lo ? s : lo;
    const b = e < hi ? e : hi;
    if (a <= b) out.push([a, b]);
  }
  return out;
}

/** Sorted unique held IPv6 addresses (and IPv6 gateways) per routing domain, built on first use: IPv6 pools are rare. */
class Held6 {
  private byDomain: Map<string, bigint[]> | undefined;
  constructor(private readonly model: L3Model) {}
  of(domain: string): readonly bigint[] {
    if (!this.byDomain) {
      const sets = new Map<string, Set<bigint>>();
      const add = (d: string, v: bigint) => {
        let set = sets.get(d);
        if (!set) sets.set(d, (set = new Set()));
        set.add(v);
      };
      forEachHeld(this.model, (_a, ip, d) => {
        if (ip.family === 6) add(d, ip.value);
      });
      for (const [networkId, gws] of gatewaysByNetwork(this.model)) {
        const d = this.model.networkById.get(networkId)?.routingDomain;
        if (d !== undefined) for (const g of gws) if (g.ip.family === 6) add(d, g.ip.value);
      }
      this.byDomain = new Map([...sets].map(([d, set]) => [d, [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))]));
    }
    return this.byDomain.get(domain) ?? [];
  }
}

/** Sorted, merged (touching intervals joined). */
function merge<T extends number | bigint>(list: [T, T][]): [T, T][] {
  const sorted = [...list].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: [T, T][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= next(last[1])) last[1] = last[1] > e ? last[1] : e;
    else out.push([s, e]);
  }
  return out;
}

/** `a` minus `b`, both sorted and merged. */
function subtract<T extends number | bigint>(a: [T, T][], b: [T, T][]): [T, T][] {
  const out: [T, T][] = [];
  let j = 0;
  for (const [s0, e] of a) {
    let s = s0;
    while (j < b.length && b[j]![1] < s) j++;
    let k = j;
    while (k < b.length && b[k]![0] <= e && s <= e) {
      const [bs, be] = b[k]!;
      if (bs > s) out.push([s, prev(bs)]);
      const after = next(be);
      s = s > after ? s : after;
      k++;
    }
    if (s <= e) out.push([s, e]);
  }
  return out;
}

function next<T extends number | bigint>(v: T): T {
  return (typeof v === 'number' ? v + 1 : (v as bigint) + 1n) as T;
}
function prev<T extends number | bigint>(v: T): T {
  return (typeof v === 'number' ? v - 1 : (v as bigint) - 1n) as T;
}
