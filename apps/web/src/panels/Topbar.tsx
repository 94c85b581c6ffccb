/** The top bar: design name, file and server commands, undo/redo, validation and save status. */
import { Participants } from '../live/Participants.tsx';
import { useLive } from '../live/store.ts';
import { useStore } from 'zustand';
import { setMeta } from '../document/edits.ts';
import { editor, useEditor } from '../store/editor.ts';
import { openDialog, setTheme, useUi } from '../store/ui.ts';
import { useSession } from '../store/session.ts';
import { isValidating, useDiagnostics } from '../store/diagnostics.ts';
import { pickFile, saveFile } from '../persistence/files.ts';
import { saveToServer } from '../persistence/serverSync.ts';
import { tx } from './inspector/widgets.tsx';
import { editCopy } from '../store/actions.ts';
import { openRoutingView, selectedRoutingHost } from './ExportDialogs.tsx';
import { pickImportFiles } from '../import/importFlow.ts';
import {
  IconCloud,
  IconDownload,
  IconFile,
  IconKeyboard,
  IconMoon,
  IconOpen,
  IconRedo,
  IconShare,
  IconSun,
  IconTemplates,
  IconUndo,
} from '../components/icons.tsx';

export function Topbar() {
  const name = useEditor((s) => s.doc.name);
  const readOnly = useEditor((s) => s.readOnly);
  const commentLink = useSession((s) => Boolean(s.server?.commentToken));
  // While live, undo is the session's per-user undo (live/session.ts), whose stack zundo does not see.
  const live = useLive((s) => s.status !== 'off' && s.status !== 'ended');
  const canUndo = useStore(useEditor.temporal, (s) => s.pastStates.length > 0) || live;
  const canRedo = useStore(useEditor.temporal, (s) => s.futureStates.length > 0) || live;
  const theme = useUi((s) => s.theme);
  return (
    <header className="topbar">
      <div className="brand">
        <div className="brand-mark">V</div>
        Viplane
      </div>
      <input
        className="doc-name"
        value={name}
        disabled={readOnly}
        aria-label="Design name"
        data-testid="doc-name"
        onChange={(e) => editor().edit((d) => setMeta(d, { name: e.target.value }))}
        {...tx('rename design')}
      />
      {readOnly && (
        <>
          <span className="readonly-banner" data-testid="readonly-banner">
            {commentLink ? 'View and comment' : 'View only'}
          </span>
          <button className="btn" onClick={editCopy} title="Make an editable copy in this browser" data-testid="cmd-edit-copy">
            Edit a copy
          </button>
        </>
      )}
      <Participants />
      <div className="sep" />
      {!readOnly && (
        <>
          <button className="btn" onClick={() => openDialog({ type: 'confirm-new' })} title="New design" data-testid="cmd-new">
            <IconFile /> New
          </button>
          <button className="btn" onClick={pickFile} title="Open a topology JSON file (Ctrl+O)" data-testid="cmd-open">
            <IconOpen /> Open
          </button>
          <button
            className="btn"
            onClick={pickImportFiles}
            title="Import TKG cluster configs, AKO values, TKC manifests, acc-provision input (or drop the files on the canvas)"
            data-testid="cmd-import"
          >
            <IconOpen /> Import
          </button>
          <button
            className="btn"
            onClick={() => openDialog({ type: 'recent' })}
            title="Designs opened or made in this browser"
            data-testid="cmd-recent"
          >
            <IconOpen /> Recent
          </button>
          <button
            className="btn"
            onClick={() => openDialog({ type: 'templates' })}
            title="Start from a seed's reference design"
            data-testid="cmd-templates"
          >
            <IconTemplates /> Templates
          </button>
        </>
      )}
      <button
        className="btn"
        onClick={() => saveFile(editor().doc)}
        title="Download as a topology JSON file (Ctrl+Shift+S)"
        data-testid="cmd-save-file"
      >
        <IconDownload /> Save file
      </button>
      <button
        className="btn"
        onClick={() => openDialog({ type: 'export' })}
        title="Deployment bundle, report, address plan, diagram"
        data-testid="cmd-export"
      >
        <IconDownload /> Export
      </button>
      <RoutingButton />
      {!readOnly && (
        <>
          <div className="sep" />
          <button
            className="btn icon"
            disabled={!canUndo}
            onClick={() => editor().undo()}
            title="Undo (Ctrl+Z)"
            data-testid="cmd-undo"
            aria-label="Undo"
          >
            <IconUndo />
          </button>
          <button
            className="btn icon"
            disabled={!canRedo}
            onClick={() => editor().redo()}
            title="Redo (Ctrl+Shift+Z)"
            data-testid="cmd-redo"
            aria-label="Redo"
          >
            <IconRedo />
          </button>
        </>
      )}
      <div className="spacer" />
      <ValidationPill />
      <SaveState />
      {!readOnly && <SaveButton />}
      <button className="btn outline" onClick={() => openDialog({ type: 'share' })} data-testid="cmd-share">
        <IconShare /> Share
      </button>
      <div className="sep" />
      <button
        className="btn icon"
        onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        title="Light / dark (Shift+D)"
        aria-label="Toggle theme"
        data-testid="cmd-theme"
      >
        {theme === 'dark' ? <IconSun /> : <IconMoon />}
      </button>
      <button
        className="btn icon"
        onClick={() => openDialog({ type: 'shortcuts' })}
        title="Keyboard shortcuts (?)"
        aria-label="Keyboard shortcuts"
        data-testid="cmd-shortcuts"
      >
        <IconKeyboard />
      </button>
    </header>
  );
}

function ValidationPill() {
  const counts = useDiagnostics((s) => {
    let e = 0;
    let w = 0;
    for (const d of s.diagnostics) {
      if (d.severity === 'error') e++;
      else if (d.severity === 'warning') w++;
    }
    return `${e}/${w}`;
  });
  const busy = useDiagnostics(isValidating);
  const [errors, warnings] = counts.split('/').map(Number) as [number, number];
  return (
    <button
      className="status-pill"
      onClick={() => useUi.setState({ rightTab: 'problems' })}
      data-testid="validation-pill"
      data-errors={errors}
      data-warnings={warnings}
      data-busy={busy}
      title="Problems (P)"
    >
      <span className={`dot ${busy ? 'busy' : errors ? 'error' : warnings ? 'warning' : 'ok'}`} />
      {errors} error{errors === 1 ? '' : 's'} · {warnings} warning{warnings === 1 ? '' : 's'}
    </button>
  );
}

function SaveState() {
  const server = useSession((s) => s.server);
  const dirty = useSession((s) => s.dirty);
  const autosavedAt = useSession((s) => s.autosavedAt);
  const viewOnly = useSession((s) => s.viewOnly);
  let text = autosavedAt ? 'Saved in this browser' : '';
  if (server) text = `v${server.version}${dirty && !viewOnly ? ' · unsaved changes' : viewOnly ? '' : ' · saved'}`;
  return (
    <span className="save-state" data-testid="save-state" data-version={server?.version ?? ''}>
      {text}
    </span>
  );
}

function SaveButton() {
  const saving = useSession((s) => s.saving);
  return (
    <button
      className="btn primary"
      disabled={saving}
      onClick={() => void saveToServer()}
      title="Save a new version on the server (Ctrl+S)"
      data-testid="cmd-save"
    >
      <IconCloud /> {saving ? 'Saving…' : 'Save'}
    </button>
  );
}

/** Opens the NSX-ALB routing view when the selection is one SE group or HAProxy. */
function RoutingButton() {
  const hostId = useEditor((s) => selectedRoutingHost(s.doc, s.selectedNodes));
  return (
    <button
      className="btn"
      disabled={!hostId}
      onClick={() => hostId && openRoutingView(hostId)}
      title={hostId ? 'Routing view of the selected SE group / HAProxy' : 'Select one SE group or HAProxy to see its routing'}
      data-testid="cmd-routing"
    >
      Routing
    </button>
  );
}
