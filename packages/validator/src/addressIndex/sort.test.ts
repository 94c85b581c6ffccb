import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortU32 } from './sort.ts';

describe('sortU32', () => {
  it('sorts any u32 values in a slice like Float64Array.sort, leaving the rest alone', () => {
    const u32 = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0x0a000000, max: 0x0a0000ff }), fc.constantFrom(0, 0xffffffff));
    fc.assert(
      fc.property(fc.array(u32, { maxLength: 300 }), fc.nat(), fc.nat(), (values, x, y) => {
        const from = values.length === 0 ? 0 : x % (values.length + 1);
        const to = from + (values.length === from ? 0 : y % (values.length - from + 1));
        const a = Float64Array.from(values);
        sortU32(a, from, to);
        const expected = Float64Array.from(values);
        expected.subarray(from, to).sort();
        expect(Array.from(a)).toEqual(Array.from(expected));
      }),
      { numRuns: 500 },
    );
  });
});
