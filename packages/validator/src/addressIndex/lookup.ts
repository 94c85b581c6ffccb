/**
 * Containment index: which intervals hold an address, and which intervals a new interval
 * overlaps (the incremental check of one edited CIDR or range, performance.md §2.9).
 *
 * Layout: a nested containment list. Intervals sorted by (start asc, end desc) are arranged in a
 * tree where each interval's children are the intervals it contains; siblings never contain one
 * another, so along a sibling list both starts and ends increase. A query binary-searches each
 * list it enters and scans only neighbours that really match, so it costs O((k + 1) log n) for k
 * matches, even for partial overlaps, and never degrades into a scan of a crowded network's
 * siblings (pools inside networks, networks inside a supernet).
 */
import { orderOuterFirst4, orderOuterFirst6 } from './sort.ts';
import { tagsOrPositions, toColumns, type IntervalLike, type IpLike } from './types.ts';

/**
 * How an indexed interval relates to the query interval: `contains` (it holds all of the
 * query), `within` (it lies inside the query), `equal`, or `partial`.
 */
export type IndexedRelation = 'equal' | 'contains' | 'within' | 'partial';

export interface IndexedOverlap {
  readonly tag: number;
  readonly relation: IndexedRelation;
}

/** Tree arrays in sorted-position space; `off` has n + 2 entries, list n is the root list. */
interface Tree {
  readonly tags: Float64Array;
  readonly kids: Uint32Array;
  readonly off: Uint32Array;
}

function buildTree<T extends number | bigint>(S: ArrayLike<T>, E: ArrayLike<T>, tagsSorted: Float64Array): Tree {
  const n = S.length;
  const parent = new Uint32Array(n);
  const stack = new Uint32Array(n);
  let sp = 0;
  for (let p = 0; p < n; p++) {
    // Sorted by start, a stacked interval contains p exactly when it ends no earlier than p.
    const e = E[p]!;
    while (sp > 0 && E[stack[sp - 1]!]! < e) sp--;
    parent[p] = sp > 0 ? stack[sp - 1]! : n;
    stack[sp++] = p;
  }
  const off = new Uint32Array(n + 2);
  for (let p = 0; p < n; p++) off[parent[p]! + 1]!++;
  for (let q = 0; q <= n; q++) off[q + 1]! += off[q]!;
  const fill = off.slice(0, n + 1);
  const kids = new Uint32Array(n);
  for (let p = 0; p < n; p++) kids[fill[parent[p]!]!++] = p;
  return { tags: tagsSorted, kids, off };
}

/** Containment index over intervals of one family; `T` is `number` (IPv4) or `bigint` (IPv6). */
export class ContainmentIndex<T extends number | bigint> {
  readonly size: number;
  private readonly S: ArrayLike<T>;
  private readonly E: ArrayLike<T>;
  private readonly tags: Float64Array;
  private readonly kids: Uint32Array;
  private readonly off: Uint32Array;
  // Reused by every query: queries are synchronous and never re-enter.
  private readonly work: Uint32Array;

  private constructor(S: ArrayLike<T>, E: ArrayLike<T>, tree: Tree) {
    this.size = S.length;
    this.S = S;
    this.E = E;
    this.tags = tree.tags;
    this.kids = tree.kids;
    this.off = tree.off;
    this.work = new Uint32Array(S.length + 1);
  }

  /** Build from IPv4 columns (inclusive u32 bounds). Tags default to positions. */
  static build4(starts: ArrayLike<number>, ends: ArrayLike<number>, tags?: ArrayLike<number>): ContainmentIndex<number> {
    const n = starts.length;
    if (ends.length !== n) throw new RangeError('starts and ends differ in length');
    const tag = tagsOrPositions(n, tags);
    const order = orderOuterFirst4(starts, ends);
    const S = new Float64Array(n);
    const E = new Float64Array(n);
    const T = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      const i = order[p]!;
      S[p] = starts[i]!;
      E[p] = ends[i]!;
      T[p] = tag[i]!;
    }
    return new ContainmentIndex<number>(S, E, buildTree(S, E, T));
  }

  /** Build from IPv6 columns (inclusive bigint bounds). Tags default to positions. */
  static build6(starts: readonly bigint[], ends: readonly bigint[], tags?: ArrayLike<number>): ContainmentIndex<bigint> {
    const n = starts.length;
    if (ends.length !== n) throw new RangeError('starts and ends differ in length');
    const tag = tagsOrPositions(n, tags);
    const order = orderOuterFirst6(starts, ends);
    const S = new Array<bigint>(n);
    const E = new Array<bigint>(n);
    const T = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      const i = order[p]!;
      S[p] = starts[i]!;
      E[p] = ends[i]!;
      T[p] = tag[i]!;
    }
    return new ContainmentIndex<bigint>(S, E, buildTree(S, E, T));
  }

  /** First position in list `node` whose interval ends at or after `x`. */
  private firstEndingFrom(node: number, x: T): number {
    const E = this.E;
    const kids = this.kids;
    let lo = this.off[node]!;
    let hi = this.off[node + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (E[kids[mid]!]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Tags of every interval holding `addr`; for nested intervals, outermost first. */
  containing(addr: T): number[] {
    const out: number[] = [];
    this.containingInto(addr, out);
    return out;
  }

  /**
   * `containing` without a new array: appends the tags to `out` (the caller empties and reuses
   * it), for callers that ask once per held address and mostly find nothing.
   */
  containingInto(addr: T, out: number[]): void {
    const { S, kids, off, work } = this;
    const root = this.size;
    let sp = 0;
    work[sp++] = root;
    while (sp > 0) {
      const node = work[--sp]!;
      const end = off[node + 1]!;
      for (let k = this.firstEndingFrom(node, addr); k < end; k++) {
        const p = kids[k]!;
        if (S[p]! > addr) break;
        out.push(this.tags[p]!);
        work[sp++] = p;
      }
    }
  }

  /**
   * Tag of the innermost interval holding `addr` (the network an address sits on, the pool
   * inside it), or `undefined`. Among partial overlaps: the latest start, then the earliest end.
   */
  innermost(addr: T): number | undefined {
    const { S, kids, off, work } = this;
    let best = -1;
    let sp = 0;
    work[sp++] = this.size;
    while (sp > 0) {
      const node = work[--sp]!;
      const end = off[node + 1]!;
      for (let k = this.firstEndingFrom(node, addr); k < end; k++) {
        const p = kids[k]!;
        if (S[p]! > addr) break;
        // Sorted order is (start asc, end desc), so the greatest position is the innermost.
        if (p > best) best = p;
        work[sp++] = p;
      }
    }
    return best < 0 ? undefined : this.tags[best];
  }

  /**
   * Every indexed interval sharing an address with `[start, end]`, and how it relates to it:
   * the incremental check of one edited CIDR or range against the rest.
   */
  overlapping(start: T, end: T): IndexedOverlap[] {
    const out: IndexedOverlap[] = [];
    const { S, E, kids, off, work } = this;
    let sp = 0;
    work[sp++] = this.size;
    while (sp > 0) {
      const node = work[--sp]!;
      const listEnd = off[node + 1]!;
      for (let k = this.firstEndingFrom(node, start); k < listEnd; k++) {
        const p = kids[k]!;
        const s = S[p]!;
        if (s > end) break;
        const e = E[p]!;
        const relation: IndexedRelation =
          s === start && e === end ? 'equal' : s <= start && e >= end ? 'contains' : s >= start && e <= end ? 'within' : 'partial';
        out.push({ tag: this.tags[p]!, relation });
        work[sp++] = p;
      }
    }
    return out;
  }
}

/** Both families behind one object, for callers holding parsed values rather than columns. */
export class AddressIndex {
  private constructor(
    readonly v4: ContainmentIndex<number>,
    readonly v6: ContainmentIndex<bigint>,
  ) {}

  /** Index parsed intervals of either family; tags default to positions in `intervals`. */
  static build(intervals: readonly IntervalLike[], tags?: ArrayLike<number>): AddressIndex {
    const { v4, v6 } = toColumns(intervals, tags);
    return new AddressIndex(ContainmentIndex.build4(v4.starts, v4.ends, v4.tags), ContainmentIndex.build6(v6.starts, v6.ends, v6.tags));
  }

  /** Tags of every interval holding `ip`, outermost first. */
  containing(ip: IpLike): number[] {
    return ip.family === 4 ? this.v4.containing(ip.value) : this.v6.containing(ip.value);
  }

  /** Tag of the innermost interval holding `ip`, or `undefined`. */
  innermost(ip: IpLike): number | undefined {
    return ip.family === 4 ? this.v4.innermost(ip.value) : this.v6.innermost(ip.value);
  }

  /** Indexed intervals overlapping `iv`, with their relation to it. */
  overlapping(iv: IntervalLike): IndexedOverlap[] {
    return iv.family === 4 ? this.v4.overlapping(iv.start, iv.end) : this.v6.overlapping(iv.start, iv.end);
  }
}
