/**
 * Saving to the server with its version number, conflicts (412) with a choice, share links
 * with the tokens in the URL fragment (never sent to the server by the browser, excalidraw
 * style), and opening a design from such a link.
 */
import { restore, type TopologyDocument } from '@viplane/model';
import { editor } from '../store/editor.ts';
import { useSession, type ServerBinding } from '../store/session.ts';
import { closeDialog, openDialog, toast } from '../store/ui.ts';
import { loadUnknown } from '../store/actions.ts';
import { ApiError, createDesign, getDesign, isConflict, linkGone, saveDesign, type ConflictBody, type ShareScope } from './api.ts';
import { decodeHistory } from './history.ts';
import { prepareMerge } from './conflictMerge.ts';
import { liveSession, startLive, stopLive } from '../live/session.ts';
import { pendingEdits, strand } from '../live/rejoin.ts';

export interface FragmentLink {
  id: string;
  token: string;
  scope: ShareScope;
}

/** `#design=<id>&view=<token>`, `&comment=<token>` or `&edit=<token>`. */
export function parseFragment(hash: string): FragmentLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('design');
  const view = params.get('view');
  const edit = params.get('edit');
  const comment = params.get('comment');
  if (!id) return null;
  if (edit) return { id, token: edit, scope: 'edit' };
  if (comment) return { id, token: comment, scope: 'comment' };
  if (view) return { id, token: view, scope: 'view' };
  return null;
}

export function shareUrl(id: string, scope: ShareScope, token: string, origin = location.origin): string {
  return `${origin}/#design=${encodeURIComponent(id)}&${scope}=${encodeURIComponent(token)}`;
}

function setFragment(binding: ServerBinding) {
  if (!binding.editToken) return;
  history.replaceState(null, '', `#design=${encodeURIComponent(binding.id)}&edit=${encodeURIComponent(binding.editToken)}`);
}

/** The open design is no longer the server's (new design, file, template, copy of a view link). */
export function detachFromServer() {
  stopLive();
  useSession.setState({ server: null, dirty: false, viewOnly: false });
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
}

let lastConflict: ConflictBody | null = null;

export async function saveToServer(): Promise<boolean> {
  const session = useSession.getState();
  if (session.viewOnly || session.saving) return false;
  // In a live session the server stores every edit: saving asks it for a version in the history.
  const live = liveSession();
  if (live && live.scope === 'edit') {
    live.saveVersion();
    toast('Version requested from the live session', 'success');
    return true;
  }
  const doc = editor().doc;
  useSession.setState({ saving: true });
  try {
    if (!session.server?.editToken) {
      const created = await createDesign(doc);
      const binding: ServerBinding = {
        id: created.id,
        version: created.version,
        editToken: created.editToken,
        viewToken: created.viewToken,
      };
      useSession.setState({ server: binding, dirty: editor().doc !== doc });
      setFragment(binding);
      toast(`Saved to the server · version ${created.version}`, 'success');
    } else {
      const meta = await saveDesign(session.server.id, session.server.version, session.server.editToken, doc);
      useSession.setState({ server: { ...session.server, version: meta.version }, dirty: editor().doc !== doc });
      // The server makes no version for a save that changes nothing.
      toast(
        meta.version === session.server.version
          ? `No changes since version ${meta.version}: no new version`
          : `Saved · version ${meta.version}`,
        'success',
      );
    }
    return true;
  } catch (err) {
    if (isConflict(err)) {
      lastConflict = err.body;
      const server = session.server!;
      await prepareMerge(server.id, server.version, server.editToken!, doc, {
        version: err.body.currentVersion,
        document: err.body.current.document,
      });
      openDialog({ type: 'conflict', serverVersion: err.body.currentVersion });
    } else toast(`Save failed: ${err instanceof Error ? err.message : String(err)}`, 'error', 6000);
    return false;
  } finally {
    useSession.setState({ saving: false });
  }
}

/** 412: take theirs (my unsaved edits are dropped; undo cannot bring them back). */
export function resolveConflictTakeTheirs() {
  const s = useSession.getState().server;
  if (!s || !lastConflict) return;
  const loaded = loadUnknown(lastConflict.current.document, `Version ${lastConflict.currentVersion}`);
  if (loaded) useSession.setState({ server: { ...s, version: lastConflict.currentVersion }, dirty: false });
  closeDialog();
}

/** 412: keep both (mine becomes a new design with its own links). */
export async function resolveConflictSaveAsCopy() {
  useSession.setState({ server: null });
  closeDialog();
  await saveToServer();
}

/** Opens `#design=…` links. Returns true when the fragment named a design. */
export async function openFromFragment(
  link: FragmentLink,
  local: { doc: TopologyDocument; server: ServerBinding | null; dirty: boolean; history?: unknown; live?: boolean } | undefined,
): Promise<boolean> {
  // Live edits the server never acknowledged (a reload while offline or before the ack): the link
  // rejoins the session with them (live/rejoin.ts), whatever the autosave says.
  const pending = await pendingEdits(link);
  // An edit link to the design we were editing: local unsaved edits win (reload loses nothing).
  // Not after a live session: all it had not sent is in `pending`, the rest is the server's.
  if (!pending && !local?.live && link.scope === 'edit' && local?.server?.id === link.id && local.dirty) {
    const r = restore(local.doc);
    if (r.ok) {
      editor().load(r.document);
      const h = decodeHistory(r.document, local.history);
      editor().restoreHistory(h.undo, h.redo);
      useSession.setState({ server: { ...local.server, editToken: link.token }, dirty: true, viewOnly: false });
      return true;
    }
  }
  try {
    const design = await getDesign(link.id, link.token);
    const readOnly = link.scope !== 'edit' || design.access !== 'edit';
    const loaded = loadUnknown(design.document, 'The shared design', { readOnly });
    if (!loaded) return true;
    useSession.setState({
      server: {
        id: design.id,
        version: design.version,
        editToken: readOnly ? null : link.token,
        viewToken: readOnly && design.access === 'view' ? link.token : (local?.server?.viewToken ?? null),
        commentToken: design.access === 'comment' ? link.token : null,
      },
      dirty: false,
      viewOnly: readOnly,
    });
    // Everyone who opens the design by a link edits (or watches) it live.
    startLive(design.id, link.token, readOnly ? 'view' : 'edit', readOnly ? undefined : pending);
    // Kept for when the link edits again (the download is offered where a link is refused: LinkGone).
    if (pending && readOnly) toast('Your edits made through this link did not reach the server, and it no longer edits this design.', 'error', 10_000);
    else if (pending) {
      const n = pending.updates.length;
      toast(`Rejoined the live session with your ${n === 1 ? 'edit' : `${n} edits`} the server had not received yet`, 'info', 6000);
    }
  } catch (err) {
    const gone = linkGone(err);
    if (gone) {
      if (pending) strand(pending);
      useSession.setState({ goneLink: gone });
      return false;
    }
    const message =
      err instanceof ApiError && err.status === 404
        ? 'This link does not open any design (its address is wrong or incomplete).'
        : String(err instanceof Error ? err.message : err);
    toast(`Could not open the shared design: ${message}`, 'error', 8000);
    return false;
  }
  return true;
}
