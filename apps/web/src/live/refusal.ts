/**
 * What the live session needs when the server refuses an update of ours (`refused`, then close
 * CLOSE.refused): the message telling the user what was not applied and why, and the per-user undo
 * manager a fresh Y.Doc gets (session.ts resetDoc).
 */
import * as Y from 'yjs';
import { shared, type ServerControl } from '@viplane/sync';
import type { TopologyDocument } from '@viplane/model';

type UpdateRefusal = Extract<ServerControl, { type: 'refused'; what: 'update' }>;

/** Undo for our own changes only (origin `local`), on every shared type of the document. */
export function localUndo(doc: Y.Doc, origin: string): Y.UndoManager {
  const s = shared(doc);
  return new Y.UndoManager([s.meta, s.elements, s.links, s.order, s.linkOrder], {
    trackedOrigins: new Set([origin]),
    captureTimeout: 600,
  });
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * `/elements/4/props/labels` → `“SE group” labels`: the element named as the user knows it (from the
 * document we held, where that index was the same element), then the field.
 */
export function describePath(path: string, doc: TopologyDocument | undefined): string {
  const parts = path.split('/').slice(1);
  const collection = parts[0];
  if ((collection === 'elements' || collection === 'links') && parts[1] !== undefined) {
    const item = doc?.[collection][Number(parts[1])];
    const name = item && 'name' in item && typeof item.name === 'string' ? `“${item.name}”` : `${collection.slice(0, -1)} ${parts[1]}`;
    const field = parts
      .slice(2)
      .filter((p) => p !== 'props')
      .join('.');
    return field ? `${name} ${field}` : name;
  }
  return parts.join('.') || 'the document';
}

/** The toast for a refused update: what (the first reason: field, rule, value) and what happens now. */
export function refusalText(refusal: UpdateRefusal, doc: TopologyDocument | undefined): string {
  const first = refusal.errors[0];
  const why = first ? `${describePath(first.path, doc)}: ${first.message} (${shortJson(first.value)})` : refusal.message;
  const more = refusal.errors.length > 1 ? ` and ${refusal.errors.length - 1} more` : '';
  return `Your last change was not applied — ${why}${more}. The design now shows the shared version.`;
}
