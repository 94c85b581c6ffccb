/**
 * Structural shapes the index accepts. They match `@viplane/model`'s `Interval` and `ParsedIp`
 * field for field, so parsed CIDRs and ranges go in as they are, without this package depending
 * on how the model names its types.
 */
export interface Interval4Like {
  readonly family: 4;
  readonly start: number;
  readonly end: number;
}
export interface Interval6Like {
  readonly family: 6;
  readonly start: bigint;
  readonly end: bigint;
}
export type IntervalLike = Interval4Like | Interval6Like;

export interface Ip4Like {
  readonly family: 4;
  readonly value: number;
}
export interface Ip6Like {
  readonly family: 6;
  readonly value: bigint;
}
export type IpLike = Ip4Like | Ip6Like;

/** Already-parsed intervals of one family as parallel arrays: what the passes run on. */
export interface Columns4 {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly tags: Float64Array;
}
export interface Columns6 {
  readonly starts: bigint[];
  readonly ends: bigint[];
  readonly tags: Float64Array;
}

/**
 * Split parsed intervals by family into columns. A tag is the caller's handle for an interval;
 * by default its position in `intervals`.
 */
export function toColumns(intervals: readonly IntervalLike[], tags?: ArrayLike<number>): { readonly v4: Columns4; readonly v6: Columns6 } {
  if (tags && tags.length !== intervals.length) throw new RangeError('tags and intervals differ in length');
  let n4 = 0;
  for (const iv of intervals) if (iv.family === 4) n4++;
  const v4 = { starts: new Float64Array(n4), ends: new Float64Array(n4), tags: new Float64Array(n4) };
  const v6 = { starts: [] as bigint[], ends: [] as bigint[], tags: new Float64Array(intervals.length - n4) };
  let i4 = 0;
  let i6 = 0;
  for (let i = 0; i < intervals.length; i++) {
    const iv = intervals[i]!;
    const tag = tags ? tags[i]! : i;
    if (iv.family === 4) {
      v4.starts[i4] = iv.start;
      v4.ends[i4] = iv.end;
      v4.tags[i4++] = tag;
    } else {
      v6.starts.push(iv.start);
      v6.ends.push(iv.end);
      v6.tags[i6++] = tag;
    }
  }
  return { v4, v6 };
}

/** Tags for `n` intervals: the caller's, checked, or positions. */
export function tagsOrPositions(n: number, tags: ArrayLike<number> | undefined): ArrayLike<number> {
  if (tags === undefined) {
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) t[i] = i;
    return t;
  }
  if (tags.length !== n) throw new RangeError(`expected ${n} tags, got ${tags.length}`);
  return tags;
}
