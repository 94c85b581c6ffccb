/** The one diagnostic shape every consumer shares (canvas, CLI, API, report). */
import type { ElementKind } from '@viplane/model';
import type { Suggestion } from '../fixes/edit.ts';

export type Severity = 'error' | 'warning' | 'info';

/** What a diagnostic points at: an element, a link, or an item nested in an element. */
export interface Target {
  /** `rule`: a firewall rule or router ACL entry (nested in its firewall / router). */
  kind: ElementKind | 'link' | 'range' | 'route' | 'node' | 'rule';
  id: string;
  /**
   * The field at fault, as a dotted path into the target (ARCHITECTURE.md "Field paths"): for an
   * element, into its `props` (`gateway`, `endpoint.address`, `ranges.2.end`, the same syntax as an
   * element's `unknown` list); for a link, into the link (`address`, `gateway`, `addressMode`).
   */
  field?: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  /** One sentence with the concrete names and addresses. */
  message: string;
  /** The values behind the message, for UIs and tests (addresses, names, counts). */
  data: Record<string, unknown>;
  targets: Target[];
  /**
   * Quick fixes, after ESLint's suggestions: each a title and a pure document edit computed by the
   * rule. Absent when the rule offers none.
   */
  suggestions?: Suggestion[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: severity, rule id, first target, message — so outputs diff cleanly. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    ((a.targets[0]?.id ?? '') < (b.targets[0]?.id ?? '') ? -1 : (a.targets[0]?.id ?? '') > (b.targets[0]?.id ?? '') ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
