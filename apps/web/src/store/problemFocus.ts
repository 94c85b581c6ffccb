/**
 * From a problem to its fix: a click on a finding selects what it is about, switches the right panel
 * to Inspect and focuses the field at fault (the diagnostic's `target.field`); a quick fix is applied
 * as one edit, so one undo brings the finding back.
 */
import { applyEdit, StaleEditError, type Diagnostic, type Suggestion, type Target } from '@viplane/validator';
import { canvasTargets, nestedOwners } from './diagnostics.ts';
import { editor } from './editor.ts';
import { focusElements } from './actions.ts';
import { toast, useUi } from './ui.ts';
import { findFieldInput } from '../panels/inspector/fieldIds.ts';

/** The first target that names its field, if any. */
export function fieldTarget(d: Diagnostic): (Target & { field: string }) | undefined {
  return d.targets.find(
    (t): t is Target & { field: string } =>
      typeof t.field === 'string' && (t.kind === 'link' || editor().doc.elements.some((e) => e.id === t.id)),
  );
}

export function focusProblem(d: Diagnostic): void {
  const doc = editor().doc;
  let owners: Map<string, string> | undefined;
  focusElements(
    canvasTargets(d, () => (owners ??= nestedOwners(doc))),
    'problem',
  );
  const at = fieldTarget(d);
  if (at) {
    // The inspector shows what is selected: the interface for a link's field, else the element.
    if (at.kind === 'link') editor().select([], [`link:${at.id}`]);
    else editor().select([at.id], []);
  }
  useUi.setState({ rightTab: 'inspect' });
  if (at) focusFieldSoon(at.id, at.field);
}

/** Focuses the field once the inspector has rendered it (a few frames at most). */
function focusFieldSoon(ownerId: string, field: string, frames = 12): void {
  const input = findFieldInput(document, ownerId, field);
  if (input) {
    input.focus();
    input.scrollIntoView({ block: 'nearest' });
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusFieldSoon(ownerId, field, frames - 1));
}

/** Applies a quick fix as one undo step; false (with a toast) when the design changed under it. */
export function applySuggestion(s: Suggestion): boolean {
  try {
    const changed = editor().edit((doc) => applyEdit(doc, s.edit));
    if (changed) toast(`Fixed: ${s.title}`, 'success');
    return changed;
  } catch (error) {
    if (error instanceof StaleEditError) {
      toast(`${error.message}; validation will offer a fresh fix`, 'error');
      return false;
    }
    throw error;
  }
}
