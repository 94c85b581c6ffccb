import { describe, expect, it } from 'vitest';
import { spansIntersect, spansMinus, type Span } from './addressSets.ts';

const v4 = (first: number, last: number): Span => ({ family: 4, first, last });
const v6 = (first: bigint, last: bigint): Span => ({ family: 6, first, last });
const MAX6 = (1n << 128n) - 1n;

describe('span set operations', () => {
  it('minus keeps what lies outside, one address before and after the cut', () => {
    expect(spansMinus([v4(10, 20)], [v4(12, 15)])).toEqual([v4(10, 11), v4(16, 20)]);
    expect(spansMinus([v4(10, 20)], [v4(10, 20)])).toEqual([]);
    expect(spansMinus([v4(10, 20)], [v4(0, 10), v4(20, 30)])).toEqual([v4(11, 19)]);
    expect(spansMinus([v4(0, 0xffffffff)], [v4(0, 0xfffffffe)])).toEqual([v4(0xffffffff, 0xffffffff)]);
    expect(spansMinus([v6(0n, MAX6)], [v6(1n, MAX6 - 1n)])).toEqual([v6(0n, 0n), v6(MAX6, MAX6)]);
    // Families never cut each other.
    expect(spansMinus([v4(1, 5), v6(1n, 5n)], [v6(0n, 10n)])).toEqual([v4(1, 5)]);
  });

  it('intersect keeps what both hold, per family, merging overlaps first', () => {
    expect(spansIntersect([v4(10, 20), v4(15, 30)], [v4(25, 40)])).toEqual([v4(25, 30)]);
    expect(spansIntersect([v4(10, 20)], [v4(21, 30)])).toEqual([]);
    expect(spansIntersect([v6(5n, 9n), v4(5, 9)], [v6(9n, 12n)])).toEqual([v6(9n, 9n)]);
  });
});
