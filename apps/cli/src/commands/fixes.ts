/**
 * `viplane validate --fix`: applies the validator's quick fixes (packages/validator/src/fixes) to a
 * design until nothing more can be fixed, like `eslint --fix`.
 *
 * Policy:
 * - A finding is fixed only when its fix is unambiguous: it offers exactly one suggestion. When it
 *   offers several (e.g. two addresses to move to), the choice is the user's: it is reported, not made.
 * - A fix is kept only if, validated again, the finding is gone and no new error appeared; otherwise
 *   it is undone and reported with the reason. (A warning a fix brings is kept: the user sees it in
 *   what remains.)
 * - One fix at a time, re-validating after each, since one fix changes what the others should be (a
 *   renumbered gateway moves the router's interface too); to a fixpoint, at most MAX_FIXES applied
 *   and MAX_ATTEMPTS tried, so a rule whose fix keeps coming back cannot loop forever.
 */
import { applyEdit, diffDiagnostics, previewEdit, StaleEditError, validate, type Diagnostic, type EditChange } from '@viplane/validator';
import type { TopologyDocument } from '@viplane/model';

export const MAX_FIXES = 200;
const MAX_ATTEMPTS = 400;

export interface AppliedFix {
  ruleId: string;
  /** The finding's targets (ids). */
  targets: string[];
  title: string;
  changes: EditChange[];
}

export interface SkippedFix {
  ruleId: string;
  targets: string[];
  /** The suggestions' titles (several when the fix is a choice). */
  titles: string[];
  reason: string;
}

export interface FixOutcome {
  document: TopologyDocument;
  applied: AppliedFix[];
  skipped: SkippedFix[];
  /** The findings of the fixed design. */
  diagnostics: Diagnostic[];
  /** The caps stopped the loop before the fixpoint. */
  capped: boolean;
}

/** A finding's identity across validations: rule and targets (as diffDiagnostics compares them). */
const findingKey = (d: Diagnostic) => `${d.ruleId}|${d.targets.map((t) => `${t.kind}:${t.id}`).join(',')}`;
const count = (ds: readonly Diagnostic[], key: string) => ds.filter((d) => findingKey(d) === key).length;
const ids = (d: Diagnostic) => d.targets.map((t) => t.id);

export function fixDesign(document: TopologyDocument, check: (doc: TopologyDocument) => Diagnostic[] = validate): FixOutcome {
  let doc = document;
  let diagnostics = check(doc);
  const applied: AppliedFix[] = [];
  const skipped: (SkippedFix & { key: string })[] = [];
  /** Findings (key + suggestion title) already tried and refused: not tried again. */
  const refused = new Set<string>();
  let attempts = 0;
  for (;;) {
    const candidate = diagnostics.find((d) => d.suggestions?.length === 1 && !refused.has(`${findingKey(d)}|${d.suggestions[0]!.title}`));
    if (!candidate) break;
    if (applied.length >= MAX_FIXES || attempts >= MAX_ATTEMPTS) return finish(doc, diagnostics, applied, skipped, true);
    attempts++;
    const suggestion = candidate.suggestions![0]!;
    const key = findingKey(candidate);
    const refuse = (reason: string) => {
      refused.add(`${key}|${suggestion.title}`);
      skipped.push({ key, ruleId: candidate.ruleId, targets: ids(candidate), titles: [suggestion.title], reason });
    };
    let next: TopologyDocument;
    let changes: EditChange[];
    try {
      changes = previewEdit(doc, suggestion.edit);
      next = applyEdit(doc, suggestion.edit);
    } catch (error) {
      if (!(error instanceof StaleEditError)) throw error;
      refuse(error.message);
      continue;
    }
    const after = check(next);
    const introduced = diffDiagnostics(diagnostics, after).introduced.filter((d) => d.severity === 'error');
    if (introduced.length > 0) {
      refuse(`it would introduce ${introduced.map((d) => `${d.ruleId} (${d.message})`).join('; ')}`);
      continue;
    }
    if (count(after, key) >= count(diagnostics, key)) {
      refuse('the finding is still there after it');
      continue;
    }
    applied.push({ ruleId: candidate.ruleId, targets: ids(candidate), title: suggestion.title, changes });
    doc = next;
    diagnostics = after;
  }
  return finish(doc, diagnostics, applied, skipped, false);
}

function finish(
  doc: TopologyDocument,
  diagnostics: Diagnostic[],
  applied: AppliedFix[],
  refused: readonly (SkippedFix & { key: string })[],
  capped: boolean,
): FixOutcome {
  // A refused fix whose finding a later fix resolved anyway is not worth reporting.
  const open = new Set(diagnostics.map(findingKey));
  const skipped: SkippedFix[] = refused.filter((s) => open.has(s.key)).map(({ key: _key, ...s }) => s);
  // Findings whose fix is a choice: reported with the choices.
  for (const d of diagnostics)
    if ((d.suggestions?.length ?? 0) > 1)
      skipped.push({
        ruleId: d.ruleId,
        targets: ids(d),
        titles: d.suggestions!.map((s) => s.title),
        reason: `${d.suggestions!.length} possible fixes: the choice is yours`,
      });
  return { document: doc, applied, skipped, diagnostics, capped };
}
