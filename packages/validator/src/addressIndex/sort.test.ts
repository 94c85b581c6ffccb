import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderOuterFirst4, stableRadixByKey } from './sort.ts';

/** The plain definition: positions ordered by key, ties in their given order. */
function reference(order: readonly number[], keyOf: readonly number[]): number[] {
  return order
    .map((p, j) => ({ p, j }))
    .sort((a, b) => keyOf[a.p]! - keyOf[b.p]! || a.j - b.j)
    .map((x) => x.p);
}

// Few distinct keys make ties common; the full u32 range exercises every radix pass.
const key = fc.oneof(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 0xffffffff }));

describe('stableRadixByKey', () => {
  it('sorts positions by key and keeps ties in order', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(key, { maxLength: 40 }), fc.array(key, { minLength: 1000, maxLength: 3000 })),
        fc.boolean(),
        (keys, reversed) => {
          const positions = keys.map((_, i) => (reversed ? keys.length - 1 - i : i));
          const sorted = stableRadixByKey(Uint32Array.from(positions), Uint32Array.from(keys));
          expect([...sorted]).toEqual(reference(positions, keys));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('orders outer intervals first on equal starts', () => {
    expect([...orderOuterFirst4([10, 10, 5], [20, 30, 6])]).toEqual([2, 1, 0]);
  });
});
