/**
 * RuleTester, after ESLint's: each rule's test lists designs that must pass and designs that
 * must fail, with the rule's expected targets. Assertions are on ruleId, severity and targets,
 * never on wording. Every case must also be a valid document (restore() accepts it), so a rule
 * is never tested on input users cannot produce. Imported by tests only (needs vitest).
 */
import { describe, expect, it } from 'vitest';
import { restore, type TopologyDocument } from '@viplane/model';
import { lower } from '../l3/lower.ts';
import { runRules } from '../engine/validate.ts';
import type { Rule } from '../engine/rule.ts';
import type { Diagnostic, Severity } from '../engine/diagnostic.ts';

export interface ValidCase {
  name: string;
  doc: TopologyDocument;
}

export interface ExpectedDiagnostic {
  /** Ids that must all be among the diagnostic's targets (element, link or nested ids). */
  targets: string[];
  severity?: Severity;
  /** Subset of `data` that must match. */
  data?: Record<string, unknown>;
}

export interface InvalidCase {
  name: string;
  doc: TopologyDocument;
  /** Each expected diagnostic must match a distinct reported one; counts must be equal. */
  errors: ExpectedDiagnostic[];
}

export function runRule(rule: Rule, doc: TopologyDocument): Diagnostic[] {
  return runRules(lower(doc), [rule]);
}

export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has documentation', () => {
      expect(rule.meta.description.length).toBeGreaterThan(10);
      expect(rule.meta.docs.length).toBeGreaterThan(80);
    });
    for (const c of cases.valid)
      it(`valid: ${c.name}`, () => {
        assertRestorable(c.doc);
        expect(runRule(rule, c.doc)).toEqual([]);
      });
    for (const c of cases.invalid)
      it(`invalid: ${c.name}`, () => {
        assertRestorable(c.doc);
        const found = runRule(rule, c.doc);
        expect(found.map((d) => d.ruleId).every((id) => id === rule.meta.id)).toBe(true);
        expect(found, JSON.stringify(found, null, 1)).toHaveLength(c.errors.length);
        const unmatched = [...found];
        for (const want of c.errors) {
          const i = unmatched.findIndex(
            (d) =>
              want.targets.every((t) => d.targets.some((x) => x.id === t)) &&
              (want.severity === undefined || d.severity === want.severity) &&
              (want.data === undefined || Object.entries(want.data).every(([k, v]) => JSON.stringify(d.data[k]) === JSON.stringify(v))),
          );
          expect(i, `no diagnostic matches ${JSON.stringify(want)} among ${JSON.stringify(unmatched, null, 1)}`).toBeGreaterThanOrEqual(0);
          unmatched.splice(i, 1);
        }
        for (const d of found) expect(d.message.length).toBeGreaterThan(10);
      });
  });
}

function assertRestorable(doc: TopologyDocument) {
  const r = restore(doc);
  expect(r.ok ? [] : r.errors).toEqual([]);
}
