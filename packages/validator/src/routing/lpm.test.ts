import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval4Like, Interval6Like, IntervalLike } from '../addressIndex/types.ts';
import { LpmTable, LpmTableOf, type RouteLike } from './lpm.ts';

// Test-local parsing by `split`, independent of ip-address and of the model package.
const n4 = (s: string) => s.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
function v4(s: string): Interval4Like {
  const [a, len] = s.split('/') as [string, string];
  return { family: 4, start: n4(a), end: n4(a) + 2 ** (32 - Number(len)) - 1 };
}
function n6(s: string): bigint {
  const [head, tail] = s.includes('::') ? (s.split('::') as [string, string]) : [s, undefined];
  const hs = head ? head.split(':') : [];
  const ts = tail ? tail.split(':') : [];
  const groups = tail === undefined ? hs : [...hs, ...Array<string>(8 - hs.length - ts.length).fill('0'), ...ts];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}
function v6(s: string): Interval6Like {
  const [a, len] = s.split('/') as [string, string];
  const start = n6(a);
  return { family: 6, start, end: start + (1n << BigInt(128 - Number(len))) - 1n };
}
const a4 = (s: string) => ({ family: 4, value: n4(s) }) as const;
const a6 = (s: string) => ({ family: 6, value: n6(s) }) as const;

describe('LpmTable', () => {
  const routes: RouteLike[] = [
    { prefix: v4('0.0.0.0/0'), tag: 100 }, // default route to the Tier-0
    { prefix: v4('10.0.0.0/8'), tag: 101 },
    { prefix: v4('10.244.0.0/16'), tag: 102 }, // pod CIDR
    { prefix: v4('10.244.1.0/24'), tag: 103 }, // one node's pod slice
    { prefix: v4('192.168.32.0/20'), tag: 104 },
    { prefix: v4('192.168.32.0/20'), tag: 105 }, // same prefix again: the first one wins
    { prefix: v4('192.168.48.0/22'), tag: 106 },
    { prefix: v4('172.16.136.0/21'), tag: 107 },
    { prefix: v4('255.255.255.255/32'), tag: 108 },
    { prefix: v6('::/0'), tag: 200 },
    { prefix: v6('fd00:100:96::/48'), tag: 201 },
    { prefix: v6('fd00:100:96:1::/64'), tag: 202 },
    { prefix: v6('2001:db8::/32'), tag: 203 },
  ];
  const table = LpmTable.build(routes);

  it.each([
    ['10.244.1.7', 103],
    ['10.244.1.0', 103],
    ['10.244.1.255', 103],
    ['10.244.2.1', 102],
    ['10.244.0.255', 102],
    ['10.1.1.1', 101],
    ['11.0.0.0', 100],
    ['8.8.8.8', 100],
    ['0.0.0.0', 100],
    ['192.168.47.255', 104],
    ['192.168.48.1', 106],
    ['192.168.52.0', 100],
    ['172.16.143.255', 107],
    ['255.255.255.254', 100],
    ['255.255.255.255', 108],
  ])('IPv4 %s → %i', (addr, tag) => {
    expect(table.lookup(a4(addr))).toBe(tag);
  });

  it.each([
    ['fd00:100:96:1::5', 202],
    ['fd00:100:96:2::5', 201],
    ['fd00:100:97::1', 200],
    ['2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', 203],
    ['::', 200],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 200],
  ])('IPv6 %s → %i', (addr, tag) => {
    expect(table.lookup(a6(addr))).toBe(tag);
  });

  it('lists every matching route, most specific first', () => {
    expect(table.lookupAll(a4('10.244.1.7'))).toEqual([103, 102, 101, 100]);
    expect(table.lookupAll(a4('192.168.40.1'))).toEqual([104, 105, 100]);
    expect(table.lookupAll(a6('fd00:100:96:1::5'))).toEqual([202, 201, 200]);
  });

  it('returns undefined without a default route', () => {
    const t = LpmTable.build([
      { prefix: v4('10.244.0.0/16'), tag: 1 },
      { prefix: v6('fd00:100:96::/48'), tag: 2 },
    ]);
    expect(t.lookup(a4('8.8.8.8'))).toBeUndefined();
    expect(t.lookup(a4('10.245.0.0'))).toBeUndefined();
    expect(t.lookup(a4('10.244.255.255'))).toBe(1);
    expect(t.lookup(a6('fd00:100:97::'))).toBeUndefined();
    expect(t.lookupAll(a4('8.8.8.8'))).toEqual([]);
    const empty = LpmTable.build([]);
    expect(empty.lookup(a4('1.2.3.4'))).toBeUndefined();
    expect(empty.lookup(a6('::1'))).toBeUndefined();
  });

  it('builds from columns with positions as tags, and cuts the space into few pieces', () => {
    const t = LpmTableOf.build4([0, n4('10.0.0.0')], [2 ** 32 - 1, n4('10.255.255.255')]);
    expect(t.lookup(n4('10.1.2.3'))).toBe(1);
    expect(t.lookup(n4('9.255.255.255'))).toBe(0);
    expect(t.segments).toBe(3);
    const t6 = LpmTableOf.build6([0n], [(1n << 128n) - 1n], [7]);
    expect(t6.lookup((1n << 128n) - 1n)).toBe(7);
    expect(t6.segments).toBe(1);
  });
});

// ---- properties against the brute-force oracle --------------------------------------------

const U32_MAX = 2 ** 32 - 1;
const V6_MAX = (1n << 128n) - 1n;
const prefix4 = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: 0, max: 4000 }).map((x) => 0x0a000000 + x),
      fc.integer({ min: 0, max: U32_MAX }),
      fc.constantFrom(0, U32_MAX),
    ),
    fc.oneof(fc.integer({ min: 20, max: 32 }), fc.integer({ min: 0, max: 32 })),
  )
  .map(([a, len]): Interval4Like => {
    const blockSize = 2 ** (32 - len);
    const start = a - (a % blockSize);
    return { family: 4, start, end: start + blockSize - 1 };
  });
const prefix6 = fc
  .tuple(
    fc.oneof(
      fc.bigInt({ min: 0n, max: 4000n }).map((x) => (0xfd00n << 112n) + x),
      fc.bigInt({ min: 0n, max: V6_MAX }),
      fc.constantFrom(0n, V6_MAX),
    ),
    fc.oneof(fc.integer({ min: 116, max: 128 }), fc.integer({ min: 0, max: 128 })),
  )
  .map(([a, len]): Interval6Like => {
    const host = (1n << BigInt(128 - len)) - 1n;
    return { family: 6, start: a & (V6_MAX ^ host), end: a | host };
  });

/** Every matching route, most specific (smallest) first, then input order. */
function oracleAll(prefixes: readonly IntervalLike[], family: 4 | 6, x: bigint): number[] {
  const hits: { i: number; size: bigint }[] = [];
  prefixes.forEach((p, i) => {
    if (p.family !== family) return;
    const [s, e] = [BigInt(p.start), BigInt(p.end)];
    if (s <= x && x <= e) hits.push({ i, size: e - s });
  });
  hits.sort((a, b) => (a.size < b.size ? -1 : a.size > b.size ? 1 : a.i - b.i));
  return hits.map((h) => h.i);
}

function probes(prefixes: readonly IntervalLike[], family: 4 | 6): bigint[] {
  const max = family === 4 ? BigInt(U32_MAX) : V6_MAX;
  const out = new Set<bigint>([0n, max]);
  for (const p of prefixes) {
    if (p.family !== family) continue;
    for (const x of [BigInt(p.start) - 1n, BigInt(p.start), BigInt(p.end), BigInt(p.end) + 1n]) if (x >= 0n && x <= max) out.add(x);
  }
  return [...out];
}

describe('properties', () => {
  it('lookup and lookupAll match the brute force in both families', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(prefix4, prefix6), { maxLength: 60 }), (prefixes) => {
        const table = LpmTable.build(prefixes.map((prefix, tag) => ({ prefix, tag })));
        for (const x of probes(prefixes, 4)) {
          const all = oracleAll(prefixes, 4, x);
          expect(table.lookup({ family: 4, value: Number(x) })).toBe(all[0]);
          expect(table.lookupAll({ family: 4, value: Number(x) })).toEqual(all);
        }
        for (const x of probes(prefixes, 6)) {
          const all = oracleAll(prefixes, 6, x);
          expect(table.lookup({ family: 6, value: x })).toBe(all[0]);
          expect(table.lookupAll({ family: 6, value: x })).toEqual(all);
        }
      }),
      { numRuns: 500 },
    );
  });
});
