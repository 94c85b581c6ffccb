/** Runs every rule over one lowered document and returns the diagnostics in a stable order. */
import type { TopologyDocument } from '@viplane/model';
import { lower } from '../l3/lower.ts';
import type { L3Model } from '../l3/model.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostic.ts';
import type { Rule } from './rule.ts';
import { ruleFailed } from './ruleFailed.ts';

export interface ValidateOptions {
  /** Run only these rule ids (all when absent). */
  only?: readonly string[];
}

/**
 * Each rule runs on its own: one that throws loses its findings to one `internal/rule-failed`
 * diagnostic, and every other rule's findings are still returned (defence in depth behind
 * lower()'s "malformed is null" contract; a bug in one rule must not blank the canvas).
 */
export function runRules(model: L3Model, rules: readonly Rule[], options: ValidateOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (options.only && !options.only.includes(rule.meta.id)) continue;
    const { id, severity } = rule.meta;
    const before = out.length;
    try {
      rule.check({
        model,
        report: (r) =>
          out.push({
            ruleId: id,
            severity: r.severity ?? severity,
            message: r.message,
            data: r.data ?? {},
            targets: r.targets,
            ...(r.suggestions && r.suggestions.length > 0 ? { suggestions: r.suggestions } : {}),
          }),
      });
    } catch (error) {
      // Partial findings of a failed run may be wrong or incomplete: the failure stands for all of them.
      out.length = before;
      out.push(ruleFailed(id, error));
    }
  }
  return out.sort(compareDiagnostics);
}

export function validateWith(document: TopologyDocument, rules: readonly Rule[], options?: ValidateOptions): Diagnostic[] {
  let model: L3Model;
  try {
    model = lower(document);
  } catch (error) {
    // Without a model no rule can run: one finding says so instead of an exception.
    return [ruleFailed('lower', error)];
  }
  return runRules(model, rules, options);
}
