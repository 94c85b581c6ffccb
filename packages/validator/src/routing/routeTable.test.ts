import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidr, type Cidr } from '../l3/addr.ts';
import type { L3Route } from '../l3/model.ts';
import { RouteTable } from './routeTable.ts';

const ORIGINS: L3Route['origin'][] = ['connected', 'cluster', 'static', 'internal', 'gateway'];
const RANK: Record<L3Route['origin'], number> = { connected: 0, cluster: 1, static: 2, internal: 3, gateway: 4 };

const route = fc
  .tuple(fc.boolean(), fc.integer({ min: 0, max: 128 }), fc.constantFrom(...ORIGINS), fc.nat(1000))
  .map(([v6, len, origin, id]): L3Route => {
    // Only the prefix length and origin decide the order; the addresses need not differ.
    const prefix = cidr(v6 ? `fd00::/${len}` : `10.0.0.0/${Math.min(len, 32)}`) as Cidr;
    return { prefixText: prefix.text, prefix, nextHopText: null, nextHop: null, origin, sourceId: `r${id}`, ownerId: 'h', discard: false };
  });

describe('RouteTable order', () => {
  it('is the stable comparator order: longest prefix, then origin rank, then input order', () => {
    fc.assert(
      fc.property(fc.array(route, { maxLength: 200 }), (routes) => {
        const expected = [...routes].sort((a, b) => b.prefix.prefix - a.prefix.prefix || RANK[a.origin] - RANK[b.origin]);
        expect(new RouteTable(routes).routes).toEqual(expected);
        // Same objects, not copies: lookups hand them to rules and traces.
        new RouteTable(routes).routes.forEach((r, i) => expect(r).toBe(expected[i]));
      }),
      { numRuns: 300 },
    );
  });
});
