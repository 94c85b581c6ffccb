/**
 * History panel: the server's versions of the open design (time, who saved it by link label,
 * size). Picking one compares it with the open design: added / changed / moved elements are
 * marked in colour on the canvas, every change is listed beside (click to focus), removed ones
 * are listed only. "Restore this version" makes it the newest version (the server keeps all).
 */
import { useEffect, useState } from 'react';
import { diffDocuments, restore, type DocumentDiff, type TopologyDocument } from '@viplane/model';
import { editor } from '../store/editor.ts';
import { useSession } from '../store/session.ts';
import { toast, useUi, type DiffMark } from '../store/ui.ts';
import { focusElements, replaceDocument } from '../store/actions.ts';
import { getVersion, listVersions, restoreVersion, type VersionMeta } from '../persistence/api.ts';
import { pathLabel, show } from './ConflictDialog.tsx';

interface Picked {
  version: number;
  doc: TopologyDocument;
  diff: DocumentDiff;
}

function marksOf(diff: DocumentDiff): Map<string, DiffMark> {
  const marks = new Map<string, DiffMark>();
  for (const e of diff.elements.added) marks.set(e.id, 'added');
  for (const c of diff.elements.changed) marks.set(c.id, 'changed');
  for (const c of diff.elements.moved) marks.set(c.id, 'moved');
  return marks;
}

const kb = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

export function HistoryPanel() {
  const server = useSession((s) => s.server);
  const token = server?.editToken ?? server?.commentToken ?? server?.viewToken ?? null;
  const [versions, setVersions] = useState<VersionMeta[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);

  useEffect(() => {
    if (!server || !token) return;
    let live = true;
    listVersions(server.id, token).then(
      (v) => live && setVersions(v),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [server?.id, server?.version, token]);

  // Leaving the panel (or the design) stops the comparison.
  useEffect(() => () => useUi.setState({ diffMarks: new Map() }), []);

  if (!server || !token)
    return <p className="subtle">Save the design to the server to keep its versions; each save is one, and nothing is overwritten.</p>;

  const compare = async (v: VersionMeta) => {
    try {
      const found = await getVersion(server.id, v.version, token);
      const r = restore(found.document);
      if (!r.ok) {
        toast(`Version ${v.version} does not restore: ${r.errors[0]?.path} ${r.errors[0]?.message}`, 'error', 6000);
        return;
      }
      const diff = diffDocuments(r.document, editor().doc);
      setPicked({ version: v.version, doc: r.document, diff });
      useUi.setState({ diffMarks: marksOf(diff) });
    } catch (err) {
      toast(`Version ${v.version} could not be read: ${err instanceof Error ? err.message : String(err)}`, 'error', 6000);
    }
  };

  const stop = () => {
    setPicked(null);
    useUi.setState({ diffMarks: new Map() });
  };

  const restoreIt = async (p: Picked) => {
    if (!server.editToken) return;
    try {
      const meta = await restoreVersion(server.id, p.version, server.editToken);
      replaceDocument(
        p.doc,
        `Version ${p.version}`,
        () => {
          useSession.setState({ server: { ...server, version: meta.version }, dirty: false, localId: useSession.getState().localId });
          toast(`Version ${p.version} restored as version ${meta.version}`, 'success');
        },
        { ask: false, localId: useSession.getState().localId },
      );
      setPicked(null);
    } catch (err) {
      toast(`Restore failed: ${err instanceof Error ? err.message : String(err)}`, 'error', 6000);
    }
  };

  const d = picked?.diff;
  return (
    <div data-testid="history-panel">
      {error && <div className="field-msg error">Versions could not be read: {error}</div>}
      {!versions && !error && <div className="subtle">Loading…</div>}
      <ul className="history-list" aria-label="Versions">
        {versions?.map((v) => (
          <li key={v.version} className={picked?.version === v.version ? 'picked' : ''}>
            <button
              className="btn outline"
              onClick={() => void compare(v)}
              aria-label={`Compare version ${v.version} with the open design`}
              aria-pressed={picked?.version === v.version}
            >
              v{v.version}
            </button>
            <div className="recent-main">
              <div>
                {new Date(v.createdAt).toLocaleString()}
                {v.version === server.version && <span className="subtle"> (current)</span>}
              </div>
              <div className="subtle">
                {v.savedBy ? `saved through the link “${v.savedBy.label ?? 'unlabelled'}”` : 'saved by an unknown link'} · {kb(v.size)}
                {v.restoredFrom !== null && ` · restored from v${v.restoredFrom}`}
              </div>
            </div>
          </li>
        ))}
      </ul>
      {picked && d && (
        <section aria-label={`Changes since version ${picked.version}`} data-testid="history-diff" style={{ marginTop: 12 }}>
          <h3 style={{ fontSize: 13, margin: '6px 0' }}>
            Version {picked.version} → the open design {d.identical && '(no change)'}
          </h3>
          <div style={{ display: 'flex', gap: 6, marginBottom: 8 }}>
            {server.editToken && !d.identical && (
              <button className="btn primary" onClick={() => void restoreIt(picked)} data-testid="history-restore">
                Restore this version
              </button>
            )}
            <button className="btn outline" onClick={stop}>
              Stop comparing
            </button>
          </div>
          <ul className="list-plain" aria-label="Changes">
            {d.document.map((f) => (
              <li key={`doc-${f.path}`}>
                <span className="diff-tag changed">changed</span> Design {pathLabel(f.path)}: {show(f.before)} → {show(f.after)}
              </li>
            ))}
            {d.elements.added.map((e) => (
              <li key={`a-${e.id}`}>
                <span className="diff-tag added">added</span>{' '}
                <button className="link-btn" onClick={() => focusElements([e.id])}>
                  {e.name || e.id}
                </button>
              </li>
            ))}
            {d.elements.changed.map((c) => (
              <li key={`c-${c.id}`}>
                <span className="diff-tag changed">changed</span>{' '}
                <button className="link-btn" onClick={() => focusElements([c.id])}>
                  {c.name || c.id}
                </button>
                <span className="subtle">
                  {' '}
                  {c.fields.map((f) => `${pathLabel(f.path)}: ${show(f.before)} → ${show(f.after)}`).join('; ')}
                </span>
              </li>
            ))}
            {d.elements.removed.map((e) => (
              <li key={`r-${e.id}`}>
                <span className="diff-tag removed">removed</span> {e.name || e.id} <span className="subtle">(not on the canvas)</span>
              </li>
            ))}
            {d.elements.moved.map((c) => (
              <li key={`m-${c.id}`}>
                <span className="diff-tag moved">moved</span>{' '}
                <button className="link-btn" onClick={() => focusElements([c.id])}>
                  {c.name || c.id}
                </button>
              </li>
            ))}
            {d.links.added.length + d.links.removed.length + d.links.changed.length > 0 && (
              <li>
                connections: {d.links.added.length} added, {d.links.removed.length} removed, {d.links.changed.length} changed
              </li>
            )}
          </ul>
        </section>
      )}
    </div>
  );
}
