/** Runs every rule over one lowered document and returns the diagnostics in a stable order. */
import type { TopologyDocument } from '@viplane/model';
import { lower } from '../l3/lower.ts';
import type { L3Model } from '../l3/model.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostic.ts';
import type { Rule } from './rule.ts';

export interface ValidateOptions {
  /** Run only these rule ids (all when absent). */
  only?: readonly string[];
}

export function runRules(model: L3Model, rules: readonly Rule[], options: ValidateOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (options.only && !options.only.includes(rule.meta.id)) continue;
    const { id, severity } = rule.meta;
    rule.check({
      model,
      report: (r) => out.push({ ruleId: id, severity: r.severity ?? severity, message: r.message, data: r.data ?? {}, targets: r.targets }),
    });
  }
  return out.sort(compareDiagnostics);
}

export function validateWith(document: TopologyDocument, rules: readonly Rule[], options?: ValidateOptions): Diagnostic[] {
  return runRules(lower(document), rules, options);
}
