/**
 * The main thread <-> validation worker protocol. The worker keeps its own copy of the
 * document; after the first `load` the main thread only sends deltas (performance.md §2.9,
 * §5.2: posting a 10k-object document costs 18 ms, a delta 0.2 ms round trip).
 *
 * Deltas are computed by identity (`===`) thanks to structural sharing in document/edits.ts,
 * so they cover every way the document changes (edits, undo/redo, paste) with one function.
 */
import type { Element, Link, TopologyDocument } from '@viplane/model';
import { SCHEMA_VERSION } from '@viplane/model';
import type { DesignFlow, Diagnostic, PathTrace, RuleMeta, TraceEndpoint } from '@viplane/validator';

export type DocMeta = Pick<TopologyDocument, 'schemaVersion' | 'name' | 'description' | 'environment' | 'origin'>;

export interface DocDelta {
  meta?: DocMeta;
  upsertElements?: Element[];
  removeElements?: string[];
  upsertLinks?: Link[];
  removeLinks?: string[];
  /** Element ids in document order, sent only when the order changed beyond appends/removals. */
  order?: string[];
  /** Link ids in document order, likewise. */
  linkOrder?: string[];
  /** False when only positions changed: the worker updates its copy without re-validating. */
  affectsValidation: boolean;
}

export type ToWorker =
  | { type: 'load'; rev: number; doc: TopologyDocument }
  | { type: 'delta'; rev: number; delta: DocDelta }
  | { type: 'trace'; requestId: number; from: TraceEndpoint; to: TraceEndpoint }
  /** The design's flows (designFlows) on the worker's current copy of the document. */
  | { type: 'flows'; requestId: number };

export type RuleInfo = Pick<RuleMeta, 'id' | 'severity' | 'category' | 'description' | 'docs' | 'seeds'>;

export type FromWorker =
  | { type: 'ready'; rules: RuleInfo[] }
  | {
      type: 'diagnostics';
      rev: number;
      /** Every current diagnostic, in validate()'s order. */
      diagnostics: Diagnostic[];
      /**
       * Rule ids whose diagnostics (included above) come from an earlier revision: the answer to an
       * edit re-ran only the incremental rules; a full run for the same or a later rev follows.
       * Empty for a full run.
       */
      stale: string[];
      ms: number;
      elements: number;
    }
  | { type: 'trace'; requestId: number; result: PathTrace }
  | { type: 'flows'; requestId: number; flows: DesignFlow[] }
  | { type: 'error'; rev: number; message: string };

function metaOf(doc: TopologyDocument): DocMeta {
  const meta: DocMeta = { schemaVersion: doc.schemaVersion, name: doc.name, description: doc.description, environment: doc.environment };
  if (doc.origin !== undefined) meta.origin = doc.origin;
  return meta;
}

/** What changed from `prev` to `next`; `null` when nothing did. */
export function diffDocuments(prev: TopologyDocument, next: TopologyDocument): DocDelta | null {
  if (prev === next) return null;
  const delta: DocDelta = { affectsValidation: false };
  if (
    prev.name !== next.name ||
    prev.description !== next.description ||
    prev.environment !== next.environment ||
    prev.origin !== next.origin ||
    prev.schemaVersion !== next.schemaVersion
  ) {
    delta.meta = metaOf(next);
    delta.affectsValidation = true;
  }
  if (prev.elements !== next.elements) diffElements(prev.elements, next.elements, delta);
  if (prev.links !== next.links) {
    const { upserts, removes, reordered } = diffById(prev.links, next.links);
    if (upserts.length) delta.upsertLinks = upserts;
    if (removes.length) delta.removeLinks = removes;
    if (reordered) delta.linkOrder = next.links.map((l) => l.id);
    if (upserts.length || removes.length || reordered) delta.affectsValidation = true;
  }
  const empty =
    !delta.meta &&
    !delta.upsertElements &&
    !delta.removeElements &&
    !delta.upsertLinks &&
    !delta.removeLinks &&
    !delta.order &&
    !delta.linkOrder;
  return empty ? null : delta;
}

function diffElements(prev: readonly Element[], next: readonly Element[], delta: DocDelta) {
  const { upserts, removes, reordered } = diffById(prev, next);
  if (upserts.length) delta.upsertElements = upserts;
  if (removes.length) delta.removeElements = removes;
  if (reordered) delta.order = next.map((e) => e.id);
  if (removes.length || reordered) delta.affectsValidation = true;
  const prevById = upserts.length ? new Map(prev.map((e) => [e.id, e])) : undefined;
  for (const el of upserts) {
    const before = prevById!.get(el.id);
    // A moved element shares kind, name, notes and props with its former self.
    if (!before || before.props !== el.props || before.name !== el.name || before.kind !== el.kind) {
      delta.affectsValidation = true;
      break;
    }
  }
}

/**
 * Items that are new or replaced, ids that are gone, and whether the surviving order differs
 * from "old order minus removals plus appends". Fast path: a parallel walk while ids line up.
 */
function diffById<T extends { id: string }>(
  prev: readonly T[],
  next: readonly T[],
): { upserts: T[]; removes: string[]; reordered: boolean } {
  const upserts: T[] = [];
  let i = 0;
  const n = Math.min(prev.length, next.length);
  while (i < n && prev[i]!.id === next[i]!.id) {
    if (prev[i] !== next[i]) upserts.push(next[i]!);
    i++;
  }
  if (i === prev.length && i === next.length) return { upserts, removes: [], reordered: false };
  // Slow path from the first misalignment on.
  const prevIds = new Map<string, T>();
  for (let j = i; j < prev.length; j++) prevIds.set(prev[j]!.id, prev[j]!);
  const nextIds = new Set<string>();
  for (let j = i; j < next.length; j++) {
    const item = next[j]!;
    nextIds.add(item.id);
    if (prevIds.get(item.id) !== item) upserts.push(item);
  }
  const removes: string[] = [];
  for (const id of prevIds.keys()) if (!nextIds.has(id)) removes.push(id);
  // Survivors must keep their relative order and come before the appended items.
  let reordered = false;
  const survivorsInPrev: string[] = [];
  for (let j = i; j < prev.length; j++) if (nextIds.has(prev[j]!.id)) survivorsInPrev.push(prev[j]!.id);
  let k = 0;
  for (let j = i; j < next.length; j++) {
    const id = next[j]!.id;
    if (!prevIds.has(id)) {
      if (k < survivorsInPrev.length) reordered = true; // an insert before surviving items
      continue;
    }
    if (survivorsInPrev[k] !== id) reordered = true;
    k++;
  }
  return { upserts, removes, reordered };
}

/** The worker side: a document kept up to date by deltas, in document order. */
export class DocumentReplica {
  private meta: DocMeta = { schemaVersion: SCHEMA_VERSION, name: '', description: '', environment: 'lab' };
  private elements = new Map<string, Element>();
  private links = new Map<string, Link>();
  private cached: TopologyDocument | undefined;

  load(doc: TopologyDocument) {
    this.meta = metaOf(doc);
    this.elements = new Map(doc.elements.map((e) => [e.id, e]));
    this.links = new Map(doc.links.map((l) => [l.id, l]));
    this.cached = undefined;
  }

  apply(delta: DocDelta) {
    if (delta.meta) this.meta = delta.meta;
    for (const id of delta.removeElements ?? []) this.elements.delete(id);
    for (const el of delta.upsertElements ?? []) this.elements.set(el.id, el);
    if (delta.order) {
      const reordered = new Map<string, Element>();
      for (const id of delta.order) {
        const el = this.elements.get(id);
        if (el) reordered.set(id, el);
      }
      this.elements = reordered;
    }
    for (const id of delta.removeLinks ?? []) this.links.delete(id);
    for (const l of delta.upsertLinks ?? []) this.links.set(l.id, l);
    if (delta.linkOrder) {
      const reordered = new Map<string, Link>();
      for (const id of delta.linkOrder) {
        const l = this.links.get(id);
        if (l) reordered.set(id, l);
      }
      this.links = reordered;
    }
    this.cached = undefined;
  }

  get document(): TopologyDocument {
    this.cached ??= { ...this.meta, elements: [...this.elements.values()], links: [...this.links.values()] };
    return this.cached;
  }
}
