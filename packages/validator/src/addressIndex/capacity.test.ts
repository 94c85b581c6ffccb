import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countHeld,
  firstFree4,
  firstFree6,
  freeCount4,
  freeCount6,
  heldSet4,
  heldSet6,
  unionCapacity4,
  unionCapacity6,
} from './capacity.ts';

const n4 = (s: string) => s.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);

describe('capacity (IPv4)', () => {
  // SE pool 192.168.48.100-192.168.48.199 with some addresses taken, one of them twice.
  const pool = [n4('192.168.48.100'), n4('192.168.48.199')] as const;
  const held = heldSet4(
    ['192.168.48.100', '192.168.48.101', '192.168.48.103', '192.168.48.103', '192.168.48.1', '192.168.48.199', '10.0.0.1'].map(n4),
  );

  it('de-duplicates and sorts held addresses', () => {
    expect(Array.from(held)).toEqual(
      ['10.0.0.1', '192.168.48.1', '192.168.48.100', '192.168.48.101', '192.168.48.103', '192.168.48.199'].map(n4),
    );
  });

  it('counts held and free addresses of a pool, ignoring what lies outside', () => {
    expect(countHeld(held, ...pool)).toBe(4);
    expect(freeCount4(held, ...pool)).toBe(96);
    expect(freeCount4(held, n4('192.168.48.102'), n4('192.168.48.102'))).toBe(1);
    expect(freeCount4(held, pool[1], pool[0])).toBe(0);
    expect(freeCount4(heldSet4([]), 0, 2 ** 32 - 1)).toBe(2 ** 32);
  });

  it('finds the first free address', () => {
    expect(firstFree4(held, ...pool)).toBe(n4('192.168.48.102'));
    expect(firstFree4(held, n4('192.168.48.103'), n4('192.168.48.103'))).toBeUndefined();
    expect(firstFree4(heldSet4([2 ** 32 - 1]), 2 ** 32 - 1, 2 ** 32 - 1)).toBeUndefined();
  });

  it('sizes a pool declared as overlapping ranges', () => {
    const starts = ['192.168.48.100', '192.168.48.150', '192.168.48.200', '192.168.48.10'].map(n4);
    const ends = ['192.168.48.160', '192.168.48.199', '192.168.48.210', '192.168.48.19'].map(n4);
    expect(unionCapacity4(starts, ends)).toEqual({ covered: 121, free: 121 });
    expect(unionCapacity4(starts, ends, held)).toEqual({ covered: 121, free: 117 });
    expect(unionCapacity4([], [])).toEqual({ covered: 0, free: 0 });
  });
});

describe('capacity (IPv6)', () => {
  const base = 0xfd00_0100_0096n << 80n;
  const held = heldSet6([base + 5n, base + 1n, base + 5n, base + 2n]);

  it('counts with bigint results', () => {
    expect(held).toEqual([base + 1n, base + 2n, base + 5n]);
    expect(countHeld(held, base, base + 4n)).toBe(2);
    expect(freeCount6(held, base, base + (1n << 80n) - 1n)).toBe((1n << 80n) - 3n);
    expect(firstFree6(held, base + 1n, base + 10n)).toBe(base + 3n);
    expect(firstFree6(held, base + 5n, base + 5n)).toBeUndefined();
    expect(unionCapacity6([base, base + 3n], [base + 4n, base + 9n], held)).toEqual({ covered: 10n, free: 7n });
  });
});

describe('properties', () => {
  const small = fc.integer({ min: 0, max: 200 });
  it('agree with a Set over a small space', () => {
    fc.assert(
      fc.property(fc.array(small, { maxLength: 60 }), fc.array(fc.tuple(small, small), { maxLength: 6 }), (addrs, rs) => {
        const held = heldSet4(addrs);
        const held6 = heldSet6(addrs.map(BigInt));
        const set = new Set(addrs);
        for (const [s, e] of rs) {
          let inRange = 0;
          let first: number | undefined;
          for (let x = s; x <= e; x++) {
            if (set.has(x)) inRange++;
            else first ??= x;
          }
          expect(countHeld(held, s, e)).toBe(inRange);
          expect(countHeld(held6, BigInt(s), BigInt(e))).toBe(inRange);
          expect(freeCount4(held, s, e)).toBe(Math.max(0, e - s + 1) - inRange);
          expect(freeCount6(held6, BigInt(s), BigInt(e))).toBe(BigInt(Math.max(0, e - s + 1) - inRange));
          expect(firstFree4(held, s, e)).toBe(first);
          expect(firstFree6(held6, BigInt(s), BigInt(e))).toBe(first === undefined ? undefined : BigInt(first));
        }
        const covered = new Set<number>();
        for (const [s, e] of rs) for (let x = s; x <= e; x++) covered.add(x);
        const free = [...covered].filter((x) => !set.has(x)).length;
        expect(
          unionCapacity4(
            rs.map((r) => r[0]),
            rs.map((r) => r[1]),
            held,
          ),
        ).toEqual({ covered: covered.size, free });
        expect(
          unionCapacity6(
            rs.map((r) => BigInt(r[0])),
            rs.map((r) => BigInt(r[1])),
            held6,
          ),
        ).toEqual({ covered: BigInt(covered.size), free: BigInt(free) });
      }),
      { numRuns: 500 },
    );
  });
});
