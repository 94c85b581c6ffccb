/**
 * Quick fixes over the seeds' known mistakes (a property over every template mutation): applying any
 * suggestion a finding offers gives a document restore() accepts, in which that finding is gone and no
 * new error appears. The fixes the product promises (issue 14) are each offered by some mutation.
 */
import { describe, expect, it } from 'vitest';
import { restore } from '@viplane/model';
import { applyEdit, diffDiagnostics, validate, type Diagnostic } from '@viplane/validator';
import { templates } from '../src/index.ts';

const summarize = (ds: Diagnostic[]) => ds.map((d) => `${d.severity} ${d.ruleId} [${d.targets.map((t) => t.id).join(', ')}] ${d.message}`);
const sameFinding = (a: Diagnostic, b: Diagnostic) =>
  a.ruleId === b.ruleId && a.targets.map((t) => t.id).join(',') === b.targets.map((t) => t.id).join(',');

const cases = templates.flatMap((template) =>
  template.mutations.flatMap((m) => {
    const doc = m.apply(template.build());
    const before = validate(doc);
    return before.flatMap((d) =>
      (d.suggestions ?? []).map((s) => ({ name: `${template.id} / ${m.id} / ${d.ruleId}: ${s.title}`, doc, before, d, s })),
    );
  }),
);
const offered = new Set(cases.map((c) => c.d.ruleId));

describe('every quick fix of every template mutation', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, { doc, before, d, s }) => {
    const fixed = applyEdit(doc, s.edit);
    const restored = restore(JSON.parse(JSON.stringify(fixed)));
    expect(restored.ok, JSON.stringify(restored.ok ? [] : restored.errors)).toBe(true);
    const after = validate(fixed);
    expect(summarize(after.filter((x) => sameFinding(x, d)))).toEqual([]);
    const introduced = diffDiagnostics(before, after).introduced.filter((x) => x.severity === 'error');
    expect(summarize(introduced)).toEqual([]);
  });
});

describe('the promised quick fixes', () => {
  it.each([
    'routing/no-default-gateway',
    'ipam/gateway-outside-subnet',
    'tkg/endpoint-not-on-node-network',
    'ipam/pool-exhausted',
    'ipam/pool-mode-address',
    'ipam/duplicate-ip',
  ])('%s is offered by a template mutation', (ruleId) => {
    expect([...offered]).toContain(ruleId);
  });
});
