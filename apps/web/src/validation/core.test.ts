import { describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import { validate } from '@viplane/validator';
import { moveElements, removeElements } from '../document/edits.ts';
import { ValidationCore, type Scheduler } from './core.ts';
import { diffDocuments, type FromWorker } from './protocol.ts';

function harness() {
  const out: FromWorker[] = [];
  const timers: (() => void)[] = [];
  const scheduler: Scheduler = {
    set: (fn) => timers.push(fn) - 1,
    clear: (h) => {
      timers[h as number] = () => {};
    },
    now: () => 0,
  };
  const core = new ValidationCore((m) => out.push(m), scheduler);
  const flush = () => {
    const run = timers.splice(0);
    run.forEach((fn) => fn());
  };
  return { core, out, flush };
}

const seed = () => templates.find((t) => t.id === 'seed000-3net-alb')!.build();

describe('validation worker core', () => {
  it('validates the loaded document and every delta like validate() on the whole document', () => {
    const { core, out, flush } = harness();
    const a = seed();
    core.handle({ type: 'load', rev: 1, doc: a });
    flush();
    expect(out.at(-1)).toMatchObject({ type: 'diagnostics', rev: 1, diagnostics: validate(a) });

    // Remove the data default route: an edit of one element, sent as a delta.
    const b = structuredClone(a);
    const ctrl = b.elements.find((e) => e.kind === 'aviController')!;
    if (ctrl.kind === 'aviController') ctrl.props.vrfs[0]!.staticRoutes = [];
    const delta = diffDocuments(a, b)!;
    expect(delta.upsertElements).toHaveLength(b.elements.length); // structuredClone shares nothing
    core.handle({ type: 'delta', rev: 2, delta });
    flush();
    const last = out.at(-1) as Extract<FromWorker, { type: 'diagnostics' }>;
    expect(last.rev).toBe(2);
    expect(last.diagnostics.map((d) => d.ruleId)).toContain('routing/no-default-gateway');
    expect(last.diagnostics).toEqual(validate(b));
  });

  it('debounces: many deltas, one run; moves do not re-validate', () => {
    const { core, out, flush } = harness();
    const a = seed();
    core.handle({ type: 'load', rev: 1, doc: a });
    flush();
    const runs = out.length;
    let doc = a;
    for (let i = 0; i < 5; i++) {
      const next = removeElements(doc, [doc.elements.at(-1)!.id]);
      core.handle({ type: 'delta', rev: 2 + i, delta: diffDocuments(doc, next)! });
      doc = next;
    }
    flush();
    expect(out.length).toBe(runs + 1);
    const moved = moveElements(doc, new Map([[doc.elements[0]!.id, { x: 1, y: 2 }]]));
    core.handle({ type: 'delta', rev: 20, delta: diffDocuments(doc, moved)! });
    flush();
    expect(out.length).toBe(runs + 1);
  });

  it('answers traces on the same model', () => {
    const { core, out, flush } = harness();
    core.handle({ type: 'load', rev: 1, doc: seed() });
    flush();
    core.handle({ type: 'trace', requestId: 7, from: { elementId: 'clients' }, to: { elementId: 'vs-nginx' } });
    expect(out.at(-1)).toMatchObject({ type: 'trace', requestId: 7, result: { delivered: true } });
  });
});
