/** Modal dialogs: templates, share, export, routing view, shortcuts, delete confirmation, save conflict, load errors. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { kindInfo } from '@viplane/model';
import type { Template } from '@viplane/templates';
import { closeDialog, toast, useUi, type Dialog } from '../store/ui.ts';
import { editor } from '../store/editor.ts';
import { useSession } from '../store/session.ts';
import { deleteNow, loadUnknown, newDocument } from '../store/actions.ts';
import { removalImpact } from '../document/edits.ts';
import { fieldLabel } from '../lib/labels.ts';
import {
  detachFromServer,
  resolveConflictKeepMine,
  resolveConflictSaveAsCopy,
  resolveConflictTakeTheirs,
  saveToServer,
  shareUrl,
} from '../persistence/serverSync.ts';
import { SHORTCUTS } from '../shortcuts.ts';
import { IconClose } from '../components/icons.tsx';
import { ExportDialog, RoutingView } from './ExportDialogs.tsx';
import { ImportDialog } from '../import/ImportDialog.tsx';

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

export function Modal(props: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  medium?: boolean;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeDialog();
    };
    window.addEventListener('keydown', onKey);
    ref.current?.querySelector<HTMLElement>('[data-autofocus], button.primary, button.danger, input')?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeDialog()}>
      <div
        className={`dialog${props.wide ? ' wide' : props.medium ? ' medium' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testId}
        ref={ref}
      >
        <div className="dialog-head">
          <div style={{ flex: 1 }}>
            <h2>{props.title}</h2>
            {props.subtitle && <p>{props.subtitle}</p>}
          </div>
          <button className="btn icon" onClick={closeDialog} aria-label="Close">
            <IconClose />
          </button>
        </div>
        <div className="dialog-body">{props.children}</div>
        {props.footer && <div className="dialog-foot">{props.footer}</div>}
      </div>
    </div>
  );
}

function ModalButtons({ confirm, onConfirm, danger }: { confirm: string; onConfirm(): void; danger?: boolean }) {
  return (
    <>
      <button className="btn outline" onClick={closeDialog}>
        Cancel
      </button>
      <button className={`btn ${danger ? 'danger' : 'primary'}`} onClick={onConfirm} data-testid="dialog-confirm">
        {confirm}
      </button>
    </>
  );
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
  const open = (t: Template) => {
    if (loadUnknown(t.build(), t.title)) {
      detachFromServer();
      closeDialog();
      toast(`Opened “${t.title}”`, 'success');
    }
  };
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

// ---------------------------------------------------------------- share

function ShareDialog() {
  const server = useSession((s) => s.server);
  const dirty = useSession((s) => s.dirty);
  const saving = useSession((s) => s.saving);
  const viewOnly = useSession((s) => s.viewOnly);
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast(`${what} copied`, 'success');
    } catch {
      toast('Copy failed: select the link and copy it', 'error');
    }
  };
  const viewLink = server?.viewToken ? shareUrl(server.id, 'view', server.viewToken) : null;
  const editLink = server?.editToken ? shareUrl(server.id, 'edit', server.editToken) : null;
  return (
    <Modal title="Share" subtitle="Links carry their token after the #, which browsers never send to a server." testId="dialog-share">
      {!server && (
        <div>
          <p>Save the design to the server to get links. Anyone with a view link sees it read-only, with validation.</p>
          <button className="btn primary" disabled={saving} onClick={() => void saveToServer()} data-testid="share-save">
            {saving ? 'Saving…' : 'Save to server'}
          </button>
        </div>
      )}
      {server && (
        <>
          {dirty && !viewOnly && (
            <div className="field-msg warning" style={{ marginBottom: 10 }}>
              Links show version {server.version}; your latest edits are not saved yet.{' '}
              <button className="link-btn" onClick={() => void saveToServer()}>
                Save now
              </button>
            </div>
          )}
          {viewLink && (
            <>
              <label className="subtle">View link (read-only)</label>
              <div className="share-row">
                <input className="input" readOnly value={viewLink} data-testid="share-view-link" onFocus={(e) => e.target.select()} />
                <button className="btn outline" onClick={() => void copy(viewLink, 'View link')} data-testid="share-copy-view">
                  Copy
                </button>
              </div>
            </>
          )}
          {editLink && (
            <>
              <label className="subtle">Edit link (anyone with it can change the design)</label>
              <div className="share-row">
                <input className="input" readOnly value={editLink} data-testid="share-edit-link" onFocus={(e) => e.target.select()} />
                <button className="btn outline" onClick={() => void copy(editLink, 'Edit link')} data-testid="share-copy-edit">
                  Copy
                </button>
              </div>
            </>
          )}
          <div className="subtle">
            Design <span className="mono">{server.id}</span> · version {server.version}
          </div>
        </>
      )}
    </Modal>
  );
}

// ---------------------------------------------------------------- shortcuts

function ShortcutsDialog() {
  return (
    <Modal title="Keyboard shortcuts" testId="dialog-shortcuts" wide>
      <div className="shortcuts">
        {SHORTCUTS.map((s) => (
          <div key={s.keys}>
            <span>{s.label}</span>
            <span>
              {s.keys.split(' ').map((k) => (
                <span key={k} className="kbd" style={{ marginLeft: 4 }}>
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

// ---------------------------------------------------------------- conflict

function ConflictDialog({ serverVersion }: { serverVersion: number | null }) {
  const mine = useSession((s) => s.server?.version);
  return (
    <Modal
      title="Someone saved this design first"
      subtitle={`You edited version ${mine ?? '?'}; the server now has version ${serverVersion ?? '?'}. Nothing was overwritten.`}
      testId="dialog-conflict"
      medium
      footer={
        <>
          <button className="btn outline" onClick={closeDialog}>
            Decide later
          </button>
          <button className="btn outline" onClick={() => resolveConflictTakeTheirs()} data-testid="conflict-theirs">
            Load version {serverVersion}
          </button>
          <button className="btn outline" onClick={() => void resolveConflictSaveAsCopy()} data-testid="conflict-copy">
            Save mine as a copy
          </button>
          <button className="btn primary" onClick={() => void resolveConflictKeepMine()} data-testid="conflict-mine">
            Keep mine (save over it)
          </button>
        </>
      }
    >
      <ul className="list-plain">
        <li>
          <strong>Keep mine</strong>: your design becomes version {(serverVersion ?? 0) + 1}; theirs stays in the history.
        </li>
        <li>
          <strong>Load version {serverVersion}</strong>: discards your unsaved edits.
        </li>
        <li>
          <strong>Save mine as a copy</strong>: a new design with new links; the shared one is untouched.
        </li>
      </ul>
    </Modal>
  );
}
