/**
 * Boot: load the document (share link, else the local autosave, else empty; always through
 * restore()), then start the validation worker and autosave, then render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restore } from '@viplane/model';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App.tsx';
import { queryClient } from './comments/queries.ts';
import { editor } from './store/editor.ts';
import { newLocalId, useSession } from './store/session.ts';
import { toast, useUi } from './store/ui.ts';
import { rememberRecent } from './persistence/recent.ts';
import { autosaveIdle, readAutosave, startAutosave } from './persistence/autosave.ts';
import { decodeHistory } from './persistence/history.ts';
import { isValidating, useDiagnostics } from './store/diagnostics.ts';
import { openFromFragment, parseFragment } from './persistence/serverSync.ts';
import { startValidation } from './validation/client.ts';
import { startFirstOpenLayout } from './layout/firstOpen.ts';

/** A read-only window into the app for end-to-end tests and support (no way to edit through it). */
declare global {
  interface Window {
    viplane?: {
      document(): unknown;
      diagnostics(): unknown;
      validated(): boolean;
      /** Rules whose shown diagnostics predate the document (the full run is pending). */
      staleRules(): string[];
      autosaved(): Promise<void>;
    };
  }
}
window.viplane = {
  document: () => structuredClone(editor().doc),
  diagnostics: () => structuredClone(useDiagnostics.getState().diagnostics),
  validated: () => !isValidating(useDiagnostics.getState()),
  staleRules: () => [...useDiagnostics.getState().stale],
  autosaved: () => autosaveIdle(),
};

async function boot() {
  document.documentElement.dataset['theme'] = useUi.getState().theme;
  const local = await readAutosave();
  const link = parseFragment(location.hash);
  const localId = local?.localId ?? newLocalId();
  let opened = false;
  if (link) {
    // The design open before the link keeps its place in Recent designs (it is not replaced silently).
    if (local && local.doc.elements.length > 0 && local.server?.id !== link.id) {
      await rememberRecent({
        localId,
        name: local.doc.name,
        editedAt: local.savedAt,
        elementCount: local.doc.elements.length,
        server: local.server,
        dirty: local.dirty,
        doc: local.doc,
        ...(local.history ? { history: local.history } : {}),
      }).catch(() => undefined);
      useSession.setState({ localId: newLocalId() });
      opened = await openFromFragment(link, local);
      if (opened) toast(`Your previous design “${local.doc.name}” is in Recent designs.`, 'info', 8000);
    } else {
      if (local) useSession.setState({ localId });
      opened = await openFromFragment(link, local);
    }
  }
  if (!opened && local) {
    const r = restore(local.doc);
    if (r.ok) {
      editor().load(r.document);
      // The undo history saved with it: every step passes restore() too (history.ts).
      const h = decodeHistory(r.document, local.history);
      editor().restoreHistory(h.undo, h.redo);
      useSession.setState({ server: local.server, dirty: local.dirty, localId });
    }
  }
  startValidation();
  startFirstOpenLayout();
  // A view link never overwrites the local autosave (it is someone else's design).
  if (!useSession.getState().viewOnly) startAutosave();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void boot();
