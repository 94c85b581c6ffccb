/**
 * Counting helpers for capacity questions: how many addresses of a pool or network are still
 * free, given the addresses already held (NICs, gateways, VIPs, reserved ranges).
 *
 * Held addresses become one sorted, de-duplicated array; each question is then two binary
 * searches, so asking it for every pool in an estate stays O((pools + held) log held).
 * Duplicates are dropped because a conflict is another rule's finding, not lost capacity.
 */

/** Held IPv4 addresses, sorted and unique. */
export function heldSet4(addresses: ArrayLike<number>): Float64Array {
  const a = Float64Array.from(addresses).sort();
  return dedupe4(a);
}

function dedupe4(a: Float64Array): Float64Array {
  let w = 0;
  for (let r = 0; r < a.length; r++) if (w === 0 || a[r] !== a[w - 1]) a[w++] = a[r]!;
  return a.subarray(0, w);
}

/** Held IPv6 addresses, sorted and unique. */
export function heldSet6(addresses: readonly bigint[]): bigint[] {
  const a = [...addresses].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const out: bigint[] = [];
  for (const v of a) if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  return out;
}

/** First position whose value is at least `x` (`orEqual` false) or greater than `x` (true). */
function bound<T extends number | bigint>(sorted: ArrayLike<T>, x: T, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v < x || (orEqual && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many held addresses fall in `[start, end]` (a set from `heldSet4`/`heldSet6`). */
export function countHeld<T extends number | bigint>(held: ArrayLike<T>, start: T, end: T): number {
  return end < start ? 0 : bound(held, end, true) - bound(held, start, false);
}

/** Free IPv4 addresses in `[start, end]`. */
export function freeCount4(held: ArrayLike<number>, start: number, end: number): number {
  return end < start ? 0 : end - start + 1 - countHeld(held, start, end);
}

/** Free IPv6 addresses in `[start, end]`. */
export function freeCount6(held: readonly bigint[], start: bigint, end: bigint): bigint {
  return end < start ? 0n : end - start + 1n - BigInt(countHeld(held, start, end));
}

/** Lowest free IPv4 address in `[start, end]`, or `undefined` when the range is full. */
export function firstFree4(held: ArrayLike<number>, start: number, end: number): number | undefined {
  let candidate = start;
  // Held values at or above `start` are consecutive in the set; walk while they close the gap.
  for (let i = bound(held, start, false); i < held.length && held[i] === candidate && candidate <= end; i++) candidate++;
  return candidate <= end ? candidate : undefined;
}

/** Lowest free IPv6 address in `[start, end]`, or `undefined` when the range is full. */
export function firstFree6(held: readonly bigint[], start: bigint, end: bigint): bigint | undefined {
  let candidate = start;
  for (let i = bound(held, start, false); i < held.length && held[i] === candidate && candidate <= end; i++) candidate++;
  return candidate <= end ? candidate : undefined;
}

/**
 * Distinct IPv4 addresses covered by possibly overlapping ranges (a pool declared as several
 * ranges), and how many of them are free.
 */
export function unionCapacity4(
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  held?: ArrayLike<number>,
): { readonly covered: number; readonly free: number } {
  const n = starts.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => starts[a]! - starts[b]! || a - b);
  let covered = 0;
  let free = 0;
  let curStart = 0;
  let curEnd = -1;
  const flush = () => {
    if (curEnd < curStart) return;
    covered += curEnd - curStart + 1;
    free += held ? freeCount4(held, curStart, curEnd) : curEnd - curStart + 1;
  };
  for (const i of order) {
    const s = starts[i]!;
    const e = ends[i]!;
    if (e < s) continue;
    if (curEnd >= curStart && s <= curEnd + 1) {
      if (e > curEnd) curEnd = e;
    } else {
      flush();
      curStart = s;
      curEnd = e;
    }
  }
  flush();
  return { covered, free };
}

/** IPv6 counterpart of `unionCapacity4`. */
export function unionCapacity6(
  starts: readonly bigint[],
  ends: readonly bigint[],
  held?: readonly bigint[],
): { readonly covered: bigint; readonly free: bigint } {
  const n = starts.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (starts[a]! < starts[b]! ? -1 : starts[a]! > starts[b]! ? 1 : a - b));
  let covered = 0n;
  let free = 0n;
  let curStart = 0n;
  let curEnd = -1n;
  const flush = () => {
    if (curEnd < curStart) return;
    covered += curEnd - curStart + 1n;
    free += held ? freeCount6(held, curStart, curEnd) : curEnd - curStart + 1n;
  };
  for (const i of order) {
    const s = starts[i]!;
    const e = ends[i]!;
    if (e < s) continue;
    if (curEnd >= curStart && s <= curEnd + 1n) {
      if (e > curEnd) curEnd = e;
    } else {
      flush();
      curStart = s;
      curEnd = e;
    }
  }
  flush();
  return { covered, free };
}
