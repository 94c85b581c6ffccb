/**
 * Plain JSON <-> Yjs shared values. A nested object becomes a Y.Map and an array a Y.Array, so two
 * peers editing different fields (or different items) of one value both keep their edit; scalars are
 * stored as they are and merge last-writer-wins. Values listed as atomic stay plain JSON: they are
 * one thing (a position is one place, not an x and a y), replaced whole.
 */
import * as Y from 'yjs';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isRecord(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A shared value for `value`, ready to be inserted (a fresh Y.Map / Y.Array for objects and arrays). */
export function toShared(value: Json): unknown {
  if (Array.isArray(value)) {
    const array = new Y.Array<unknown>();
    array.insert(
      0,
      value.map((item) => toShared(item)),
    );
    return array;
  }
  if (isRecord(value)) {
    const map = new Y.Map<unknown>();
    for (const [key, item] of Object.entries(value)) if (item !== undefined) map.set(key, toShared(item));
    return map;
  }
  return value;
}

/**
 * The plain value of a shared one. Keys come out sorted: a Y.Map iterates in the order its entries
 * reached this peer, which differs between peers, and every peer must produce the same JSON.
 */
export function fromShared(value: unknown): Json {
  if (value instanceof Y.Array) return value.toArray().map((item) => fromShared(item));
  if (value instanceof Y.Map) {
    const out: Record<string, Json> = {};
    for (const key of [...value.keys()].sort()) out[key] = fromShared(value.get(key));
    return out;
  }
  return value as Json;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    if (keys.length !== Object.keys(b).filter((k) => b[k] !== undefined).length) return false;
    return keys.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

/** Same item of a list: same `id` for items that have one, equal value otherwise. */
function sameItem(shared: unknown, next: Json): boolean {
  if (shared instanceof Y.Map && isRecord(next) && typeof next['id'] === 'string') return shared.get('id') === next['id'];
  return jsonEqual(fromShared(shared), next);
}

function sameKeys(map: Y.Map<unknown>, next: Record<string, Json>): boolean {
  const keys = Object.keys(next).filter((k) => next[k] !== undefined);
  return keys.length === map.size && keys.every((k) => map.has(k));
}

/**
 * Writes `next` into `map` field by field, touching only what differs. A nested object whose set of
 * keys changed (a union switching variant, e.g. a Supervisor's load balancer from HAProxy to NSX ALB)
 * is replaced whole, so a concurrent edit of the old variant cannot leave a mix of both.
 */
export function updateMap(map: Y.Map<unknown>, next: Record<string, Json>, atomic: ReadonlySet<string> = NO_KEYS): void {
  for (const key of [...map.keys()]) if (next[key] === undefined) map.delete(key);
  for (const [key, value] of Object.entries(next)) if (value !== undefined) updateKey(map, key, value, atomic);
}

/** Writes one field of `map` (see updateMap): nested values in place where their shape allows. */
export function updateKey(map: Y.Map<unknown>, key: string, value: Json | undefined, atomic: ReadonlySet<string> = NO_KEYS): void {
  if (value === undefined) {
    if (map.has(key)) map.delete(key);
    return;
  }
  const current = map.get(key);
  if (atomic.has(key)) {
    if (!jsonEqual(current, value)) map.set(key, value);
  } else if (isRecord(value)) {
    if (current instanceof Y.Map && sameKeys(current, value)) updateMap(current, value);
    else map.set(key, toShared(value));
  } else if (Array.isArray(value)) {
    if (current instanceof Y.Array) updateArray(current, value);
    else map.set(key, toShared(value));
  } else if (current !== value) {
    map.set(key, value);
  }
}

const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * Writes `next` into `array`: the common head and tail stay (items with ids are updated in place),
 * the middle is replaced. Appends, removals and in-place edits therefore merge with concurrent ones.
 */
export function updateArray(array: Y.Array<unknown>, next: Json[]): void {
  const current = array.toArray();
  const updateItem = (index: number, shared: unknown, value: Json) => {
    if (shared instanceof Y.Map && isRecord(value)) {
      if (sameKeys(shared, value)) updateMap(shared, value);
      else {
        array.delete(index, 1);
        array.insert(index, [toShared(value)]);
      }
    }
  };
  let head = 0;
  while (head < current.length && head < next.length && sameItem(current[head], next[head]!)) {
    updateItem(head, current[head], next[head]!);
    head++;
  }
  let tail = 0;
  while (
    tail < current.length - head &&
    tail < next.length - head &&
    sameItem(current[current.length - 1 - tail], next[next.length - 1 - tail]!)
  ) {
    updateItem(current.length - 1 - tail, current[current.length - 1 - tail], next[next.length - 1 - tail]!);
    tail++;
  }
  const removed = current.length - head - tail;
  if (removed > 0) array.delete(head, removed);
  const inserted = next.slice(head, next.length - tail);
  if (inserted.length > 0)
    array.insert(
      head,
      inserted.map((item) => toShared(item)),
    );
}
