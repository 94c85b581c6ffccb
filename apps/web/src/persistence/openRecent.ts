/** Opening a design from Recent designs: its document, server link and slot, as one undo step. */
import { replaceDocument } from '../store/actions.ts';
import { useSession } from '../store/session.ts';
import { toast } from '../store/ui.ts';
import { getRecent } from './recent.ts';
import { autosaveIdle } from './autosave.ts';

export async function openRecent(localId: string): Promise<void> {
  // The open design's latest edits reach its own slot first.
  await autosaveIdle();
  const entry = await getRecent(localId);
  if (!entry) {
    toast('That design is no longer in Recent designs.', 'error');
    return;
  }
  // Its own slot and server link come with it; the design it replaces keeps its slot.
  replaceDocument(
    entry.doc,
    `“${entry.name || 'Untitled'}”`,
    () => {
      useSession.setState({ server: entry.server, dirty: entry.dirty, viewOnly: false });
      if (entry.server?.editToken)
        history.replaceState(null, '', `#design=${encodeURIComponent(entry.server.id)}&edit=${encodeURIComponent(entry.server.editToken)}`);
      else if (location.hash) history.replaceState(null, '', location.pathname + location.search);
      toast(`Opened “${entry.name || 'Untitled'}” from Recent designs`, 'success');
    },
    // Its work is in Recent designs already, and so is the open design's: nothing to lose.
    { ask: false, localId },
  );
}
