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
    this.sorted = [...routes].sort((a, b) => b.prefix.prefix - a.prefix.prefix || ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin]);
  }

  lookup(address: Ip): L3Route | undefined {
    for (const route of this.sorted) if (inCidr(route.prefix, address)) return route;
    return undefined;
  }

  get routes(): readonly L3Route[] {
    return this.sorted;
  }
}
