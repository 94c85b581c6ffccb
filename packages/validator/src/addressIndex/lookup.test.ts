import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressIndex, ContainmentIndex, type IndexedOverlap } from './lookup.ts';
import type { Interval4Like, Interval6Like, IntervalLike } from './types.ts';

// Test-local parsing by `split`, independent of ip-address and of the model package.
function n4(s: string): number {
  return s.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}
function v4(s: string): Interval4Like {
  if (s.includes('-')) {
    const [a, b] = s.split('-') as [string, string];
    return { family: 4, start: n4(a), end: n4(b) };
  }
  const [a, len] = s.split('/') as [string, string];
  return { family: 4, start: n4(a), end: n4(a) + 2 ** (32 - Number(len)) - 1 };
}
const ip4 = (s: string) => ({ family: 4, value: n4(s) }) as const;

const show = (ms: readonly IndexedOverlap[]) => ms.map((m) => `${m.tag} ${m.relation}`).sort();

// A VRF as the validator sees it: networks, pools inside them, a supernet around them.
const estate = [
  v4('192.168.0.0/16'), // 0 supernet (summary route of the site)
  v4('192.168.32.0/20'), // 1 workload network
  v4('192.168.48.0/22'), // 2 frontend network
  v4('192.168.48.31-192.168.48.40'), // 3 VIP pool
  v4('192.168.48.100-192.168.48.199'), // 4 SE pool
  v4('192.168.32.10-192.168.32.200'), // 5 DHCP range of the workload network
  v4('172.16.136.0/21'), // 6 management
  v4('192.168.48.35/32'), // 7 a single reserved address in the VIP pool
];

describe('AddressIndex', () => {
  const index = AddressIndex.build(estate);

  it('finds every holder of an address, outermost first', () => {
    expect(index.containing(ip4('192.168.48.35'))).toEqual([0, 2, 3, 7]);
    expect(index.containing(ip4('192.168.48.50'))).toEqual([0, 2]);
    expect(index.containing(ip4('192.168.32.1'))).toEqual([0, 1]);
    expect(index.containing(ip4('172.16.143.255'))).toEqual([6]);
    expect(index.containing(ip4('172.16.144.0'))).toEqual([]);
    expect(index.containing(ip4('10.0.0.1'))).toEqual([]);
  });

  it('names the innermost holder: the pool, else the network', () => {
    expect(index.innermost(ip4('192.168.48.35'))).toBe(7);
    expect(index.innermost(ip4('192.168.48.36'))).toBe(3);
    expect(index.innermost(ip4('192.168.48.120'))).toBe(4);
    expect(index.innermost(ip4('192.168.51.255'))).toBe(2);
    expect(index.innermost(ip4('192.168.52.0'))).toBe(0);
    expect(index.innermost(ip4('8.8.8.8'))).toBeUndefined();
  });

  it('checks one edited interval against the rest (the incremental path)', () => {
    // A new network 192.168.40.0/21: inside the supernet and the workload /20.
    expect(show(index.overlapping(v4('192.168.40.0/21')))).toEqual(['0 contains', '1 contains']);
    // Widening the frontend to /20 swallows its pools and the reserved address.
    expect(show(index.overlapping(v4('192.168.48.0/20')))).toEqual(['0 contains', '2 within', '3 within', '4 within', '7 within']);
    // A pool typed across the VIP pool's end.
    expect(show(index.overlapping(v4('192.168.48.38-192.168.48.60')))).toEqual(['0 contains', '2 contains', '3 partial']);
    expect(show(index.overlapping(v4('192.168.48.0/22')))).toEqual(['0 contains', '2 equal', '3 within', '4 within', '7 within']);
    expect(index.overlapping(v4('10.0.0.0/8'))).toEqual([]);
  });

  it('keeps IPv6 separate and handles the whole space', () => {
    const p = 0xfd00_0100_0096n << 80n;
    const ivs: IntervalLike[] = [
      { family: 6, start: p, end: p + (1n << 80n) - 1n }, // fd00:100:96::/48
      { family: 6, start: 0n, end: (1n << 128n) - 1n }, // ::/0
      v4('0.0.0.0/0'),
      { family: 6, start: p + (1n << 64n), end: p + (2n << 64n) - 1n }, // fd00:100:96:1::/64
    ];
    const ix = AddressIndex.build(ivs, [10, 11, 12, 13]);
    expect(ix.containing({ family: 6, value: p + (1n << 64n) + 5n })).toEqual([11, 10, 13]);
    expect(ix.innermost({ family: 6, value: p + 5n })).toBe(10);
    expect(ix.containing({ family: 4, value: 0 })).toEqual([12]);
    expect(ix.containing({ family: 4, value: 2 ** 32 - 1 })).toEqual([12]);
    expect(show(ix.overlapping({ family: 6, start: p, end: p }))).toEqual(['10 contains', '11 contains']);
  });

  it('treats duplicates as nested, the later one innermost', () => {
    const ix = ContainmentIndex.build4([n4('10.244.0.0'), n4('10.244.0.0')], [n4('10.244.255.255'), n4('10.244.255.255')], [5, 6]);
    expect(ix.containing(n4('10.244.3.3'))).toEqual([5, 6]);
    expect(ix.innermost(n4('10.244.3.3'))).toBe(6);
    expect(show(ix.overlapping(n4('10.244.0.0'), n4('10.244.255.255')))).toEqual(['5 equal', '6 equal']);
  });

  it('works empty', () => {
    const ix = AddressIndex.build([]);
    expect(ix.containing(ip4('1.2.3.4'))).toEqual([]);
    expect(ix.innermost({ family: 6, value: 1n })).toBeUndefined();
    expect(ix.overlapping(v4('0.0.0.0/0'))).toEqual([]);
  });

  it('answers a crowded network without scanning its siblings', () => {
    // 60k /28 pools in 10.0.0.0/8 and an address in a gap: the answer needs two list searches.
    const starts = [n4('10.0.0.0')];
    const ends = [n4('10.255.255.255')];
    for (let i = 0; i < 60_000; i++) {
      starts.push(n4('10.0.0.0') + i * 32);
      ends.push(n4('10.0.0.0') + i * 32 + 15);
    }
    const ix = ContainmentIndex.build4(starts, ends);
    const t0 = Date.now();
    let found = 0;
    for (let i = 0; i < 60_000; i++) found += ix.containing(n4('10.0.0.0') + i * 32 + 20).length;
    // A neighbour scan would touch ~30k siblings per lookup: 1.8e9 steps, seconds. Searches: ms.
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(found).toBe(60_000);
  });
});

// ---- properties against the brute-force oracle --------------------------------------------

const U32_MAX = 2 ** 32 - 1;
const coord4 = fc.oneof(
  fc.integer({ min: 0, max: 700 }).map((x) => 0x0a000000 + x),
  fc.integer({ min: 0, max: U32_MAX }),
  fc.constantFrom(0, U32_MAX),
);
const cidr4 = fc
  .tuple(coord4, fc.oneof(fc.integer({ min: 22, max: 32 }), fc.integer({ min: 0, max: 32 })))
  .map(([a, len]): Interval4Like => {
    const blockSize = 2 ** (32 - len);
    const start = a - (a % blockSize);
    return { family: 4, start, end: start + blockSize - 1 };
  });
const range4 = fc.tuple(coord4, coord4).map(([x, y]): Interval4Like => ({ family: 4, start: Math.min(x, y), end: Math.max(x, y) }));
const interval4 = fc.oneof(cidr4, cidr4, range4);

const V6_MAX = (1n << 128n) - 1n;
const coord6 = fc.oneof(
  fc.bigInt({ min: 0n, max: 3000n }).map((x) => (0xfd00n << 112n) + x),
  fc.bigInt({ min: 0n, max: V6_MAX }),
  fc.constantFrom(0n, V6_MAX),
);
const interval6 = fc.oneof(
  fc.tuple(coord6, fc.integer({ min: 0, max: 128 })).map(([a, len]): Interval6Like => {
    const host = (1n << BigInt(128 - len)) - 1n;
    return { family: 6, start: a & (V6_MAX ^ host), end: a | host };
  }),
  fc.tuple(coord6, coord6).map(([x, y]): Interval6Like => (x <= y ? { family: 6, start: x, end: y } : { family: 6, start: y, end: x })),
);

type Plain = { start: number | bigint; end: number | bigint };

/** Probe points: every boundary and its neighbours, where off-by-one errors live. */
function probes(ivs: readonly Plain[], max: bigint): bigint[] {
  const out = new Set<bigint>([0n, max]);
  for (const iv of ivs) {
    for (const x of [BigInt(iv.start) - 1n, BigInt(iv.start), BigInt(iv.end), BigInt(iv.end) + 1n]) if (x >= 0n && x <= max) out.add(x);
  }
  return [...out];
}

function oracleContaining(ivs: readonly Plain[], x: bigint): number[] {
  return ivs.flatMap((iv, i) => (BigInt(iv.start) <= x && x <= BigInt(iv.end) ? [i] : [])).sort((a, b) => a - b);
}

/** Latest start, then earliest end, then latest input position. */
function oracleInnermost(ivs: readonly Plain[], x: bigint): number | undefined {
  let best: number | undefined;
  for (const i of oracleContaining(ivs, x)) {
    if (best === undefined) {
      best = i;
      continue;
    }
    const [bs, be, s, e] = [ivs[best]!.start, ivs[best]!.end, ivs[i]!.start, ivs[i]!.end].map(BigInt) as [bigint, bigint, bigint, bigint];
    if (s > bs || (s === bs && e <= be)) best = i;
  }
  return best;
}

function oracleOverlapping(ivs: readonly Plain[], q: Plain): string[] {
  const [qs, qe] = [BigInt(q.start), BigInt(q.end)];
  const out: string[] = [];
  ivs.forEach((iv, i) => {
    const [s, e] = [BigInt(iv.start), BigInt(iv.end)];
    if (e < qs || qe < s) return;
    const rel = s === qs && e === qe ? 'equal' : s <= qs && qe <= e ? 'contains' : qs <= s && e <= qe ? 'within' : 'partial';
    out.push(`${i} ${rel}`);
  });
  return out.sort();
}

const isLaminar = (ivs: readonly Plain[]) =>
  ivs.every((a) =>
    ivs.every((b) => {
      const [as, ae, bs, be] = [a.start, a.end, b.start, b.end].map(BigInt) as [bigint, bigint, bigint, bigint];
      return ae < bs || be < as || (as <= bs && be <= ae) || (bs <= as && ae <= be);
    }),
  );

describe('properties', () => {
  it('IPv4: containing, innermost and overlapping match the brute force', () => {
    fc.assert(
      fc.property(fc.array(interval4, { maxLength: 60 }), interval4, (ivs, query) => {
        const ix = ContainmentIndex.build4(
          ivs.map((iv) => iv.start),
          ivs.map((iv) => iv.end),
        );
        for (const x of probes([...ivs, query], BigInt(U32_MAX))) {
          const got = ix.containing(Number(x));
          expect([...got].sort((a, b) => a - b)).toEqual(oracleContaining(ivs, x));
          expect(ix.innermost(Number(x))).toBe(oracleInnermost(ivs, x));
        }
        expect(show(ix.overlapping(query.start, query.end))).toEqual(oracleOverlapping(ivs, query));
      }),
      { numRuns: 400 },
    );
  });

  it('IPv6: containing, innermost and overlapping match the brute force', () => {
    fc.assert(
      fc.property(fc.array(interval6, { maxLength: 40 }), interval6, (ivs, query) => {
        const ix = AddressIndex.build(ivs);
        for (const x of probes([...ivs, query], V6_MAX)) {
          const got = ix.containing({ family: 6, value: x });
          expect([...got].sort((a, b) => a - b)).toEqual(oracleContaining(ivs, x));
          expect(ix.innermost({ family: 6, value: x })).toBe(oracleInnermost(ivs, x));
        }
        expect(show(ix.overlapping(query))).toEqual(oracleOverlapping(ivs, query));
      }),
      { numRuns: 200 },
    );
  });

  it('for nested-or-disjoint sets (CIDRs), holders come outermost first', () => {
    fc.assert(
      fc.property(fc.array(cidr4, { maxLength: 50 }), (ivs) => {
        fc.pre(isLaminar(ivs));
        const ix = AddressIndex.build(ivs);
        for (const x of probes(ivs, BigInt(U32_MAX))) {
          const got = ix.containing({ family: 4, value: Number(x) });
          for (let k = 1; k < got.length; k++) {
            const outer = ivs[got[k - 1]!]!;
            const inner = ivs[got[k]!]!;
            expect(outer.start <= inner.start && inner.end <= outer.end).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
