/**
 * The main thread's side of the two answers per edit: the worker core (real validator) feeds
 * applyAnswer as the client does; badges must appear with the immediate answer, badges of
 * stale rules must stay (same object: no re-render, no flicker) until the full run, and an
 * older answer never replaces a newer one.
 */
import { describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import type { TopologyDocument } from '@viplane/model';
import { setProp } from '../document/edits.ts';
import { ValidationCore, DEBOUNCE_MS } from '../validation/core.ts';
import { diffDocuments, type FromWorker } from '../validation/protocol.ts';
import { applyAnswer, isValidating, type DiagnosticsState } from './diagnostics.ts';

type Answer = Extract<FromWorker, { type: 'diagnostics' }>;

function pipeline(doc: TopologyDocument) {
  const answers: Answer[] = [];
  const timers: { fn: () => void; ms: number; live: boolean }[] = [];
  const core = new ValidationCore((m) => m.type === 'diagnostics' && answers.push(m), {
    set: (fn, ms) => timers.push({ fn, ms, live: true }) - 1,
    clear: (h) => void (timers[h as number]!.live = false),
    now: () => 0,
  });
  let state: DiagnosticsState = {
    diagnostics: [],
    badges: new Map(),
    rules: new Map(),
    validatedRev: -1,
    sentRev: 1,
    stale: [],
    ms: 0,
    error: null,
  };
  const docs = new Map<number, TopologyDocument>([[1, doc]]);
  let current = doc;
  const run = (ms: number) => {
    const due = timers.filter((t) => t.live && t.ms === ms);
    for (const t of due) t.live = false;
    for (const t of due) t.fn();
    for (const a of answers.splice(0)) receive(a);
  };
  const receive = (a: Answer) => {
    const next = applyAnswer(state, a, docs.get(a.rev)!);
    if (next) state = { ...state, ...next };
  };
  core.handle({ type: 'load', rev: 1, doc });
  run(0);
  return {
    get state() {
      return state;
    },
    edit(next: TopologyDocument) {
      const rev = state.sentRev + 1;
      core.handle({ type: 'delta', rev, delta: diffDocuments(current, next)! });
      docs.set(rev, next);
      current = next;
      state = { ...state, sentRev: rev };
    },
    immediate: () => run(0),
    debounced: () => run(DEBOUNCE_MS),
    receive,
  };
}

const seed = () => templates.find((t) => t.id === 'seed000-3net-alb')!.build();

describe('applyAnswer', () => {
  it("shows an edit's IPAM badge with the immediate answer and keeps stale rules' badges until the full run", () => {
    let doc = seed();
    doc = setProp(doc, 'avi-controller', ['vrfs', 0, 'staticRoutes'], []); // routing/no-default-gateway
    const p = pipeline(doc);
    expect(isValidating(p.state)).toBe(false);
    const routingTargets = p.state.diagnostics.filter((d) => d.ruleId === 'routing/no-default-gateway').flatMap((d) => d.targets);
    expect(routingTargets.length).toBeGreaterThan(0);
    const routingBadge = p.state.badges.get(routingTargets[0]!.id);
    expect(routingBadge?.error).toBeGreaterThan(0);
    expect(p.state.badges.get('dp-data-52')).toBeUndefined();

    p.edit(setProp(doc, 'dp-data-52', ['gateway'], '10.9.9.1'));
    expect(isValidating(p.state)).toBe(true);
    p.immediate();
    // The edited network has its badge now; the other rules' badge is the same object.
    expect(p.state.badges.get('dp-data-52')).toMatchObject({ error: 1 });
    expect(p.state.badges.get(routingTargets[0]!.id)).toBe(routingBadge);
    expect(p.state.stale.length).toBeGreaterThan(0);
    expect(isValidating(p.state)).toBe(true);
    p.debounced();
    expect(isValidating(p.state)).toBe(false);
    expect(p.state.stale).toEqual([]);
    expect(p.state.badges.get('dp-data-52')?.error).toBeGreaterThan(0);
  });

  it('ignores an answer older than the one shown', () => {
    const p = pipeline(seed());
    const before = p.state;
    p.receive({ type: 'diagnostics', rev: 0, diagnostics: [], stale: [], ms: 0, elements: 0 });
    expect(p.state).toBe(before);
  });
});
