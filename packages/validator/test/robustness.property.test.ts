/**
 * Issue 11 §1: no rule, query or trace throws on a document that passed restore(). fast-check edits the
 * templates' address-like fields (found by walking the document, see generators/mutate.ts) with the
 * adversarial strings, nulls and re-pointed references, and every rule runs on the result: nothing may
 * throw, and no `internal/*` diagnostic (a rule the engine caught throwing) may appear.
 */
import fc from 'fast-check';
import type { TopologyDocument } from '@viplane/model';
import { describe, expect, it } from 'vitest';
import { lower, trace, tracePath, validate, ValidationSession, type TraceEndpoint } from '../src/index.ts';
import { ADVERSARIAL, TEMPLATE_DOCS, applyEdits, fieldSites, type Edit } from './generators/mutate.ts';

/** The reported crash's values, and an IPv6 address where IPv4 is expected. */
const EXHAUSTIVE = ['', '1.2.3', '::1'] as const;

const edit: fc.Arbitrary<Edit> = fc.record({
  site: fc.nat(10_000),
  how: fc.constantFrom(0, 0, 0, 1, 2, 3),
  pick: fc.nat(10_000),
});

const design = fc.record({ template: fc.nat(TEMPLATE_DOCS.length - 1), edits: fc.array(edit, { minLength: 1, maxLength: 8 }) });

function internal(doc: TopologyDocument): string[] {
  return validate(doc)
    .filter((d) => d.ruleId.startsWith('internal/'))
    .map((d) => `${String(d.data.rule)}: ${String(d.data.error)}`);
}

describe('robustness: every rule and trace on adversarial schema-valid designs', () => {
  it('empty, malformed, IPv6 and null in each address-like field of each template: no internal failure', () => {
    // Exhaustive over one edit (about 1,000 fields x 4 values); the random property below covers the other strings.
    const picks = EXHAUSTIVE.map((v) => ADVERSARIAL.indexOf(v));
    for (const { id, doc } of TEMPLATE_DOCS) {
      const sites = fieldSites(doc).length;
      for (let site = 0; site < sites; site++)
        for (const pick of [...picks, -1]) {
          const how = pick < 0 ? 1 : 0;
          const { doc: edited, applied } = applyEdits(doc, [{ site, how, pick: Math.max(pick, 0) }]);
          if (applied === 0) continue;
          expect(internal(edited), `${id} site ${site} value ${how === 1 ? 'null' : JSON.stringify(ADVERSARIAL[pick])}`).toEqual([]);
        }
    }
  }, 60_000);

  it('random combinations of edits: validate(), trace(), tracePath() and the incremental session never throw', () => {
    fc.assert(
      fc.property(design, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...ADVERSARIAL)), { maxLength: 6 }), (d, pairs) => {
        const { doc } = applyEdits(TEMPLATE_DOCS[d.template]!.doc, d.edits);
        expect(internal(doc)).toEqual([]);
        const model = lower(doc);
        const ids = doc.elements.map((e) => e.id);
        for (const [a, b, text] of pairs) {
          const from: TraceEndpoint = { elementId: ids[a % ids.length]! };
          const to: TraceEndpoint = b % 3 === 0 ? { address: text } : { elementId: ids[b % ids.length]! };
          const result = trace(model, from, to);
          expect(typeof result.delivered).toBe('boolean');
          trace(model, { address: text }, from);
          // The surfaces' trace through load balancers: same endpoints, never a throw.
          const path = tracePath(model, from, to);
          expect(typeof path.delivered).toBe('boolean');
          expect(path.legs.length).toBeGreaterThan(0);
          tracePath(model, { address: text }, from);
        }
        // The app's worker path: a session on the template takes the edits incrementally, then refreshes.
        const base = TEMPLATE_DOCS[d.template]!.doc;
        const session = new ValidationSession(base);
        session.apply(doc, changedIds(base, doc));
        expect(session.diagnostics.filter((x) => x.ruleId.startsWith('internal/'))).toEqual([]);
        session.refresh();
        expect(session.diagnostics.filter((x) => x.ruleId.startsWith('internal/'))).toEqual([]);
      }),
      { numRuns: 400, seed: 20261207 },
    );
  }, 60_000);
});

/** Elements and links whose JSON differs: what the app tells the session an edit changed. */
function changedIds(a: TopologyDocument, b: TopologyDocument): string[] {
  const out: string[] = [];
  b.elements.forEach((el, i) => {
    if (JSON.stringify(el) !== JSON.stringify(a.elements[i])) out.push(el.id);
  });
  b.links.forEach((l, i) => {
    if (JSON.stringify(l) !== JSON.stringify(a.links[i])) out.push(l.id);
  });
  return out;
}
