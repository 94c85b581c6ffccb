/**
 * A live session's pending log (pendingLog.ts) written through to IndexedDB (pendingStore.ts) under
 * a record of its own (one per session: two tabs on one link keep theirs apart).
 */
import { editor } from '../store/editor.ts';
import { useSession } from '../store/session.ts';
import { PendingLog } from './pendingLog.ts';
import { PendingWriter, linkKey, type PendingEdits } from './pendingStore.ts';

export function keepPending(designId: string, token: string, restored?: PendingEdits): { log: PendingLog; adoptRestored(): void } {
  const session = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const writer = new PendingWriter(
    linkKey(designId, token).then((link) => `${link}/${session}`),
    designId,
    () => editor().doc,
  );
  const log = new PendingLog(restored?.updates, (updates) => {
    writer.save(updates);
    // An edit made offline is unsaved too (the session marks only those it sends).
    if (updates.length > 0 && !useSession.getState().dirty) useSession.setState({ dirty: true });
  });
  return {
    log,
    // The restored updates are this session's now: kept under its record, and the records they came from let go.
    adoptRestored: () => {
      if (!restored) return;
      writer.adopt(restored.keys, restored.document);
      writer.save(log.updates());
    },
  };
}
