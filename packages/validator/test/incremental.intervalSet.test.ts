/** IntervalSet against a brute-force list under random inserts, removes and overlap queries. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntervalSet } from '../src/incremental/intervalSet.ts';

const U32 = 2 ** 32 - 1;
const bound = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: U32 }));
const interval = fc.tuple(bound, bound).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
const op = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), iv: interval }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('query' as const), iv: interval }),
);

describe('IntervalSet', () => {
  it('answers overlap queries like a scan of every entry, through inserts and removes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const set = new IntervalSet<number>(0);
        const list: { s: number; e: number; id: string }[] = [];
        let next = 0;
        for (const o of ops) {
          if (o.op === 'insert') {
            const id = `i${next++}`;
            set.insert(o.iv[0], o.iv[1], id);
            list.push({ s: o.iv[0], e: o.iv[1], id });
          } else if (o.op === 'remove') {
            if (list.length === 0) continue;
            const [gone] = list.splice(o.at % list.length, 1);
            expect(set.remove(gone!.s, gone!.id)).toBe(true);
          } else {
            const want = list.filter((x) => x.s <= o.iv[1] && o.iv[0] <= x.e).map((x) => x.id);
            expect(set.overlapping(o.iv[0], o.iv[1]).sort()).toEqual(want.sort());
          }
          expect(set.size).toBe(list.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles IPv6 bigints and equal starts', () => {
    const set = new IntervalSet<bigint>(0n);
    const top = (1n << 128n) - 1n;
    set.insert(0n, top, 'all');
    set.insert(5n, 9n, 'a');
    set.insert(5n, 6n, 'b');
    expect(set.overlapping(6n, 6n).sort()).toEqual(['a', 'all', 'b']);
    expect(set.remove(5n, 'a')).toBe(true);
    expect(set.remove(5n, 'a')).toBe(false);
    expect(set.overlapping(7n, top).sort()).toEqual(['all']);
  });
});
