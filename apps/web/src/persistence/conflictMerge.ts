/**
 * A save conflict (412) merges: the editor's base is the server version it last loaded or saved
 * (read back from the server's history, so it survives a reload), theirs is the current version
 * the 412 carries, mine is the open document. The dialog (panels/ConflictDialog.tsx) shows the
 * three-way merge; each real conflict is decided field by field, theirs unless the user picks mine.
 */
import { create } from 'zustand';
import { mergeDocuments, restore, type MergeResult, type Side, type TopologyDocument } from '@viplane/model';
import { editor } from '../store/editor.ts';
import { useSession } from '../store/session.ts';
import { closeDialog, toast } from '../store/ui.ts';
import { getVersion } from './api.ts';

export interface MergeState {
  base: TopologyDocument | null;
  mine: TopologyDocument | null;
  theirs: TopologyDocument | null;
  theirsVersion: number;
  /** Why there is no merge (base version unreadable): the dialog then offers the plain choices. */
  unavailable: string | null;
  choices: Readonly<Record<string, Side>>;
}

export const useMerge = create<MergeState>()(() => ({
  base: null,
  mine: null,
  theirs: null,
  theirsVersion: 0,
  unavailable: null,
  choices: {},
}));

/** Prepares the merge of `mine` (edited from `baseVersion`) with the server's current document. */
export async function prepareMerge(
  id: string,
  baseVersion: number,
  token: string,
  mine: TopologyDocument,
  current: { version: number; document: unknown },
) {
  const theirs = restore(current.document);
  let base: TopologyDocument | null = null;
  let unavailable: string | null = null;
  try {
    const v = await getVersion(id, baseVersion, token);
    const r = restore(v.document);
    if (r.ok) base = r.document;
    else unavailable = `version ${baseVersion} does not restore`;
  } catch (err) {
    unavailable = `version ${baseVersion} could not be read: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (!theirs.ok) unavailable = `version ${current.version} does not restore`;
  useMerge.setState({ base, mine, theirs: theirs.ok ? theirs.document : null, theirsVersion: current.version, unavailable, choices: {} });
}

export function choose(conflictId: string, side: Side) {
  useMerge.setState((s) => ({ choices: { ...s.choices, [conflictId]: side } }));
}

export function currentMerge(state: MergeState): MergeResult | null {
  if (!state.base || !state.mine || !state.theirs) return null;
  return mergeDocuments(state.base, state.mine, state.theirs, { choices: state.choices });
}

/**
 * Puts the merged document in the editor (one undo step: Ctrl+Z goes back to mine), on top of
 * their version, and saves it.
 */
export async function saveMerged(save: () => Promise<boolean>, takenCount: number): Promise<void> {
  const state = useMerge.getState();
  const result = currentMerge(state);
  const server = useSession.getState().server;
  if (!result?.ok || !server) return;
  editor().edit(() => result.document);
  useSession.setState({ server: { ...server, version: state.theirsVersion } });
  closeDialog();
  if (await save()) {
    const decided = result.conflicts.length;
    toast(
      `Merged with version ${state.theirsVersion}: ${takenCount} change${takenCount === 1 ? '' : 's'} taken from it` +
        (decided ? `, ${decided} conflict${decided === 1 ? '' : 's'} decided` : ''),
      'success',
      6000,
    );
  }
}
