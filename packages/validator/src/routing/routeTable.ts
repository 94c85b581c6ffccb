/**
 * One VRF's routes, ready for longest-prefix match. Routes are few per VRF in real designs
 * (tens), so the table keeps them sorted by prefix length and scans; the address-index LPM
 * serves the large tables of the benchmark.
 */
import type { L3Route } from '../l3/model.ts';
import { inCidr, type Ip } from '../l3/addr.ts';

/** Among equal prefixes, connected beats static beats the rest, as on real routers. */
const ORIGIN_RANK: Record<L3Route['origin'], number> = { connected: 0, cluster: 1, static: 2, internal: 3, gateway: 4 };

export class RouteTable {
  private readonly sorted: L3Route[];

  constructor(routes: readonly L3Route[]) {
    this.sorted = byLengthThenOrigin(routes);
  }

  lookup(address: Ip): L3Route | undefined {
    for (const route of this.sorted) if (inCidr(route.prefix, address)) return route;
    return undefined;
  }

  get routes(): readonly L3Route[] {
    return this.sorted;
  }
}

const RANKS = 5;
const MAX_PREFIX = 128;

/**
 * Longest prefix first, then by origin rank, ties in input order: the stable comparator sort,
 * and for larger tables the same order as a counting sort over the (prefix length, rank) key
 * (the comparator sort of the routers' tables was a visible share of a large estate's validation).
 */
function byLengthThenOrigin(routes: readonly L3Route[]): L3Route[] {
  const n = routes.length;
  // Few routes (most VRFs): the comparator sort is cheaper than clearing the key histogram.
  if (n < 64) return [...routes].sort((a, b) => b.prefix.prefix - a.prefix.prefix || ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin]);
  const keys = new Uint16Array(n);
  const counts = new Uint32Array((MAX_PREFIX + 1) * RANKS + 1);
  for (let i = 0; i < n; i++) {
    const r = routes[i]!;
    const key = (MAX_PREFIX - r.prefix.prefix) * RANKS + ORIGIN_RANK[r.origin];
    keys[i] = key;
    counts[key + 1]!++;
  }
  for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!;
  const out = new Array<L3Route>(n);
  for (let i = 0; i < n; i++) out[counts[keys[i]!]!++] = routes[i]!;
  return out;
}
