/**
 * The save conflict (412): someone saved first. The dialog shows the three-way merge of the
 * version I edited (base), mine and theirs: what the merge takes from their version, and each real
 * conflict field by field with both values. Theirs is kept unless I pick mine for that conflict;
 * saving the merge is the default action.
 */
import { useMemo } from 'react';
import { diffDocuments, type DocumentDiff, type FieldChange, type MergeConflict } from '@viplane/model';
import { validate } from '@viplane/validator';
import { closeDialog } from '../store/ui.ts';
import { useSession } from '../store/session.ts';
import { fieldLabel } from '../lib/labels.ts';
import { choose, currentMerge, saveMerged, useMerge } from '../persistence/conflictMerge.ts';
import { resolveConflictSaveAsCopy, resolveConflictTakeTheirs, saveToServer } from '../persistence/serverSync.ts';
import { Modal } from '../components/Modal.tsx';

export const show = (value: unknown): string => {
  if (value === undefined) return '(deleted)';
  if (value === null) return '(not set)';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

/** A field's label; a path into a list item (`ranges[vip-pool].end`) stays a path, which says which item. */
export function pathLabel(path: string): string {
  const inProps = path.replace(/^props\./, '');
  return inProps.includes('[') ? inProps : fieldLabel(inProps);
}

function where(c: MergeConflict): string {
  const what = c.scope.type === 'document' ? 'Design' : c.scope.type === 'link' ? `Connection ${c.scope.id}` : c.scope.name || c.scope.id;
  const field =
    c.path === ''
      ? c.kind === 'delete-referenced'
        ? 'the element (the other side points at it)'
        : 'the whole element'
      : pathLabel(c.path);
  return `${what} · ${field}`;
}

/** One line per change of a diff, for the dialog's lists. */
function changeLines(d: DocumentDiff): string[] {
  return [
    ...d.document.map((f) => `Design ${fieldText(f)}`),
    ...d.elements.added.map((e) => `Added ${e.name}`),
    ...d.elements.removed.map((e) => `Removed ${e.name}`),
    ...d.elements.changed.flatMap((c) => c.fields.map((f) => `${c.name} · ${fieldText(f)}`)),
    ...d.elements.moved.map((c) => `Moved ${c.name}`),
    ...d.links.added.map((l) => `Added connection ${l.id}`),
    ...d.links.removed.map((l) => `Removed connection ${l.id}`),
    ...d.links.changed.flatMap((c) => c.fields.map((f) => `Connection ${c.id} · ${fieldText(f)}`)),
  ];
}

function fieldText(f: FieldChange) {
  return `${pathLabel(f.path)}: ${show(f.before)} → ${show(f.after)}`;
}

export function ConflictDialog({ serverVersion }: { serverVersion: number | null }) {
  const mineVersion = useSession((s) => s.server?.version);
  const state = useMerge();
  const result = useMemo(() => currentMerge(state), [state]);
  const taken = useMemo(() => (result?.ok && state.mine ? diffDocuments(state.mine, result.document) : null), [result, state.mine]);
  const errors = useMemo(() => (result?.ok ? validate(result.document).filter((d) => d.severity === 'error').length : 0), [result]);
  const takenLines = taken ? changeLines(taken) : [];
  // The merge against their version: what saving it changes in the design they saved.
  const onTheirs = useMemo(
    () => (result?.ok && state.theirs ? changeLines(diffDocuments(state.theirs, result.document)) : []),
    [result, state.theirs],
  );
  const version = serverVersion ?? state.theirsVersion;
  const merged = result?.ok ? result : null;
  return (
    <Modal
      title="Someone saved this design first"
      subtitle={`You edited version ${mineVersion ?? '?'}; the server now has version ${version}. Nothing was overwritten.`}
      testId="dialog-conflict"
      medium
      footer={
        <>
          <button className="btn outline" onClick={closeDialog}>
            Decide later
          </button>
          <button className="btn outline" onClick={() => resolveConflictTakeTheirs()} data-testid="conflict-theirs">
            Load version {version} (drop mine)
          </button>
          <button className="btn outline" onClick={() => void resolveConflictSaveAsCopy()} data-testid="conflict-copy">
            Save mine as a copy
          </button>
          {merged && (
            <button className="btn primary" onClick={() => void saveMerged(saveToServer, takenLines.length)} data-testid="conflict-merge">
              Save the merge
            </button>
          )}
        </>
      }
    >
      {!merged && (
        <p className="field-msg warning">
          The changes cannot be merged here ({state.unavailable ?? (result && !result.ok ? result.errors[0]?.message : 'no base version')}):
          load version {version} or save yours as a copy.
        </p>
      )}
      {merged && (
        <>
          <p data-testid="merge-summary">
            Your changes and version {version} merge into one design
            {merged.conflicts.length === 0
              ? ' with no conflict.'
              : `; ${merged.conflicts.length} conflict${merged.conflicts.length === 1 ? ' needs' : 's need'} a choice (theirs is kept unless you pick yours).`}
            {errors > 0 && ` The merged design has ${errors} validation error${errors === 1 ? '' : 's'}.`}
          </p>
          {merged.conflicts.length > 0 && (
            <ul className="merge-list" aria-label="Conflicts" data-testid="merge-conflicts">
              {merged.conflicts.map((c) => (
                <li key={c.id}>
                  <fieldset style={{ border: 0, margin: 0, padding: 0, flex: 1 }}>
                    <legend>
                      <strong>{where(c)}</strong>
                    </legend>
                    <div className="merge-values">
                      <label>
                        <input type="radio" name={c.id} checked={c.chosen === 'theirs'} onChange={() => choose(c.id, 'theirs')} /> Keep
                        theirs
                      </label>
                      <span className="mono">{show(c.theirs)}</span>
                      <label>
                        <input type="radio" name={c.id} checked={c.chosen === 'mine'} onChange={() => choose(c.id, 'mine')} /> Use mine
                      </label>
                      <span className="mono">{show(c.mine)}</span>
                    </div>
                  </fieldset>
                </li>
              ))}
            </ul>
          )}
          <p>
            <strong>Taken from version {version}</strong> ({takenLines.length}):
          </p>
          <ul className="list-plain" aria-label={`Taken from version ${version}`} data-testid="merge-taken">
            {takenLines.slice(0, 30).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
            {takenLines.length > 30 && <li className="subtle">… and {takenLines.length - 30} more</li>}
          </ul>
          <p>
            <strong>Changes the merge makes to version {version}</strong> ({onTheirs.length}):
          </p>
          <ul className="list-plain" aria-label={`Changes to version ${version}`} data-testid="merge-on-theirs">
            {onTheirs.slice(0, 30).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
            {onTheirs.length > 30 && <li className="subtle">… and {onTheirs.length - 30} more</li>}
          </ul>
          {merged.repairs.length > 0 && <p className="subtle">{merged.repairs.length} reference(s) to deleted elements are cleared.</p>}
        </>
      )}
    </Modal>
  );
}
