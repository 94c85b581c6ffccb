/**
 * Orderings shared by the sweep, the containment index and the LPM table.
 *
 * IPv4 uses a stable LSD radix sort on u32 keys: performance.md §2.7 measured it at 3.2–3.5 ms
 * for 100k keys against 11 ms for `Float64Array.sort()` on packed keys, and stability gives a
 * deterministic tie order for free. IPv6 keys are `bigint`; a comparator sort is within 1.2× of
 * word-packed layouts there (§2.4), so it is not worth more code.
 */

const U32 = 4294967295;

/**
 * Reorder `order` (a permutation of input positions) stably by `keyOf[order[j]]`, a u32 key per
 * input position. Returns the new permutation (possibly `order` itself, possibly a new array).
 */
export function stableRadixByKey(order: Uint32Array, keyOf: Uint32Array): Uint32Array {
  const n = order.length;
  if (n < 2) return order;
  let ord: Uint32Array = order;
  let key: Uint32Array = new Uint32Array(n);
  for (let j = 0; j < n; j++) key[j] = keyOf[ord[j]!]!;
  // One read builds all four histograms; passes whose digit is constant are skipped, which is
  // common in real estates (everything in 10.x or 192.168.x shares the top bytes).
  const hist = new Uint32Array(1024);
  for (let j = 0; j < n; j++) {
    const k = key[j]!;
    hist[k & 255]!++;
    hist[256 + ((k >>> 8) & 255)]!++;
    hist[512 + ((k >>> 16) & 255)]!++;
    hist[768 + (k >>> 24)]!++;
  }
  let ord2: Uint32Array = new Uint32Array(n);
  let key2: Uint32Array = new Uint32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * 256;
    const shift = pass * 8;
    if (hist[base + ((key[0]! >>> shift) & 255)] === n) continue;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = hist[base + b]!;
      hist[base + b] = sum;
      sum += c;
    }
    for (let j = 0; j < n; j++) {
      const k = key[j]!;
      const p = hist[base + ((k >>> shift) & 255)]!++;
      key2[p] = k;
      ord2[p] = ord[j]!;
    }
    [ord, ord2] = [ord2, ord];
    [key, key2] = [key2, key];
  }
  return ord;
}

function identity(n: number, reversed: boolean): Uint32Array {
  const o = new Uint32Array(n);
  for (let i = 0; i < n; i++) o[i] = reversed ? n - 1 - i : i;
  return o;
}

function toU32(values: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]!;
  return out;
}

/** Positions sorted by start ascending; ties keep input order. */
export function orderByStart4(starts: ArrayLike<number>): Uint32Array {
  return stableRadixByKey(identity(starts.length, false), toU32(starts));
}

/**
 * Positions sorted by start ascending, then end descending (outer before inner), then input
 * position ascending (or descending with `laterFirst`).
 */
export function orderOuterFirst4(starts: ArrayLike<number>, ends: ArrayLike<number>, laterFirst = false): Uint32Array {
  const n = starts.length;
  const endDesc = new Uint32Array(n);
  for (let i = 0; i < n; i++) endDesc[i] = U32 - ends[i]!;
  return stableRadixByKey(stableRadixByKey(identity(n, laterFirst), endDesc), toU32(starts));
}

/** IPv6 counterpart of `orderByStart4`. */
export function orderByStart6(starts: readonly bigint[]): Uint32Array {
  const o = identity(starts.length, false);
  return o.sort((a, b) => {
    const sa = starts[a]!;
    const sb = starts[b]!;
    return sa < sb ? -1 : sa > sb ? 1 : a - b;
  });
}

/** IPv6 counterpart of `orderOuterFirst4`. */
export function orderOuterFirst6(starts: readonly bigint[], ends: readonly bigint[], laterFirst = false): Uint32Array {
  const o = identity(starts.length, false);
  return o.sort((a, b) => {
    const sa = starts[a]!;
    const sb = starts[b]!;
    if (sa !== sb) return sa < sb ? -1 : 1;
    const ea = ends[a]!;
    const eb = ends[b]!;
    if (ea !== eb) return ea > eb ? -1 : 1;
    return laterFirst ? b - a : a - b;
  });
}
