/**
 * The "plain typed-array" baselines of performance.md §2.2, §2.6 and §2.7, timed in the same run
 * as the library code they gauge: a charCode parser, the typed-limit overlap pass and an interval
 * table for longest-prefix match. Deliberately naive about everything but memory layout, so a
 * ratio above the target means our code pays for abstraction, not for the algorithm.
 */

/** IPv4 dotted quad at `s[from..to)` to a u32, or -1. No allocation: the floor for string input. */
export function parseIp4Chars(s: string, from = 0, to = s.length): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || octet > 255) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      octet = octet * 10 + (c - 48);
      digits++;
    } else return -1;
  }
  if (dots !== 3 || digits === 0 || octet > 255) return -1;
  return value * 256 + octet;
}

/** IPv4 CIDRs into start/end columns (host bits cleared) and lengths; -1 start on bad input. */
export function parseCidrs4(texts: readonly string[]): { starts: Float64Array; ends: Float64Array; lens: Uint8Array } {
  const n = texts.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const lens = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = texts[i]!;
    const slash = s.indexOf('/');
    const a = slash < 0 ? -1 : parseIp4Chars(s, 0, slash);
    let len = 0;
    for (let j = slash + 1; j < s.length; j++) len = len * 10 + (s.charCodeAt(j) - 48);
    if (a < 0 || len > 32) {
      starts[i] = -1;
      ends[i] = -1;
      continue;
    }
    const block = 2 ** (32 - len);
    const start = a - (a % block);
    starts[i] = start;
    ends[i] = start + block - 1;
    lens[i] = len;
  }
  return { starts, ends, lens };
}

const RANK = 131072; // 2^17 > 100k ranks: start·2^17 + rank stays below 2^53

/**
 * Positions of CIDRs sorted by (start asc, length asc): a counting sort by length gives each
 * position a rank, then one `Float64Array.sort()` on packed `start·2^17 + rank` (§2.7).
 */
export function sortCidrs(starts: Float64Array, lens: Uint8Array): Uint32Array {
  const n = starts.length;
  if (n >= RANK) throw new RangeError('packed keys hold at most 131,071 items');
  const count = new Uint32Array(34);
  for (let i = 0; i < n; i++) count[lens[i]! + 1]!++;
  for (let l = 0; l < 33; l++) count[l + 1]! += count[l]!;
  const byRank = new Uint32Array(n);
  for (let i = 0; i < n; i++) byRank[count[lens[i]!]!++] = i;
  const keys = new Float64Array(n);
  for (let r = 0; r < n; r++) keys[r] = starts[byRank[r]!]! * RANK + r;
  keys.sort();
  const order = new Uint32Array(n);
  for (let p = 0; p < n; p++) order[p] = byRank[keys[p]! % RANK]!;
  return order;
}

/** Stack sweep over CIDRs in (start, length) order: CIDRs nest or are disjoint. Returns the pair count. */
export function stackSweepCount(order: Uint32Array, starts: Float64Array, ends: Float64Array): number {
  const stack = new Float64Array(33 + order.length); // ends of the open ancestors
  let sp = 0;
  let pairs = 0;
  for (let p = 0; p < order.length; p++) {
    const i = order[p]!;
    const s = starts[i]!;
    while (sp > 0 && stack[sp - 1]! < s) sp--;
    pairs += sp;
    stack[sp++] = ends[i]!;
  }
  return pairs;
}

/**
 * Longest-prefix match as a disjoint interval table (§2.6): cut the space at every prefix boundary,
 * each piece owned by its most specific route. Routes sorted by (start asc, end desc); ties keep
 * the first route, as routing/lpm.ts promises.
 */
export class IntervalTable {
  private constructor(
    private readonly segStart: Float64Array,
    private readonly segOwner: Int32Array,
  ) {}

  static build(starts: Float64Array, ends: Float64Array): IntervalTable {
    const n = starts.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => starts[a]! - starts[b]! || ends[b]! - ends[a]! || b - a);
    const segStart: number[] = [];
    const segOwner: number[] = [];
    const emit = (from: number, owner: number) => {
      if (segOwner.length > 0 && segOwner[segOwner.length - 1] === owner) return;
      segStart.push(from);
      segOwner.push(owner);
    };
    const stack: number[] = [];
    let cursor = 0;
    const close = (r: number) => {
      if (cursor <= ends[r]!) {
        emit(cursor, r);
        cursor = ends[r]! + 1;
      }
    };
    for (const r of order) {
      while (stack.length > 0 && ends[stack[stack.length - 1]!]! < starts[r]!) close(stack.pop()!);
      if (cursor < starts[r]!) {
        emit(cursor, stack.length > 0 ? stack[stack.length - 1]! : -1);
        cursor = starts[r]!;
      }
      stack.push(r);
    }
    while (stack.length > 0) close(stack.pop()!);
    if (cursor <= 4294967295) emit(cursor, -1);
    return new IntervalTable(Float64Array.from(segStart), Int32Array.from(segOwner));
  }

  /** Route index of the most specific route holding `addr`, -1 for none. */
  lookup(addr: number): number {
    const ss = this.segStart;
    let lo = 0;
    let hi = ss.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ss[mid]! <= addr) lo = mid;
      else hi = mid - 1;
    }
    return this.segOwner[lo]!;
  }
}
