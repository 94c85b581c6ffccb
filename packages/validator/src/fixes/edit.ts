/**
 * Quick fixes, after ESLint's suggestions (docs/src/extend/custom-rules.md): a rule may attach to a
 * finding a few `{ title, edit }`, where the edit is plain data — set a field, append to a list —
 * addressed by element or link id and a field path (ARCHITECTURE.md "Field paths"). Data rather
 * than a function so a suggestion crosses the Web Worker boundary and the CLI can apply it to a
 * file; the rule computes it, so applying it is deterministic and needs no model.
 */
import type { Element, Link, TopologyDocument } from '@viplane/model';

/** A field of an element (a dotted path into its `props`) or of a link (into the link). */
export interface FieldRef {
  kind: 'element' | 'link';
  id: string;
  field: string;
}

export type EditOp =
  /** Sets the field to `value`. */
  | { op: 'set'; target: FieldRef; value: unknown }
  /** Appends `value` to the list at the field. */
  | { op: 'append'; target: FieldRef; value: unknown };

export interface Suggestion {
  /** What the fix does, with the values: "Set the gateway of dp-data-48 to 192.168.48.1". */
  title: string;
  edit: EditOp[];
}

/** One change an edit makes, for a preview: where, which field, the value before and after. */
export interface EditChange {
  /** The element's name, or `interface <from> → <to>` for a link. */
  where: string;
  field: string;
  before: unknown;
  after: unknown;
}

/** A suggestion that no longer fits the document (it changed since validation). */
export class StaleEditError extends Error {}

type Segment = string | number;

function segments(field: string): Segment[] {
  if (field === '') throw new StaleEditError('Quick fix: an empty field path');
  return field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function readIn(value: unknown, path: readonly Segment[]): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<Segment, unknown>)[k];
  }
  return v;
}

/** Immutable deep set; every step must exist (a fix never invents structure). */
function setIn(value: unknown, path: readonly Segment[], next: unknown, where: string): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [Segment, ...Segment[]];
  if (Array.isArray(value)) {
    if (typeof head !== 'number' || head < 0 || head >= value.length)
      throw new StaleEditError(`Quick fix: ${where} has no item ${String(head)}`);
    const copy = value.slice();
    copy[head] = setIn(value[head], rest, next, where);
    return copy;
  }
  if (value === null || typeof value !== 'object' || !(String(head) in value))
    throw new StaleEditError(`Quick fix: ${where} has no field ${String(head)}`);
  return { ...(value as Record<string, unknown>), [head]: setIn((value as Record<string, unknown>)[String(head)], rest, next, where) };
}

function valueAfter(before: unknown, op: EditOp, where: string): unknown {
  if (op.op === 'set') return op.value;
  if (!Array.isArray(before)) throw new StaleEditError(`Quick fix: ${where} field ${op.target.field} is not a list`);
  return [...before, op.value];
}

function elementIndex(doc: TopologyDocument, id: string): number {
  const i = doc.elements.findIndex((e) => e.id === id);
  if (i < 0) throw new StaleEditError(`Quick fix: element ${id} is no longer in the design`);
  return i;
}

function linkIndex(doc: TopologyDocument, id: string): number {
  const i = doc.links.findIndex((l) => l.id === id);
  if (i < 0) throw new StaleEditError(`Quick fix: interface ${id} is no longer in the design`);
  return i;
}

/** Drops the import's "unknown" marks the edit answers (as the inspector does on an edit). */
function withoutUnknown(el: Element, field: string): Element {
  if (!el.unknown) return el;
  const left = el.unknown.filter((p) => !(p === field || field.startsWith(`${p}.`) || p.startsWith(`${field}.`)));
  if (left.length === el.unknown.length) return el;
  const { unknown: _old, ...rest } = el;
  return (left.length > 0 ? { ...rest, unknown: left } : rest) as Element;
}

/**
 * Applies an edit to a document, immutably: untouched elements and links keep their identity.
 * Throws StaleEditError when a target or field is gone.
 */
export function applyEdit(doc: TopologyDocument, ops: readonly EditOp[]): TopologyDocument {
  let out = doc;
  for (const op of ops) {
    const path = segments(op.target.field);
    if (op.target.kind === 'element') {
      const i = elementIndex(out, op.target.id);
      const el = out.elements[i]!;
      const where = `element ${el.name || el.id}`;
      const props = setIn(el.props, path, valueAfter(readIn(el.props, path), op, where), where);
      const elements = out.elements.slice();
      elements[i] = withoutUnknown({ ...el, props } as Element, op.target.field);
      out = { ...out, elements };
    } else {
      const i = linkIndex(out, op.target.id);
      const link = out.links[i]!;
      const where = `interface ${link.id}`;
      const next = setIn(link, path, valueAfter(readIn(link, path), op, where), where) as Link;
      const links = out.links.slice();
      links[i] = next;
      out = { ...out, links };
    }
  }
  return out;
}

/** What an edit changes, field by field, for the Problems panel's preview and `viplane validate --fix`. */
export function previewEdit(doc: TopologyDocument, ops: readonly EditOp[]): EditChange[] {
  const out: EditChange[] = [];
  for (const op of ops) {
    const path = segments(op.target.field);
    if (op.target.kind === 'element') {
      const el = doc.elements[elementIndex(doc, op.target.id)]!;
      const before = readIn(el.props, path);
      out.push({ where: el.name || el.id, field: op.target.field, before, after: valueAfter(before, op, el.id) });
    } else {
      const link = doc.links[linkIndex(doc, op.target.id)]!;
      const from = doc.elements.find((e) => e.id === link.from);
      const to = doc.elements.find((e) => e.id === link.to);
      const before = readIn(link, path);
      out.push({
        where: `interface ${from?.name ?? link.from} → ${to?.name ?? link.to}`,
        field: op.target.field,
        before,
        after: valueAfter(before, op, link.id),
      });
    }
  }
  return out;
}
