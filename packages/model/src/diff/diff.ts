/**
 * Semantic diff of two topology documents. Elements and links are matched by their stable ids,
 * so a renamed or moved element is one change, never a delete plus an add. A move (position only)
 * is listed apart from changes of meaning, which is what "did anything change?" asks.
 */
import type { Element, TopologyDocument } from '../schema/document.ts';
import type { Link } from '../schema/link.ts';
import type { Position } from '../schema/common.ts';
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

/** One value that differs. `before`/`after` is `undefined` when the value (or list item) is absent on that side. */
export interface FieldChange {
  /** Display path, e.g. `props.subnet`, `props.ranges[r1].end`, `name`. */
  path: string;
  before: unknown;
  after: unknown;
}

export interface ElementChange {
  id: string;
  kind: Element['kind'];
  /** The name after the change (the one the user sees now). */
  name: string;
  /** Changes of meaning: name, notes, props, unknown marks, extras. Empty for a pure move. */
  fields: FieldChange[];
  /** Set when the element moved on the canvas. */
  moved?: { from: Position; to: Position };
}

export interface LinkChange {
  id: string;
  fields: FieldChange[];
}

export interface DocumentDiff {
  /** Document-level fields: name, description, environment, origin. */
  document: FieldChange[];
  elements: {
    added: Element[];
    removed: Element[];
    /** Elements whose meaning changed (they may have moved too). */
    changed: ElementChange[];
    /** Elements that only moved on the canvas. */
    moved: ElementChange[];
  };
  links: { added: Link[]; removed: Link[]; changed: LinkChange[] };
  /** Anything but layout changed. */
  semantic: boolean;
  /** Nothing changed at all, layout included. */
  identical: boolean;
}

const DOCUMENT_FIELDS = ['name', 'description', 'environment', 'origin'] as const;
/** Element fields that are not meaning: identity and layout. */
const NOT_SEMANTIC = new Set(['id', 'position']);

/**
 * Appends the differences between `a` and `b` to `out`: objects field by field, lists of items
 * with ids item by item, anything else as one value.
 */
export function diffValues(
  a: unknown,
  b: unknown,
  schemaPath: string,
  displayPath: string,
  addresses: AddressFields,
  out: FieldChange[],
): void {
  if (sameValue(a, b, schemaPath, addresses)) return;
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) diffValues(a[key], b[key], childPath(schemaPath, key), childPath(displayPath, key), addresses, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = sharedListKey(a, b);
    if (key) {
      const before = indexBy(a, key);
      const after = indexBy(b, key);
      const itemSchema = `${schemaPath}[]`;
      for (const [id, item] of before) diffValues(item, after.get(id), itemSchema, `${displayPath}[${id}]`, addresses, out);
      for (const [id, item] of after) if (!before.has(id)) out.push({ path: `${displayPath}[${id}]`, before: undefined, after: item });
      return;
    }
  }
  out.push({ path: displayPath, before: a, after: b });
}

/** The semantic field changes of one element (everything but id and position). */
export function elementFieldChanges(a: Element, b: Element): FieldChange[] {
  const out: FieldChange[] = [];
  if (a.kind !== b.kind) {
    out.push({ path: 'kind', before: a.kind, after: b.kind });
    diffValues(a.props, b.props, 'props', 'props', noAddressFields(), out);
  }
  const addresses = elementAddressFields(b.kind);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (NOT_SEMANTIC.has(key) || key === 'kind' || (key === 'props' && a.kind !== b.kind)) continue;
    diffValues((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], key, key, addresses, out);
  }
  return out;
}

export function samePosition(a: Position, b: Position): boolean {
  return a.x === b.x && a.y === b.y;
}

export function diffDocuments(a: TopologyDocument, b: TopologyDocument): DocumentDiff {
  const document: FieldChange[] = [];
  for (const field of DOCUMENT_FIELDS) diffValues(a[field], b[field], field, field, noAddressFields(), document);

  const before = new Map(a.elements.map((el) => [el.id, el]));
  const after = new Map(b.elements.map((el) => [el.id, el]));
  const elements: DocumentDiff['elements'] = { added: [], removed: [], changed: [], moved: [] };
  for (const el of a.elements) if (!after.has(el.id)) elements.removed.push(el);
  for (const el of b.elements) {
    const old = before.get(el.id);
    if (!old) {
      elements.added.push(el);
      continue;
    }
    // One walk for the common case, an element that did not change at all.
    if (old === el || (old.kind === el.kind && sameValue(old, el, '', elementAddressFields(el.kind)))) continue;
    const fields = elementFieldChanges(old, el);
    const moved = samePosition(old.position, el.position) ? undefined : { from: old.position, to: el.position };
    if (fields.length === 0 && !moved) continue;
    const change: ElementChange = { id: el.id, kind: el.kind, name: el.name, fields, ...(moved ? { moved } : {}) };
    (fields.length ? elements.changed : elements.moved).push(change);
  }

  const linksBefore = new Map(a.links.map((l) => [l.id, l]));
  const linksAfter = new Map(b.links.map((l) => [l.id, l]));
  const links: DocumentDiff['links'] = { added: [], removed: [], changed: [] };
  for (const l of a.links) if (!linksAfter.has(l.id)) links.removed.push(l);
  for (const l of b.links) {
    const old = linksBefore.get(l.id);
    if (!old) {
      links.added.push(l);
      continue;
    }
    const fields: FieldChange[] = [];
    diffValues(old, l, '', '', linkAddressFields(), fields);
    if (fields.length) links.changed.push({ id: l.id, fields });
  }

  const semantic =
    document.length > 0 ||
    elements.added.length + elements.removed.length + elements.changed.length > 0 ||
    links.added.length + links.removed.length + links.changed.length > 0;
  return { document, elements, links, semantic, identical: !semantic && elements.moved.length === 0 };
}

/** Counts for a one-line summary ("3 added, 1 removed, 2 changed, 4 moved"). */
export function diffCounts(diff: DocumentDiff) {
  return {
    elementsAdded: diff.elements.added.length,
    elementsRemoved: diff.elements.removed.length,
    elementsChanged: diff.elements.changed.length,
    elementsMoved: diff.elements.moved.length,
    linksAdded: diff.links.added.length,
    linksRemoved: diff.links.removed.length,
    linksChanged: diff.links.changed.length,
    documentFields: diff.document.length,
  };
}
