/**
 * Three-way merge of topology documents (base, mine, theirs), per element and per field, as Git
 * merges lines: a value changed on one side only takes that change; changed on both sides to the
 * same meaning is no conflict; changed on both sides differently, deleted on one side and edited
 * (or newly referenced) on the other, or added on both sides differently, is a conflict.
 *
 * Every conflict is decided by a choice, `theirs` unless the caller says `mine`: the default
 * keeps what the other side already saved, and overwriting it is the caller's explicit choice.
 * The merged document always goes through restore(); references left pointing at an element a
 * choice deleted are cleared (links to it dropped) and listed in `repairs`.
 */
import type { Element, TopologyDocument } from '../schema/document.ts';
import type { Link } from '../schema/link.ts';
import { restore, type RestoreError } from '../restore.ts';
import { checkIntegrity } from '../integrity.ts';
import { elementFieldChanges } from './diff.ts';
import {
  childPath,
  elementAddressFields,
  indexBy,
  isPlainObject,
  linkAddressFields,
  noAddressFields,
  sameValue,
  sharedListKey,
  type AddressFields,
} from './values.ts';

export type Side = 'mine' | 'theirs';

export type ConflictScope =
  { type: 'document' } | { type: 'element'; id: string; kind: Element['kind']; name: string } | { type: 'link'; id: string };

export interface MergeConflict {
  /** Stable across re-merges of the same three documents: the key of `choices`. */
  id: string;
  /**
   * `edit-edit`: both changed one value differently. `delete-edit`: one side deleted what the other
   * changed. `delete-referenced`: one side deleted an element the other side newly points at.
   * `add-add`: both added the same id with different values.
   */
  kind: 'edit-edit' | 'delete-edit' | 'delete-referenced' | 'add-add';
  scope: ConflictScope;
  /** Display path inside the element/link/document; `''` for the whole element or link. */
  path: string;
  /** `undefined` = absent on that side (not there yet, or deleted). */
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** The side this merge took. */
  chosen: Side;
  /** `delete-referenced`: where the new references are (JSON Pointers in the merged document). */
  referencedFrom?: string[];
}

export interface MergeRepair {
  /** JSON Pointer in the merged document (before the repair) and what was there. */
  path: string;
  value: unknown;
  action: 'cleared' | 'removed';
}

export type MergeResult =
  | { ok: true; document: TopologyDocument; conflicts: MergeConflict[]; repairs: MergeRepair[] }
  | { ok: false; errors: RestoreError[]; conflicts: MergeConflict[]; repairs: MergeRepair[] };

export interface MergeOptions {
  /** Per conflict id, the side to take; a conflict without a choice takes `theirs`. */
  choices?: ReadonlyMap<string, Side> | Readonly<Record<string, Side>>;
}

const ABSENT = undefined;
/** Values merged as one: a position is one place, not an x and a y. */
const ATOMIC = new Set(['position', 'unknown']);

class Merger {
  readonly conflicts: MergeConflict[] = [];
  constructor(private readonly choices: MergeOptions['choices']) {}

  choice(id: string): Side {
    const c = this.choices;
    if (!c) return 'theirs';
    const value = c instanceof Map ? c.get(id) : (c as Record<string, Side>)[id];
    return value === 'mine' ? 'mine' : 'theirs';
  }

  conflict(kind: MergeConflict['kind'], scope: ConflictScope, path: string, base: unknown, mine: unknown, theirs: unknown): unknown {
    const id = `${scopeKey(scope)}|${path}`;
    const chosen = this.choice(id);
    this.conflicts.push({ id, kind, scope, path, base, mine, theirs, chosen });
    return chosen === 'mine' ? mine : theirs;
  }

  /** Merges one value; returns the merged value (`undefined` = absent). */
  value(b: unknown, m: unknown, t: unknown, schemaPath: string, path: string, scope: ConflictScope, addresses: AddressFields): unknown {
    if (sameValue(m, t, schemaPath, addresses)) return t;
    if (sameValue(b, m, schemaPath, addresses)) return t;
    if (sameValue(b, t, schemaPath, addresses)) return m;
    const top = path.split('.').pop() ?? path;
    if (!ATOMIC.has(top)) {
      if (
        isPlainObject(m) &&
        isPlainObject(t) &&
        (b === ABSENT || isPlainObject(b)) &&
        // At an element's or link's root, optional fields (notes, unknown, extras) come and go and
        // merge one by one; deeper, another set of keys is another variant of a union (a
        // Supervisor's load balancer), merged as one value so no mix of variants is made.
        (path === '' || (sameKeys(m, t) && (b === ABSENT || sameKeys(b, m))))
      ) {
        const out: Record<string, unknown> = {};
        const keys = new Set([...Object.keys(t), ...Object.keys(m), ...(b === ABSENT ? [] : Object.keys(b))]);
        for (const key of keys) {
          const base = b === ABSENT ? ABSENT : b[key];
          const merged = this.value(base, m[key], t[key], childPath(schemaPath, key), childPath(path, key), scope, addresses);
          if (merged !== ABSENT) out[key] = merged;
        }
        return out;
      }
      if (Array.isArray(m) && Array.isArray(t) && (b === ABSENT || Array.isArray(b))) {
        const key = sharedListKey(m, t, b ?? []);
        if (key) return this.list(b ?? [], m, t, key, schemaPath, path, scope, addresses);
      }
    }
    const kind = b === ABSENT ? 'add-add' : m === ABSENT || t === ABSENT ? 'delete-edit' : 'edit-edit';
    return this.conflict(kind, scope, path, b, m, t);
  }

  /** Lists of items with ids: item by item; order is theirs, then items only mine added. */
  private list(
    b: unknown[],
    m: unknown[],
    t: unknown[],
    key: 'id' | 'name',
    schemaPath: string,
    path: string,
    scope: ConflictScope,
    addresses: AddressFields,
  ): unknown[] {
    const [base, mine, theirs] = [indexBy(b, key), indexBy(m, key), indexBy(t, key)];
    const order = [...theirs.keys(), ...[...mine.keys()].filter((k) => !theirs.has(k))];
    const out: unknown[] = [];
    for (const id of order) {
      const merged = this.value(base.get(id), mine.get(id), theirs.get(id), `${schemaPath}[]`, `${path}[${id}]`, scope, addresses);
      if (merged !== ABSENT) out.push(merged);
    }
    return out;
  }
}

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => b[k] !== undefined);
}

function scopeKey(scope: ConflictScope): string {
  return scope.type === 'document' ? 'document' : `${scope.type}:${scope.id}`;
}

/** Element changed in meaning (a move alone is not an edit a deletion must ask about). */
function editedInMeaning(base: Element, other: Element): boolean {
  return base !== other && elementFieldChanges(base, other).length > 0;
}

interface Keyed {
  id: string;
}

/**
 * Merges one collection (elements or links) by id. `meaningChanged` says whether a side's version
 * of an item is an edit that a deletion on the other side must not silently drop.
 */
function mergeCollection<T extends Keyed>(
  merger: Merger,
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
  scopeOf: (item: T) => ConflictScope,
  meaningChanged: (base: T, other: T) => boolean,
  mergeItem: (b: T | undefined, m: T, t: T) => T | undefined,
): { items: T[]; deletedBy: Map<string, { side: Side; kept: T }> } {
  const b = new Map(base.map((x) => [x.id, x]));
  const m = new Map(mine.map((x) => [x.id, x]));
  const t = new Map(theirs.map((x) => [x.id, x]));
  const items: T[] = [];
  /** Items one side deleted and the merge dropped, with the other side's version. */
  const deletedBy = new Map<string, { side: Side; kept: T }>();
  const order = [...theirs, ...mine.filter((x) => !t.has(x.id))];
  for (const item of order) {
    const [bi, mi, ti] = [b.get(item.id), m.get(item.id), t.get(item.id)];
    if (mi && ti) {
      const merged = mergeItem(bi, mi, ti);
      if (merged) items.push(merged);
      continue;
    }
    const present = (mi ?? ti)!;
    if (!bi) {
      items.push(present); // added on one side
      continue;
    }
    const deleter: Side = mi ? 'theirs' : 'mine';
    if (!meaningChanged(bi, present)) {
      deletedBy.set(item.id, { side: deleter, kept: present });
      continue;
    }
    const taken = merger.conflict('delete-edit', scopeOf(present), '', bi, mi, ti);
    if (taken !== ABSENT) items.push(taken as T);
  }
  return { items, deletedBy };
}

function mergeElement(merger: Merger, b: Element | undefined, m: Element, t: Element): Element | undefined {
  const scope: ConflictScope = { type: 'element', id: t.id, kind: t.kind, name: t.name };
  if (m.kind !== t.kind || (b && b.kind !== t.kind)) {
    // A kind change replaces the element: its props have another shape.
    if (b && m.kind === b.kind && sameValue(b, m, '', noAddressFields())) return t;
    if (b && t.kind === b.kind && sameValue(b, t, '', noAddressFields())) return m;
    return merger.conflict(b ? 'edit-edit' : 'add-add', scope, '', b, m, t) as Element | undefined;
  }
  return merger.value(b, m, t, '', '', scope, elementAddressFields(t.kind)) as Element;
}

function mergeLink(merger: Merger, b: Link | undefined, m: Link, t: Link): Link | undefined {
  return merger.value(b, m, t, '', '', { type: 'link', id: t.id }, linkAddressFields()) as Link;
}

/** Which ids of elements each reference in `doc` points at, keyed by where it points from. */
function referencesTo(doc: TopologyDocument, targets: ReadonlySet<string>): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  if (targets.size === 0) return found;
  const note = (target: unknown, from: string) => {
    if (typeof target !== 'string' || !targets.has(target)) return;
    let set = found.get(target);
    if (!set) found.set(target, (set = new Set()));
    set.add(from);
  };
  for (const e of checkIntegrity({ ...doc, elements: doc.elements.filter((el) => !targets.has(el.id)) })) {
    if (e.message === 'duplicate id') continue;
    note(e.value, e.path);
  }
  return found;
}

/**
 * Clears references to elements that are not there (or of a kind they may not point at); drops such links.
 * Exported for the live session (@viplane/sync), whose merged state can hold such references after a concurrent delete.
 */
export function repairReferences(doc: TopologyDocument): { document: TopologyDocument; repairs: MergeRepair[] } {
  const errors = checkIntegrity(doc).filter((e) => e.message !== 'duplicate id');
  if (errors.length === 0) return { document: doc, repairs: [] };
  const repairs: MergeRepair[] = [];
  const elements = doc.elements.map((el) => JSON.parse(JSON.stringify(el)) as Element);
  const dropLinks = new Set<number>();
  const removals: { list: unknown[]; index: number }[] = [];
  for (const e of errors) {
    const parts = e.path.split('/').slice(1);
    if (parts[0] === 'links') {
      dropLinks.add(Number(parts[1]));
      continue;
    }
    let holder: unknown = elements[Number(parts[1])];
    for (const p of parts.slice(2, -1)) holder = (holder as Record<string, unknown>)[p];
    const last = parts[parts.length - 1]!;
    if (Array.isArray(holder)) {
      removals.push({ list: holder, index: Number(last) });
      repairs.push({ path: e.path, value: e.value, action: 'removed' });
    } else {
      (holder as Record<string, unknown>)[last] = null;
      repairs.push({ path: e.path, value: e.value, action: 'cleared' });
    }
  }
  removals.sort((a, b) => b.index - a.index).forEach((r) => r.list.splice(r.index, 1));
  for (const i of [...dropLinks].sort((a, b) => a - b)) repairs.push({ path: `/links/${i}`, value: doc.links[i], action: 'removed' });
  return { document: { ...doc, elements, links: doc.links.filter((_, i) => !dropLinks.has(i)) }, repairs };
}

export function mergeDocuments(
  base: TopologyDocument,
  mine: TopologyDocument,
  theirs: TopologyDocument,
  options: MergeOptions = {},
): MergeResult {
  const merger = new Merger(options.choices);
  const documentScope: ConflictScope = { type: 'document' };
  const head: Record<string, unknown> = {};
  for (const field of ['schemaVersion', 'name', 'description', 'environment', 'origin'] as const) {
    const value = merger.value(base[field], mine[field], theirs[field], field, field, documentScope, noAddressFields());
    if (value !== ABSENT) head[field] = value;
  }

  const elements = mergeCollection<Element>(
    merger,
    base.elements,
    mine.elements,
    theirs.elements,
    (el) => ({ type: 'element', id: el.id, kind: el.kind, name: el.name }),
    editedInMeaning,
    (b, m, t) => mergeElement(merger, b, m, t),
  );
  const links = mergeCollection<Link>(
    merger,
    base.links,
    mine.links,
    theirs.links,
    (l) => ({ type: 'link', id: l.id }),
    (b, o) => !sameValue(b, o, '', linkAddressFields()),
    (b, m, t) => mergeLink(merger, b, m, t),
  );

  let merged = { ...head, elements: elements.items, links: links.items } as TopologyDocument;

  // An element one side deleted and the other now points at: ask, and keep it if the choice says so.
  const deleted = new Set(elements.deletedBy.keys());
  const referenced = referencesTo(merged, deleted);
  if (referenced.size) {
    const restored: Element[] = [];
    for (const [id, from] of referenced) {
      const { side, kept } = elements.deletedBy.get(id)!;
      const b = base.elements.find((el) => el.id === id);
      const scope: ConflictScope = { type: 'element', id, kind: kept.kind, name: kept.name };
      const [m, t] = side === 'mine' ? [ABSENT, kept] : [kept, ABSENT];
      const taken = merger.conflict('delete-referenced', scope, '', b, m, t);
      merger.conflicts[merger.conflicts.length - 1]!.referencedFrom = [...from];
      if (taken !== ABSENT) restored.push(taken as Element);
    }
    if (restored.length) merged = { ...merged, elements: [...merged.elements, ...restored] };
  }

  const { document, repairs } = repairReferences(merged);
  const result = restore(document);
  if (!result.ok) return { ok: false, errors: result.errors, conflicts: merger.conflicts, repairs };
  return { ok: true, document: result.document, conflicts: merger.conflicts, repairs };
}
