/**
 * The topology document as a Y.Doc. Layout (the shared types at the root):
 *   meta      Y.Map   schemaVersion, name, description, environment, origin
 *   elements  Y.Map   element id -> Y.Map { id, kind, name, position (atomic), notes, props: Y.Map, unknown, extras (atomic) }
 *   links     Y.Map   link id -> Y.Map of its scalar fields
 *   order     Y.Array element ids in document order (links keep theirs in linkOrder)
 * Elements and links are keyed by id, so adding, removing and editing different ones never conflict;
 * the order lists only order them (an id in the list without an entry in the map is ignored).
 */
import * as Y from 'yjs';
import { repairReferences, restore, type MergeRepair, type RestoreError, type TopologyDocument } from '@viplane/model';
import { fromShared, isRecord, jsonEqual, toShared, updateKey, updateMap, type Json } from './values.ts';

/** Element fields replaced whole, as in the three-way merge: a position is one place, `unknown`/`extras` one record. */
const ELEMENT_ATOMIC: ReadonlySet<string> = new Set(['position', 'unknown', 'extras']);
const ELEMENT_KEYS = ['id', 'kind', 'name', 'position', 'notes', 'props', 'unknown', 'extras'] as const;
const LINK_KEYS = ['id', 'kind', 'from', 'to', 'role', 'address', 'addressMode', 'gateway'] as const;
const META_KEYS = ['schemaVersion', 'name', 'description', 'environment', 'origin'] as const;

export interface SharedDesign {
  meta: Y.Map<unknown>;
  elements: Y.Map<Y.Map<unknown>>;
  links: Y.Map<Y.Map<unknown>>;
  order: Y.Array<string>;
  linkOrder: Y.Array<string>;
}

export function shared(ydoc: Y.Doc): SharedDesign {
  return {
    meta: ydoc.getMap('meta'),
    elements: ydoc.getMap('elements'),
    links: ydoc.getMap('links'),
    order: ydoc.getArray('order'),
    linkOrder: ydoc.getArray('linkOrder'),
  };
}

/** True when the Y.Doc holds no design yet (a session's first load seeds it from the stored version). */
export function isEmpty(ydoc: Y.Doc): boolean {
  return !shared(ydoc).meta.has('schemaVersion');
}

function newRecord(value: Record<string, unknown>, atomic: ReadonlySet<string>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    map.set(key, atomic.has(key) ? item : toShared(item as Json));
  }
  return map;
}

function syncCollection(
  map: Y.Map<Y.Map<unknown>>,
  order: Y.Array<string>,
  next: readonly { id: string }[],
  atomic: ReadonlySet<string>,
): void {
  const wanted = new Set(next.map((item) => item.id));
  const removed = [...map.keys()].filter((id) => !wanted.has(id));
  for (const id of removed) map.delete(id);
  if (removed.length > 0) {
    const gone = new Set(removed);
    const ids = order.toArray();
    for (let i = ids.length - 1; i >= 0; i--) if (gone.has(ids[i]!)) order.delete(i, 1);
  }
  const added: string[] = [];
  for (const item of next) {
    const current = map.get(item.id);
    const record = item as unknown as Record<string, Json>;
    if (current instanceof Y.Map) updateMap(current, record, atomic);
    else {
      map.set(item.id, newRecord(record, atomic));
      added.push(item.id);
    }
  }
  if (added.length > 0) order.push(added);
}

/**
 * Writes `next` into the Y.Doc as one transaction with `origin`, touching only what changed
 * (a field edit is one small update; an unchanged document writes nothing).
 */
export function writeDocument(ydoc: Y.Doc, next: TopologyDocument, origin: unknown = null): void {
  const s = shared(ydoc);
  ydoc.transact(() => {
    const meta: Record<string, unknown> = {};
    for (const key of META_KEYS) meta[key] = next[key];
    for (const key of META_KEYS) {
      const value = meta[key];
      if (value === undefined) {
        if (s.meta.has(key)) s.meta.delete(key);
      } else if (s.meta.get(key) !== value) s.meta.set(key, value);
    }
    syncCollection(s.elements, s.order, next.elements, ELEMENT_ATOMIC);
    syncCollection(s.links, s.linkOrder, next.links, new Set());
  }, origin);
}

function readCollection(map: Y.Map<Y.Map<unknown>>, order: Y.Array<string>, keys: readonly string[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const take = (id: string) => {
    if (seen.has(id)) return;
    const record = map.get(id);
    if (!(record instanceof Y.Map)) return;
    seen.add(id);
    const item: Record<string, unknown> = {};
    for (const key of keys) if (record.has(key)) item[key] = fromShared(record.get(key));
    out.push(item);
  };
  for (const id of order.toArray()) take(id);
  // An entry whose id is missing from the order list (it cannot be, short of a hostile peer) still counts; sorted for one order everywhere.
  for (const id of [...map.keys()].sort()) take(id);
  return out;
}

/**
 * Writes the edit `prev` -> `next` (documents as the editor holds them) into the Y.Doc: only the
 * elements, links and fields that differ between the two. Unlike writeDocument, which makes the Y.Doc
 * equal to a document, this never reverts a remote change the editor has not shown yet, and an element
 * someone else deleted stays deleted unless this edit created it.
 */
export function writeChanges(ydoc: Y.Doc, prev: TopologyDocument, next: TopologyDocument, origin: unknown = null): void {
  if (prev === next) return;
  const s = shared(ydoc);
  ydoc.transact(() => {
    for (const key of META_KEYS) {
      if (prev[key] === next[key]) continue;
      if (next[key] === undefined) s.meta.delete(key);
      else s.meta.set(key, next[key]);
    }
    if (prev.elements !== next.elements) changeCollection(s.elements, s.order, prev.elements, next.elements, ELEMENT_ATOMIC);
    if (prev.links !== next.links) changeCollection(s.links, s.linkOrder, prev.links, next.links, NO_ATOMIC);
  }, origin);
}

const NO_ATOMIC: ReadonlySet<string> = new Set();

function changeCollection(
  map: Y.Map<Y.Map<unknown>>,
  order: Y.Array<string>,
  prev: readonly { id: string }[],
  next: readonly { id: string }[],
  atomic: ReadonlySet<string>,
): void {
  const before = new Map(prev.map((item) => [item.id, item]));
  const after = new Set(next.map((item) => item.id));
  const removed = prev.filter((item) => !after.has(item.id)).map((item) => item.id);
  for (const id of removed) map.delete(id);
  if (removed.length > 0) {
    const gone = new Set(removed);
    const ids = order.toArray();
    for (let i = ids.length - 1; i >= 0; i--) if (gone.has(ids[i]!)) order.delete(i, 1);
  }
  const added: string[] = [];
  for (const item of next) {
    const old = before.get(item.id) as Record<string, Json> | undefined;
    if (old === (item as unknown)) continue;
    const record = item as unknown as Record<string, Json>;
    const current = map.get(item.id);
    if (!(current instanceof Y.Map)) {
      // Deleted by someone else meanwhile: an edit does not bring it back; a new item is created.
      if (old !== undefined) continue;
      map.set(item.id, newRecord(record, atomic));
      added.push(item.id);
      continue;
    }
    if (old === undefined) {
      updateMap(current, record, atomic);
      continue;
    }
    for (const key of new Set([...Object.keys(old), ...Object.keys(record)])) {
      if (jsonEqual(old[key], record[key])) continue;
      const value = record[key];
      const props = current.get(key);
      const was = old[key];
      // props field by field: a concurrent edit of another prop of this element is kept.
      if (key === 'props' && props instanceof Y.Map && isRecord(value) && isRecord(was)) {
        for (const k of new Set([...Object.keys(was), ...Object.keys(value)]))
          if (!jsonEqual(was[k], value[k])) updateKey(props, k, value[k]);
      } else updateKey(current, key, value, atomic);
    }
  }
  if (added.length > 0) order.push(added);
}

/** The raw document in the Y.Doc, before any check. */
export function rawDocument(ydoc: Y.Doc): Record<string, unknown> {
  const s = shared(ydoc);
  const doc: Record<string, unknown> = {};
  for (const key of META_KEYS) if (s.meta.has(key)) doc[key] = s.meta.get(key);
  doc['elements'] = readCollection(s.elements, s.order, ELEMENT_KEYS);
  doc['links'] = readCollection(s.links, s.linkOrder, LINK_KEYS);
  return doc;
}

export type ReadResult = { ok: true; document: TopologyDocument; repairs: MergeRepair[] } | { ok: false; errors: RestoreError[] };

/**
 * The document in the Y.Doc, through restore(). A merge of concurrent edits can leave a reference to an
 * element another peer deleted: such references are cleared and such links dropped (the three-way
 * merge's repair), a pure function of the merged state, so every peer reads the same document.
 */
export function readDocument(ydoc: Y.Doc): ReadResult {
  const first = restore(rawDocument(ydoc));
  if (first.ok) return { ok: true, document: first.document, repairs: [] };
  if (!first.errors.every((e) => e.message === 'refers to no element in the document' || e.message.startsWith('refers to a ')))
    return first;
  // restore() refused only references; repair them on the unchecked document and check again.
  const raw = rawDocument(ydoc) as unknown as TopologyDocument;
  const { document, repairs } = repairReferences(raw);
  const second = restore(document);
  return second.ok ? { ok: true, document: second.document, repairs } : second;
}

/** A fresh Y.Doc holding `doc`. */
export function createSharedDocument(doc: TopologyDocument, origin: unknown = null): Y.Doc {
  const ydoc = new Y.Doc();
  writeDocument(ydoc, doc, origin);
  return ydoc;
}
