/**
 * Diagnostics introduced and resolved between two versions of a design. A diagnostic is the same
 * finding in both when its rule and its targets are the same: a message that changed because an
 * element was renamed is still the same problem, not one resolved and one introduced.
 */
import type { Diagnostic } from './engine/diagnostic.ts';

export interface DiagnosticsDiff {
  /** In `after` only. */
  introduced: Diagnostic[];
  /** In `before` only. */
  resolved: Diagnostic[];
  /** How many findings are in both. */
  unchanged: number;
}

function findingKey(d: Diagnostic): string {
  const targets = d.targets.map((t) => `${t.kind}:${t.id}`).sort();
  return `${d.ruleId}|${targets.join(',')}`;
}

export function diffDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[]): DiagnosticsDiff {
  // A multiset: a rule may report the same targets twice (two duplicate addresses on one pair).
  const remaining = new Map<string, Diagnostic[]>();
  for (const d of before) {
    const key = findingKey(d);
    const list = remaining.get(key);
    if (list) list.push(d);
    else remaining.set(key, [d]);
  }
  const introduced: Diagnostic[] = [];
  let unchanged = 0;
  for (const d of after) {
    const match = remaining.get(findingKey(d));
    if (match?.length) {
      match.shift();
      unchanged++;
    } else introduced.push(d);
  }
  const resolved = [...remaining.values()].flat();
  return { introduced, resolved, unchanged };
}
