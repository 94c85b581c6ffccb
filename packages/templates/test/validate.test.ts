/**
 * The templates against the validator: each reference design is error-free and raises exactly the
 * warnings its seed gives it; each of the seed's known mistakes is caught by its rule, pointing at the
 * mutation's targets. Assertions are on rule ids and targets, never on wording (design.md).
 */
import { describe, expect, it } from 'vitest';
import { validate, type Diagnostic } from '@viplane/validator';
import { templates } from '../src/index.ts';

const summarize = (ds: Diagnostic[]) => ds.map((d) => `${d.severity} ${d.ruleId} [${d.targets.map((t) => t.id).join(', ')}] ${d.message}`);

describe.each(templates.map((t) => [t.id, t] as const))('%s', (_, template) => {
  const clean = validate(template.build());

  it('validates with no errors', () => {
    expect(summarize(clean.filter((d) => d.severity === 'error'))).toEqual([]);
  });

  it("raises exactly the seed's warnings", () => {
    const warnings = [...new Set(clean.filter((d) => d.severity === 'warning').map((d) => d.ruleId))].sort();
    expect(warnings, summarize(clean.filter((d) => d.severity === 'warning')).join('\n')).toEqual([...template.expectedWarnings].sort());
  });

  describe.each(template.mutations.map((m) => [m.id, m] as const))('mutation %s', (_, m) => {
    it(`is caught by ${m.ruleId} with its targets`, () => {
      const found = validate(m.apply(template.build())).filter((d) => d.ruleId === m.ruleId);
      expect(found.length, `${m.ruleId} not reported`).toBeGreaterThan(0);
      const targeted = new Set(found.flatMap((d) => d.targets.map((t) => t.id)));
      const missing = m.targets.filter((t) => !targeted.has(t));
      expect(missing, summarize(found).join('\n')).toEqual([]);
    });

    it(`is not already reported by ${m.ruleId} on the clean design`, () => {
      expect(summarize(clean.filter((d) => d.ruleId === m.ruleId))).toEqual([]);
    });
  });
});
