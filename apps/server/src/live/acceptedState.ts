/**
 * The server is authoritative over what a live session's document may become: an update from a
 * participant is tried on a second Y.Doc first, and taken only if the document after it still passes
 * restore() (schema, list limits, references, DOCUMENT_LIMITS) through readDocument(). Yjs cannot take
 * an update back, so the room's own Y.Doc only ever receives updates that passed.
 *
 * The check Y.Doc holds the room's state plus the updates accepted but still being stored (`inflight`):
 * checking and taking are one synchronous step, so two editors adding the last allowed items at once
 * are checked one after the other (the second sees the first) although storing them overlaps.
 *
 * A document that is already invalid (two replicas each accepted one of two additions past a limit at
 * the same moment: each saw a valid document) must not lock everyone out: then an update is taken when
 * it adds no new error (same path and rule, no more errors than before), so editing goes on and an
 * edit that fixes the document is taken.
 *
 * Cost: every update is checked (applied a second time, then the whole document read and restored):
 * measured per rename update, on a busy 2-core machine, 0.5 ms for a 5 KB design and 3.1 ms for 52 KB
 * (applying alone: ~0.01 ms). A cheaper test that looks only at what an update touches would miss what
 * restore() checks across the document (references to a deleted element, a union switching variant,
 * list limits reached by two peers' items), and a partial check is what left every peer stuck before;
 * the whole-document cost stays well inside the 30 updates/s a connection may send. The one exact
 * shortcut: an update that only moves elements (onlyMoves) is not read, drags being most updates.
 * The state before an update is only read again on the refusal path.
 */
import * as Y from 'yjs';
import { readDocument, type RefusalError } from '@viplane/sync';

/** At most this many reasons travel back to the sender (restore() stops at 50). */
const MAX_REASONS = 10;
/** A value in a reason is cut to this many characters of JSON (it can be a whole list or record). */
const MAX_VALUE_CHARS = 200;

function shortValue(value: unknown): unknown {
  const json = JSON.stringify(value);
  return json !== undefined && json.length > MAX_VALUE_CHARS ? `${json.slice(0, MAX_VALUE_CHARS - 1)}…` : value;
}

const finite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);

/**
 * True when a transaction changed nothing but elements' `position` (to `{ x, y }` of finite numbers:
 * exactly what the schema's Position allows), or nothing at all (an update already held, or one still
 * waiting for an update it builds on). Such a change cannot add an error to any document, so the whole
 * read is skipped: drags are most of the updates (one every 50 ms per dragging user), and this keeps
 * them at the cost of one applyUpdate.
 */
export function onlyMoves(changed: Y.Transaction['changed'], elements: Y.Map<unknown>): boolean {
  for (const [type, keys] of changed) {
    if (!(type instanceof Y.Map) || type._item?.parent !== elements || keys.size !== 1 || !keys.has('position')) return false;
    const p = type.get('position') as unknown;
    if (p === null || typeof p !== 'object' || p instanceof Y.AbstractType || Array.isArray(p)) return false;
    const keysOf = Object.keys(p);
    const { x, y } = p as { x?: unknown; y?: unknown };
    if (keysOf.length !== 2 || !finite(x) || !finite(y)) return false;
  }
  return true;
}

export class AcceptedState {
  private check = new Y.Doc();
  private readonly inflight = new Set<Uint8Array>();

  /** `source`: the room's Y.Doc (what is stored). */
  constructor(private readonly source: Y.Doc) {}

  /** Rebuilds the check Y.Doc from the room's state and the accepted updates still being stored. */
  rebuild(): void {
    this.check.destroy();
    this.check = new Y.Doc();
    Y.applyUpdate(this.check, Y.encodeStateAsUpdate(this.source));
    for (const update of this.inflight) Y.applyUpdate(this.check, update);
  }

  /** An update taken without a check: another replica accepted it, or the server wrote it. */
  follow(update: Uint8Array): void {
    Y.applyUpdate(this.check, update);
  }

  /**
   * Tries a participant's update. Undefined when the document after it restores: it then counts as
   * accepted until settle(). Otherwise the reasons (path, message, value), and the update is forgotten.
   */
  tryUpdate(update: Uint8Array): RefusalError[] | undefined {
    let changed: Y.Transaction['changed'] | undefined;
    const spy = (tr: Y.Transaction) => (changed = tr.changed);
    this.check.on('afterTransaction', spy);
    Y.applyUpdate(this.check, update);
    this.check.off('afterTransaction', spy);
    if (changed && onlyMoves(changed, this.check.getMap('elements'))) {
      this.inflight.add(update);
      return undefined;
    }
    const read = readDocument(this.check);
    if (read.ok) {
      this.inflight.add(update);
      return undefined;
    }
    this.rebuild();
    if (this.noWorse(read.errors)) {
      Y.applyUpdate(this.check, update);
      this.inflight.add(update);
      return undefined;
    }
    return read.errors.slice(0, MAX_REASONS).map((e) => ({ path: e.path, message: e.message, value: shortValue(e.value) }));
  }

  /** True when the accepted state is invalid already and `after` adds no error to it (see above). */
  private noWorse(after: readonly { path: string; message: string }[]): boolean {
    const before = readDocument(this.check);
    if (before.ok || after.length > before.errors.length) return false;
    const known = new Set(before.errors.map((e) => `${e.path}\u0000${e.message}`));
    return after.every((e) => known.has(`${e.path}\u0000${e.message}`));
  }

  /** An accepted update was stored and applied to the room's Y.Doc (`stored`), or could not be stored. */
  settle(update: Uint8Array, stored: boolean): void {
    this.inflight.delete(update);
    if (!stored) this.rebuild();
  }

  destroy(): void {
    this.check.destroy();
  }
}
