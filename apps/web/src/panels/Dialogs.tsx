/** Modal dialogs: templates, share, export, routing view, shortcuts, delete confirmation, save conflict, load errors. */
import { useEffect, useState } from 'react';
import { kindInfo } from '@viplane/model';
import type { Template } from '@viplane/templates';
import { closeDialog, toast, useUi, type Dialog } from '../store/ui.ts';
import { editor } from '../store/editor.ts';
import { useSession } from '../store/session.ts';
import { deleteNow, newDocument, replaceDocument } from '../store/actions.ts';
import { removalImpact } from '../document/edits.ts';
import { fieldLabel } from '../lib/labels.ts';
import { detachFromServer, shareUrl } from '../persistence/serverSync.ts';
import { ShareDialog } from '../share/ShareDialog.tsx';
import { Modal, ModalButtons } from '../components/Modal.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { LOCAL_KEYS, SHORTCUTS } from '../shortcuts.ts';
import { ExportDialog, RoutingView } from './ExportDialogs.tsx';
import { ImportDialog } from '../import/ImportDialog.tsx';
import { deleteRecent, listRecent, type RecentSummary } from '../persistence/recent.ts';
import { openRecent } from '../persistence/openRecent.ts';
import { FindDialog } from '../find/FindDialog.tsx';

export function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  if (!dialog) return null;
  return <DialogView dialog={dialog} />;
}

function DialogView({ dialog }: { dialog: Dialog }) {
  switch (dialog.type) {
    case 'templates':
      return <TemplatesDialog />;
    case 'share':
      return <ShareDialog />;
    case 'shortcuts':
      return <ShortcutsDialog />;
    case 'confirm-delete':
      return <ConfirmDeleteDialog elementIds={dialog.elementIds} linkIds={dialog.linkIds} refEdges={dialog.refEdges} />;
    case 'export':
      return <ExportDialog />;
    case 'import':
      return <ImportDialog />;
    case 'find':
      return <FindDialog />;
    case 'routing':
      return <RoutingView hostId={dialog.hostId} />;
    case 'conflict':
      return <ConflictDialog serverVersion={dialog.serverVersion} />;
    case 'confirm-new':
      return (
        <Modal
          title="Start a new design?"
          testId="dialog-confirm-new"
          footer={<ModalButtons confirm="New design" onConfirm={() => newDocument()} />}
        >
          The current design stays in your browser's history only until you replace it: save it to a file or the server first if you need
          it.
        </Modal>
      );
    case 'confirm-replace':
      return (
        <Modal
          title={`Replace “${editor().doc.name || 'Untitled'}”?`}
          testId="dialog-confirm-replace"
          footer={<ModalButtons confirm={`Open ${dialog.source.replace(/^The /, 'the ')}`} onConfirm={dialog.confirm} />}
        >
          <p data-testid="replace-lost">
            The open design has <strong>{dialog.lost}</strong> (not on the server, not in a file).
          </p>
          <p>
            {dialog.source} opens in its place. The current design stays in <strong>Recent designs</strong>, and Undo (Ctrl+Z) brings it
            back.
          </p>
        </Modal>
      );
    case 'recent':
      return <RecentDialog />;
    case 'load-errors':
      return (
        <Modal
          title={dialog.title}
          testId="dialog-load-errors"
          footer={
            <button className="btn primary" onClick={closeDialog}>
              Close
            </button>
          }
        >
          <p>The file does not match the topology schema. Nothing was changed.</p>
          <ul className="list-plain mono">
            {dialog.errors.slice(0, 20).map((e, i) => (
              <li key={i}>
                <strong>{e.path || '/'}</strong>: {e.message}
              </li>
            ))}
          </ul>
        </Modal>
      );
  }
}

// ---------------------------------------------------------------- templates

function TemplatesDialog() {
  const [list, setList] = useState<readonly Template[] | null>(null);
  useEffect(() => {
    let live = true;
    void import('@viplane/templates').then((m) => live && setList(m.templates));
    return () => {
      live = false;
    };
  }, []);
  const open = (t: Template) =>
    replaceDocument(t.build(), `The template “${t.title}”`, () => {
      detachFromServer();
      toast(`Opened “${t.title}”`, 'success');
    });
  return (
    <Modal
      title="Templates"
      subtitle="The source articles' reference designs, with their real addresses. Each opens as a new design."
      wide
      testId="dialog-templates"
    >
      {!list && <div className="subtle">Loading…</div>}
      <div className="cards">
        {list?.map((t) => (
          <button key={t.id} className="card" onClick={() => open(t)} data-testid={`template-${t.id}`}>
            <span className="seed-badge">Seed {t.seed}</span>
            <h3>{t.title}</h3>
            <p>{t.summary}</p>
          </button>
        ))}
      </div>
    </Modal>
  );
}

// ---------------------------------------------------------------- recent designs

function RecentDialog() {
  const [list, setList] = useState<RecentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const currentId = useSession((s) => s.localId);
  const reload = () => listRecent().then(setList, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  useEffect(() => {
    void reload();
  }, []);
  const remove = async (r: RecentSummary) => {
    await deleteRecent(r.localId);
    await reload();
  };
  return (
    <Modal
      title="Recent designs"
      subtitle="Every design opened or made in this browser, until you delete it."
      medium
      testId="dialog-recent"
    >
      {error && <div className="field-msg error">Recent designs could not be read: {error}</div>}
      {!list && !error && <div className="subtle">Loading…</div>}
      {list?.length === 0 && <p className="subtle">No designs yet.</p>}
      <ul className="recent-list" aria-label="Recent designs">
        {list?.map((r) => (
          <li key={r.localId} className="recent-item" data-testid="recent-item">
            <div className="recent-main">
              <strong>{r.name || 'Untitled'}</strong>
              {r.localId === currentId && <span className="subtle"> (open now)</span>}
              <div className="subtle">
                edited {new Date(r.editedAt).toLocaleString()} · {r.elementCount} element{r.elementCount === 1 ? '' : 's'} ·{' '}
                {r.server ? (
                  <a href={r.server.editToken ? shareUrl(r.server.id, 'edit', r.server.editToken) : '#'}>
                    on the server (version {r.server.version}
                    {r.dirty ? ', with unsaved edits' : ''})
                  </a>
                ) : (
                  'only in this browser'
                )}
              </div>
            </div>
            <button
              className="btn outline"
              disabled={r.localId === currentId}
              onClick={() => void openRecent(r.localId)}
              aria-label={`Open ${r.name || 'Untitled'}`}
            >
              Open
            </button>
            <button
              className="btn outline"
              onClick={() => void remove(r)}
              aria-label={`Delete ${r.name || 'Untitled'} from Recent designs`}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

// ---------------------------------------------------------------- shortcuts

function ShortcutsDialog() {
  return (
    <Modal title="Keyboard shortcuts" testId="dialog-shortcuts" wide>
      <div className="shortcuts">
        {[...SHORTCUTS, ...LOCAL_KEYS].map((s) => (
          <div key={s.keys}>
            <span>{s.label}</span>
            <span>
              {s.keys.split(' ').map((k, i) => (
                <span key={`${k}-${i}`} className="kbd" style={{ marginLeft: 4 }}>
                  {k}
                </span>
              ))}
            </span>
          </div>
        ))}
      </div>
    </Modal>
  );
}

// ---------------------------------------------------------------- delete

function ConfirmDeleteDialog({ elementIds, linkIds, refEdges }: { elementIds: string[]; linkIds: string[]; refEdges: string[] }) {
  const impact = removalImpact(editor().doc, elementIds, linkIds);
  return (
    <Modal
      title={`Delete ${impact.elements.length === 1 ? impact.elements[0]!.name : `${impact.elements.length} elements`}?`}
      testId="dialog-confirm-delete"
      footer={<ModalButtons confirm="Delete" danger onConfirm={() => deleteNow(elementIds, linkIds, refEdges)} />}
    >
      <ul className="list-plain">
        {impact.elements.map((e) => (
          <li key={e.id}>
            <strong>{e.name}</strong> <span className="subtle">({kindInfo[e.kind].label})</span>
          </li>
        ))}
      </ul>
      {impact.links.length > 0 && (
        <>
          <p>
            <strong>{impact.links.length}</strong> connection{impact.links.length === 1 ? '' : 's'} go
            {impact.links.length === 1 ? 'es' : ''} with {impact.elements.length === 1 ? 'it' : 'them'}:
          </p>
          <ul className="list-plain" data-testid="delete-links">
            {impact.links.map((l) => (
              <li key={l.id}>{l.label}</li>
            ))}
          </ul>
        </>
      )}
      {impact.clearedReferences.length > 0 && (
        <>
          <p>These references will be cleared:</p>
          <ul className="list-plain" data-testid="delete-refs">
            {impact.clearedReferences.map((r, i) => (
              <li key={i}>
                {r.elementName}: {fieldLabel(r.path)} ({r.targetName})
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="subtle">Undo (Ctrl+Z) brings everything back.</p>
    </Modal>
  );
}
