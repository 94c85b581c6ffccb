/**
 * The rule contract, after ESLint's: a rule is metadata (with its documentation) plus a
 * check that asks the L3 model questions and reports diagnostics. Rules never mutate.
 */
import type { Diagnostic, Severity, Target } from './diagnostic.ts';
import type { L3Model } from '../l3/model.ts';
import type { Suggestion } from '../fixes/edit.ts';

export type Category =
  'ipam' | 'routing' | 'security' | 'tkg' | 'ako' | 'avi' | 'k8s' | 'nsxt' | 'tkgs' | 'haproxy' | 'supervisor' | 'aci' | 'flows' | 'design' | 'internal';

export interface RuleMeta {
  /** Stable id `category/name` from the catalogue (domain.md §7); never renamed. */
  id: string;
  /** Default severity; a check may report a lower one (e.g. pool usage above 80 %: warning). */
  severity: Severity;
  category: Category;
  /** One line: what the rule finds. */
  description: string;
  /** Markdown: why it matters, how to fix it, citing the seed. Published in RULES.md. */
  docs: string;
  /** The seed articles the rule comes from (e.g. `['000']`); empty for vendor-format facts. */
  seeds: readonly string[];
}

export interface Report {
  message: string;
  targets: Target[];
  data?: Record<string, unknown>;
  severity?: Severity;
  /** Quick fixes for this finding (fixes/edit.ts); leave out when there is none. */
  suggestions?: Suggestion[];
}

export interface RuleContext {
  readonly model: L3Model;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Identity helper that keeps rule literals typed. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

export type { Diagnostic };
