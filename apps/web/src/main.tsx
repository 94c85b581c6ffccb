/**
 * Boot: load the document (share link, else the local autosave, else empty; always through
 * restore()), then start the validation worker and autosave, then render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restore } from '@viplane/model';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { App } from './App.tsx';
import { editor } from './store/editor.ts';
import { useSession } from './store/session.ts';
import { useUi } from './store/ui.ts';
import { autosaveIdle, readAutosave, startAutosave } from './persistence/autosave.ts';
import { decodeHistory } from './persistence/history.ts';
import { isValidating, useDiagnostics } from './store/diagnostics.ts';
import { openFromFragment, parseFragment } from './persistence/serverSync.ts';
import { startValidation } from './validation/client.ts';

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
  let opened = false;
  if (link) opened = await openFromFragment(link, local);
  if (!opened && local) {
    const r = restore(local.doc);
    if (r.ok) {
      editor().load(r.document);
      // The undo history saved with it: every step passes restore() too (history.ts).
      const h = decodeHistory(r.document, local.history);
      editor().restoreHistory(h.undo, h.redo);
      useSession.setState({ server: local.server, dirty: local.dirty });
    }
  }
  startValidation();
  // A view link never overwrites the local autosave (it is someone else's design).
  if (!useSession.getState().viewOnly) startAutosave();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
