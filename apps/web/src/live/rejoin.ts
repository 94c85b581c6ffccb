/**
 * Opening an edit link with live edits the server never acknowledged (pendingStore.ts): the link
 * rejoins the live session and the session applies them again, so they merge with what the others
 * did meanwhile. When the link no longer opens the design for editing (revoked, expired, now view
 * only), the edits cannot be merged: they are kept and offered as a design file (UnsavedEdits.tsx).
 */
import { create } from 'zustand';
import type { TopologyDocument } from '@viplane/model';
import { deletePending, readPending, type PendingEdits } from './pendingStore.ts';

export interface UnsavedEditsState {
  /** The edits that could not rejoin their session, with the link they were made through. */
  stranded: { keys: string[]; document: TopologyDocument | null; count: number; savedAt: number } | null;
}

export const useUnsavedEdits = create<UnsavedEditsState>()(() => ({ stranded: null }));

/** The edit link's pending updates, if it has any. */
export async function pendingEdits(link: { id: string; token: string; scope: string }): Promise<PendingEdits | undefined> {
  return link.scope === 'edit' ? readPending(link.id, link.token) : undefined;
}

/** The edits cannot go back to the server: say so where the link is explained, with a download. */
export function strand(pending: PendingEdits): void {
  useUnsavedEdits.setState({
    stranded: { keys: pending.keys, document: pending.document, count: pending.updates.length, savedAt: pending.savedAt },
  });
}

/** The user let the stranded edits go (after downloading them, or not wanting them). */
export async function discardStranded(): Promise<void> {
  const s = useUnsavedEdits.getState().stranded;
  if (!s) return;
  await deletePending(s.keys);
  useUnsavedEdits.setState({ stranded: null });
}
