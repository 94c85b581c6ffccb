/**
 * Free addresses for quick fixes, from the address index (heldSet4, firstFree4): a static address
 * a fix hands out must be a host address of the network's subnet, held by nobody in its routing
 * domain (gateways included), and in none of the network's ranges (pools and DHCP scopes hand
 * those out; reserved ranges keep them out of use). IPv4 only: an IPv6 /64 offers no scarcity a fix
 * could help with, and its findings keep their manual "How to fix".
 */
import { formatIp4 } from '@viplane/model';
import { firstFree4 } from '../addressIndex/index.ts';
import type { L3Model, L3Network, L3Range } from '../l3/model.ts';
import { heldSet4, rangeInterval } from '../queries/ipam.ts';

const rangesCache = new WeakMap<L3Model, Map<string, [number, number][]>>();

/** IPv4 intervals of every range on each network, merged and sorted. */
function rangeIntervals(model: L3Model, networkId: string): readonly [number, number][] {
  let byNetwork = rangesCache.get(model);
  if (!byNetwork) {
    byNetwork = new Map();
    for (const r of model.ranges) {
      const iv = r.networkId === null ? null : rangeInterval(r);
      if (!iv || iv.family !== 4) continue;
      let list = byNetwork.get(r.networkId!);
      if (!list) byNetwork.set(r.networkId!, (list = []));
      list.push([iv.start, iv.end]);
    }
    for (const list of byNetwork.values()) list.sort((a, b) => a[0] - b[0]);
    rangesCache.set(model, byNetwork);
  }
  return byNetwork.get(networkId) ?? [];
}

/** IPv4 host addresses of the network's subnet (network and broadcast left out below /31). */
export function hostInterval4(network: L3Network | undefined): [number, number] | null {
  const s = network?.subnet;
  if (!s || s.family !== 4) return null;
  const first = s.first as number;
  const last = s.last as number;
  return last - first >= 2 ? [first + 1, last - 1] : [first, last];
}

/**
 * The lowest free static address of a network (see above), skipping `taken` too (addresses other
 * fixes of the same run hand out); `null` when the network has no IPv4 subnet or no free address.
 */
export function freeStaticAddress(model: L3Model, networkId: string, taken: ReadonlySet<number> = new Set()): string | null {
  const network = model.networkById.get(networkId);
  const hosts = hostInterval4(network);
  if (!network || !hosts) return null;
  const held = heldSet4(model, network.routingDomain);
  let start = hosts[0];
  for (const [s, e] of [...rangeIntervals(model, networkId), [hosts[1] + 1, hosts[1] + 1] as [number, number]]) {
    if (e < start) continue;
    const gapEnd = Math.min(s - 1, hosts[1]);
    for (let from = start; from <= gapEnd;) {
      const free = firstFree4(held, from, gapEnd);
      if (free === undefined) break;
      if (!taken.has(free)) return formatIp4(free);
      from = free + 1;
    }
    start = Math.max(start, e + 1);
    if (start > hosts[1]) break;
  }
  return null;
}

/**
 * How far a range can grow upward (its end moved) inside its network's subnet without taking an
 * address another range, the gateway or a static holder has: the new end, or `null` if none.
 * `need` more free addresses are wanted: the range grows by exactly that many, or `null` when the free
 * space above it is too small.
 */
export function growRangeEnd(model: L3Model, range: L3Range, need: number): string | null {
  const iv = rangeInterval(range);
  const network = range.networkId === null ? undefined : model.networkById.get(range.networkId);
  const hosts = hostInterval4(network);
  if (!iv || iv.family !== 4 || !hosts || !network || need <= 0) return null;
  const held = heldSet4(model, network.routingDomain);
  // The next range above this one bounds the growth.
  let limit = hosts[1];
  for (const [s, e] of rangeIntervals(model, network.id))
    if (s > iv.end && !(s === iv.start && e === iv.end)) limit = Math.min(limit, s - 1);
  let end = iv.end;
  let gained = 0;
  while (gained < need && end < limit) {
    const next = end + 1;
    // A held address stops the growth: a pool must not swallow a static holder.
    if (firstFree4(held, next, next) === undefined) break;
    end = next;
    gained++;
  }
  // Half a fix leaves the pool exhausted: offer one only when the free space covers the need.
  return gained === need ? formatIp4(end) : null;
}
