import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOverlaps, findOverlaps4, findOverlaps6, type OverlapPair } from './sweep.ts';
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
  const blockSize = 2 ** (32 - Number(len));
  return { family: 4, start: n4(a), end: n4(a) + blockSize - 1 };
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

const show = (pairs: readonly OverlapPair[]) => pairs.map((p) => `${p.a} ${p.b} ${p.relation}`).sort();

/** Brute force over every pair in bigint arithmetic, with the orientation the API promises. */
function oracle(ivs: readonly { start: number | bigint; end: number | bigint }[], tags?: readonly number[]): string[] {
  const t = (i: number) => (tags ? tags[i]! : i);
  const out: string[] = [];
  for (let i = 0; i < ivs.length; i++) {
    for (let j = i + 1; j < ivs.length; j++) {
      const as = BigInt(ivs[i]!.start);
      const ae = BigInt(ivs[i]!.end);
      const bs = BigInt(ivs[j]!.start);
      const be = BigInt(ivs[j]!.end);
      if (ae < bs || be < as) continue;
      if (as === bs && ae === be) out.push(`${t(i)} ${t(j)} equal`);
      else if (as <= bs && be <= ae) out.push(`${t(i)} ${t(j)} contains`);
      else if (bs <= as && ae <= be) out.push(`${t(j)} ${t(i)} contains`);
      else out.push(as < bs ? `${t(i)} ${t(j)} partial` : `${t(j)} ${t(i)} partial`);
    }
  }
  return out.sort();
}

describe('findOverlaps', () => {
  it('names every conflict of a VRF estate with its relation', () => {
    const estate = [
      v4('192.168.32.0/20'), // 0 workload network
      v4('192.168.48.0/22'), // 1 frontend network, adjacent: no overlap
      v4('192.168.40.0/24'), // 2 carved out of the workload /20
      v4('172.16.136.0/21'), // 3 management
      v4('192.168.48.31-192.168.48.40'), // 4 VIP pool inside the frontend
      v4('10.244.0.0/16'), // 5 pod CIDR
      v4('10.244.0.0/16'), // 6 the same pod CIDR on a second cluster
      v4('192.168.47.250-192.168.48.5'), // 7 a range straddling two networks
      v4('10.96.0.0/12'), // 8 service CIDR, clear of the pods
    ];
    expect(show(findOverlaps(estate))).toEqual(['0 2 contains', '0 7 partial', '1 4 contains', '5 6 equal', '7 1 partial']);
    expect(show(findOverlaps(estate))).toEqual(oracle(estate));
  });

  it('keeps families apart and reports IPv6 nesting', () => {
    const mixed: IntervalLike[] = [
      v6('fd00:100:96::/48'),
      v4('0.0.0.0/0'),
      v6('fd00:100:96:1::/64'),
      v4('10.244.0.0/16'),
      v6('fd00:100:97::/48'),
      v6('::/0'),
    ];
    expect(show(findOverlaps(mixed))).toEqual(['1 3 contains', '5 0 contains', '5 2 contains', '5 4 contains', '0 2 contains'].sort());
  });

  it('passes caller tags through', () => {
    const a = v4('192.168.32.0/20');
    const b = v4('192.168.33.0/24');
    expect(findOverlaps4([a.start, b.start], [a.end, b.end], [70, 42])).toEqual([{ a: 70, b: 42, relation: 'contains' }]);
    expect(findOverlaps([b, a], [9, 8])).toEqual([{ a: 8, b: 9, relation: 'contains' }]);
  });

  it('handles the edges of the address space and empty input', () => {
    expect(findOverlaps([])).toEqual([]);
    expect(findOverlaps4([], [])).toEqual([]);
    expect(findOverlaps6([], [])).toEqual([]);
    const edges = [v4('255.255.255.255/32'), v4('0.0.0.0/32'), v4('0.0.0.0/0'), v4('255.255.255.0/24')];
    expect(show(findOverlaps(edges))).toEqual(oracle(edges));
    const top = (1n << 128n) - 1n;
    const e6 = [
      { family: 6, start: top, end: top },
      { family: 6, start: 0n, end: top },
    ] as const;
    expect(show(findOverlaps(e6))).toEqual(['1 0 contains']);
  });

  it('rejects columns of different lengths', () => {
    expect(() => findOverlaps4([1, 2], [3])).toThrow(RangeError);
    expect(() => findOverlaps4([1], [3], [1, 2])).toThrow(RangeError);
  });

  it('stays near-linear: 50k random prefixes in well under the O(n²) time', () => {
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const starts = new Float64Array(50_000);
    const ends = new Float64Array(50_000);
    for (let i = 0; i < starts.length; i++) {
      const blockSize = 2 ** (32 - (16 + Math.floor(rnd() * 15)));
      const a = Math.floor(rnd() * 2 ** 32);
      starts[i] = a - (a % blockSize);
      ends[i] = starts[i]! + blockSize - 1;
    }
    const t0 = Date.now();
    findOverlaps4(starts, ends);
    // The naive loop takes ≈4 s at 50k on this machine class; the sweep ≈15 ms.
    expect(Date.now() - t0).toBeLessThan(1500);
  });
});

// ---- properties against the brute-force oracle --------------------------------------------

const U32_MAX = 2 ** 32 - 1;
// A crowded neighbourhood (so overlaps are frequent), anywhere, and the ends of the space.
const coord4 = fc.oneof(
  fc.integer({ min: 0, max: 700 }).map((x) => 0x0a000000 + x),
  fc.integer({ min: 0, max: U32_MAX }),
  fc.constantFrom(0, 1, U32_MAX - 1, U32_MAX),
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
  fc.bigInt({ min: 0n, max: 5000n }).map((x) => (0xfd00_0100_0096n << 80n) + x),
  fc.bigInt({ min: 0n, max: V6_MAX }),
  fc.constantFrom(0n, V6_MAX),
);
const interval6 = fc.oneof(
  fc.tuple(coord6, fc.oneof(fc.integer({ min: 115, max: 128 }), fc.integer({ min: 0, max: 128 }))).map(([a, len]): Interval6Like => {
    const host = (1n << BigInt(128 - len)) - 1n;
    return { family: 6, start: a & (V6_MAX ^ host), end: a | host };
  }),
  fc.tuple(coord6, coord6).map(([x, y]): Interval6Like => (x <= y ? { family: 6, start: x, end: y } : { family: 6, start: y, end: x })),
);

describe('properties', () => {
  it('IPv4: same pairs and relations as the brute force', () => {
    fc.assert(
      fc.property(fc.array(interval4, { maxLength: 80 }), (ivs) => {
        expect(show(findOverlaps(ivs))).toEqual(oracle(ivs));
      }),
      { numRuns: 500 },
    );
  });

  it('IPv6: same pairs and relations as the brute force', () => {
    fc.assert(
      fc.property(fc.array(interval6, { maxLength: 60 }), (ivs) => {
        expect(show(findOverlaps(ivs))).toEqual(oracle(ivs));
      }),
      { numRuns: 300 },
    );
  });

  it('mixed families with caller tags: pairs stay within a family and carry the tags', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(interval4, interval6), { maxLength: 60 }), (ivs) => {
        const tags = ivs.map((_, i) => 1000 + 3 * i);
        const expected = [
          ...oracle(
            ivs.filter((iv) => iv.family === 4),
            tags.filter((_, i) => ivs[i]!.family === 4),
          ),
          ...oracle(
            ivs.filter((iv) => iv.family === 6),
            tags.filter((_, i) => ivs[i]!.family === 6),
          ),
        ].sort();
        expect(show(findOverlaps(ivs, tags))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('output order depends only on the input', () => {
    fc.assert(
      fc.property(fc.array(interval4, { maxLength: 40 }), (ivs) => {
        expect(findOverlaps(ivs)).toEqual(findOverlaps(ivs.slice()));
      }),
      { numRuns: 100 },
    );
  });
});
