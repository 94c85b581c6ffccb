/**
 * Undo history in the autosave, so that it survives a reload. zundo's states are whole documents
 * sharing their unchanged elements and links (structural sharing), so they are stored as a chain
 * of deltas (the validation worker's identity diff): from the current document back through each
 * undo step, and forward through each redo step. A delta holds only the elements and links that
 * differ between two neighbouring steps, so the stored size grows with the edits, not with
 * the number of steps times the design.
 *
 * Reading rebuilds each step from its neighbour, again sharing unchanged objects, and passes every
 * rebuilt document through restore() (design.md: everything loaded does); the chain stops at the
 * first step that does not pass, keeping the steps before it.
 */
import { restore, type TopologyDocument } from '@viplane/model';
import { diffDocuments, DocumentReplica, type DocDelta } from '../validation/protocol.ts';

export const HISTORY_FORMAT = 1;

/**
 * Reading back runs restore() on every step (about 20 ms for 10,000 elements), so the steps kept
 * are bounded by their total size: all of them (zundo keeps 200) for designs of up to about
 * 1,000 elements and links, the latest 17 at 10,000 elements and 13,000 links.
 */
export const HISTORY_WORK = 400_000;
export const MIN_STEPS = 10;

export function persistedSteps(doc: TopologyDocument): number {
  return Math.max(MIN_STEPS, Math.floor(HISTORY_WORK / Math.max(1, doc.elements.length + doc.links.length)));
}

export interface PersistedHistory {
  format: typeof HISTORY_FORMAT;
  /** `undo[0]` turns the current document into the state one undo away, `undo[1]` that into the next, … */
  undo: DocDelta[];
  /** Likewise for redo. */
  redo: DocDelta[];
}

/** Deltas already computed, by the document they start from (the history shifts by one step per edit). */
const cache = new WeakMap<TopologyDocument, { to: TopologyDocument; delta: DocDelta }>();

function step(from: TopologyDocument, to: TopologyDocument): DocDelta {
  const hit = cache.get(from);
  if (hit && hit.to === to) return hit.delta;
  const delta = diffDocuments(from, to) ?? { affectsValidation: false };
  cache.set(from, { to, delta });
  return delta;
}

/**
 * `undo` and `redo` as zundo keeps them: the next undo is the last of `undo`, the next redo the
 * last of `redo`.
 */
export function encodeHistory(
  current: TopologyDocument,
  undo: readonly TopologyDocument[],
  redo: readonly TopologyDocument[],
): PersistedHistory {
  const keep = persistedSteps(current);
  const chain = (states: readonly TopologyDocument[]) => {
    const out: DocDelta[] = [];
    let at = current;
    for (let i = states.length - 1; i >= 0 && out.length < keep; i--) {
      out.push(step(at, states[i]!));
      at = states[i]!;
    }
    return out;
  };
  return { format: HISTORY_FORMAT, undo: chain(undo), redo: chain(redo) };
}

/** The undo and redo states in zundo's order (next one last), each passed through restore(). */
export function decodeHistory(current: TopologyDocument, stored: unknown): { undo: TopologyDocument[]; redo: TopologyDocument[] } {
  if (!isPersistedHistory(stored)) return { undo: [], redo: [] };
  const chain = (deltas: readonly DocDelta[]) => {
    const replica = new DocumentReplica();
    replica.load(current);
    const states: TopologyDocument[] = [];
    for (const delta of deltas) {
      try {
        replica.apply(delta);
      } catch {
        break;
      }
      const r = restore(replica.document);
      if (!r.ok) break;
      states.push(r.document);
    }
    return states.reverse();
  };
  const keep = persistedSteps(current);
  return { undo: chain(stored.undo.slice(0, keep)), redo: chain(stored.redo.slice(0, keep)) };
}

function isPersistedHistory(x: unknown): x is PersistedHistory {
  if (x === null || typeof x !== 'object') return false;
  const h = x as Record<string, unknown>;
  const deltas = (v: unknown) => Array.isArray(v) && v.every((d) => d !== null && typeof d === 'object' && !Array.isArray(d));
  return h['format'] === HISTORY_FORMAT && deltas(h['undo']) && deltas(h['redo']);
}
