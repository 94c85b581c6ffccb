/**
 * The worker's logic with the real validator: each edit gets an immediate answer from the
 * ValidationSession (the incremental IPAM rules fresh, the other rules' diagnostics kept from
 * the last full run and listed as stale), then one debounced full run equal to validate().
 */
import { describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import { INCREMENTAL_RULES, diagnosticKey, validate, type Diagnostic } from '@viplane/validator';
import type { TopologyDocument } from '@viplane/model';
import { addLink, moveElements, removeElements, setProp, updateLink } from '../document/edits.ts';
import { DEBOUNCE_MS, ValidationCore, type Scheduler } from './core.ts';
import { diffDocuments, type FromWorker } from './protocol.ts';

type Answer = Extract<FromWorker, { type: 'diagnostics' }>;

/** A fake clock: `immediate()` runs the 0 ms tasks (the incremental answer), `debounced()` the rest. */
function harness() {
  const out: FromWorker[] = [];
  let timers: { fn: () => void; ms: number; live: boolean }[] = [];
  const scheduler: Scheduler = {
    set: (fn, ms) => timers.push({ fn, ms, live: true }) - 1,
    clear: (h) => {
      const t = timers[h as number];
      if (t) t.live = false;
    },
    now: () => 0,
  };
  const core = new ValidationCore((m) => out.push(m), scheduler);
  const runWhere = (pick: (ms: number) => boolean) => {
    const due = timers.filter((t) => t.live && pick(t.ms));
    for (const t of due) t.live = false;
    for (const t of due) t.fn();
  };
  const immediate = () => runWhere((ms) => ms === 0);
  const debounced = () => runWhere((ms) => ms === DEBOUNCE_MS);
  const pending = () => timers.filter((t) => t.live).map((t) => t.ms);
  const answers = () => out.filter((m): m is Answer => m.type === 'diagnostics');
  let rev = 0;
  let current: TopologyDocument | null = null;
  const load = (doc: TopologyDocument) => {
    timers = [];
    current = doc;
    core.handle({ type: 'load', rev: ++rev, doc });
    immediate();
    return answers().at(-1)!;
  };
  const edit = (next: TopologyDocument) => {
    const delta = diffDocuments(current!, next);
    current = next;
    if (delta) core.handle({ type: 'delta', rev: ++rev, delta });
    return rev;
  };
  return { core, out, immediate, debounced, pending, answers, load, edit };
}

const build = (id: string) => templates.find((t) => t.id === id)!.build();
const local = (ds: readonly Diagnostic[]) => ds.filter((d) => INCREMENTAL_RULES.has(d.ruleId));
const others = (ds: readonly Diagnostic[]) => ds.filter((d) => !INCREMENTAL_RULES.has(d.ruleId));
const keys = (ds: readonly Diagnostic[]) => ds.map(diagnosticKey).sort();
const targetIds = (d: Diagnostic) => d.targets.map((t) => t.id);

function removeDataDefaultRoute(doc: TopologyDocument): TopologyDocument {
  const at = doc.elements.findIndex((e) => e.kind === 'aviController');
  return setProp(doc, doc.elements[at]!.id, ['vrfs', 0, 'staticRoutes'], []);
}

describe('validation worker core', () => {
  it('validates the loaded document in full', () => {
    const h = harness();
    const a = build('seed000-1net');
    const first = h.load(a);
    expect(first).toMatchObject({ rev: 1, stale: [], diagnostics: validate(a) });
    expect(first.diagnostics.map((d) => d.ruleId)).toContain('security/single-network');
  });

  it('answers an IPAM edit at once with the incremental rules, then the full run after the debounce', () => {
    const h = harness();
    const a = build('seed000-3net-alb');
    h.load(a);
    // dp-data-48 now overlaps dp-mgmt-32 (192.168.32.0/20).
    const b = setProp(a, 'dp-data-48', ['subnet'], '192.168.36.0/22');
    const rev = h.edit(b);
    expect(h.answers().at(-1)!.rev).toBe(1); // nothing before the worker's next task
    h.immediate();
    const now = h.answers().at(-1)!;
    expect(now.rev).toBe(rev);
    expect(now.stale.length).toBeGreaterThan(0);
    expect(now.stale.some((id) => INCREMENTAL_RULES.has(id))).toBe(false);
    const overlap = now.diagnostics.find((d) => d.ruleId === 'ipam/subnet-overlap');
    expect(overlap && targetIds(overlap).sort()).toEqual(['dp-data-48', 'dp-mgmt-32']);
    expect(keys(local(now.diagnostics))).toEqual(keys(validate(b, { only: [...INCREMENTAL_RULES] })));
    // The full run is pending, debounced.
    expect(h.pending()).toEqual([DEBOUNCE_MS]);
    h.debounced();
    const full = h.answers().at(-1)!;
    expect(full).toMatchObject({ rev, stale: [] });
    expect(full.diagnostics).toEqual(validate(b));
    expect(h.pending()).toEqual([]);
  });

  it("keeps the stale rules' diagnostics in the immediate answer (no badge goes and comes back)", () => {
    const h = harness();
    const a = removeDataDefaultRoute(build('seed000-3net-alb'));
    const loaded = h.load(a);
    const routing = loaded.diagnostics.filter((d) => d.ruleId === 'routing/no-default-gateway');
    expect(routing.length).toBeGreaterThan(0);

    // An IPAM mistake elsewhere: the routing finding must stay on screen meanwhile.
    const b = setProp(a, 'dp-data-52', ['gateway'], '10.9.9.1');
    h.edit(b);
    h.immediate();
    const now = h.answers().at(-1)!;
    expect(keys(others(now.diagnostics))).toEqual(keys(others(loaded.diagnostics)));
    expect(now.diagnostics.map((d) => d.ruleId)).toContain('ipam/gateway-outside-subnet');
    h.debounced();
    expect(h.answers().at(-1)!.diagnostics).toEqual(validate(b));

    // Fixing the route: the stale finding stays until the full run removes it.
    const c = setProp(
      b,
      'avi-controller',
      ['vrfs', 0, 'staticRoutes'],
      build('seed000-3net-alb').elements.find((e) => e.id === 'avi-controller')!.props['vrfs' as never][0]['staticRoutes' as never],
    );
    h.edit(c);
    h.immediate();
    expect(h.answers().at(-1)!.stale).toContain('routing/no-default-gateway');
    h.debounced();
    const full = h.answers().at(-1)!;
    expect(full.stale).toEqual([]);
    expect(full.diagnostics).toEqual(validate(c));
    expect(full.diagnostics.map((d) => d.ruleId)).not.toContain('routing/no-default-gateway');
  });

  it('drops at once the stale diagnostics that name a deleted element', () => {
    const h = harness();
    const seed = build('seed000-1net');
    // The workload cluster last, so that deleting it is an incremental edit (a removal at the end).
    const wc = seed.elements.find((e) => e.id === 'workload-cluster-1')!;
    const a = { ...seed, elements: [...seed.elements.filter((e) => e !== wc), wc] };
    const loaded = h.load(a);
    expect(loaded.diagnostics.some((d) => targetIds(d).includes('workload-cluster-1'))).toBe(true);
    const b = removeElements(a, ['workload-cluster-1']);
    h.edit(b);
    h.immediate();
    const now = h.answers().at(-1)!;
    expect(now.stale.length).toBeGreaterThan(0);
    expect(now.diagnostics.some((d) => targetIds(d).includes('workload-cluster-1'))).toBe(false);
    h.debounced();
    expect(h.answers().at(-1)!.diagnostics).toEqual(validate(b));
  });

  it('after every edit of a sequence, the incremental rules match validate(); the full run matches it whole', () => {
    const h = harness();
    let doc = build('seed000-3net-alb');
    h.load(doc);
    const edits: ((d: TopologyDocument) => TopologyDocument)[] = [
      (d) => setProp(d, 'dp-data-48', ['ranges', 0, 'end'], '192.168.52.20'), // range outside its subnet
      (d) => setProp(d, 'dp-data-52', ['subnet'], '192.168.48.0/21'), // overlaps dp-data-48
      (d) => updateLink(d, 'avi-controller--dp-mgmt-32', { address: '192.168.32.1' }), // = the router's address
      (d) => setProp(d, 'dp-data-52', ['subnet'], 'not-a-cidr'),
      (d) =>
        addLink(d, {
          kind: 'nic',
          from: 'l3-switch',
          to: 'dp-data-48',
          role: 'routed',
          address: '192.168.48.1',
          addressMode: 'static',
          gateway: null,
        }).doc, // a duplicate of the router's own address, appended
      (d) => setProp(d, 'dp-data-52', ['subnet'], '192.168.52.0/22'),
      (d) => removeElements(d, ['dp-mgmt-32']), // not at the end: the session's full path
      (d) => setProp(d, 'dp-data-48', ['ranges', 0, 'end'], '192.168.48.49'),
    ];
    for (const fn of edits) {
      doc = fn(doc);
      h.edit(doc);
      h.immediate();
      const now = h.answers().at(-1)!;
      expect(keys(local(now.diagnostics))).toEqual(keys(validate(doc, { only: [...INCREMENTAL_RULES] })));
      if (now.stale.length === 0) expect(now.diagnostics).toEqual(validate(doc));
    }
    h.debounced();
    const full = h.answers().at(-1)!;
    expect(full.stale).toEqual([]);
    expect(full.diagnostics).toEqual(validate(doc));
  });

  it('takes queued deltas together, runs the full validation once per burst, and skips moves', () => {
    const h = harness();
    let doc = build('seed000-3net-alb');
    h.load(doc);
    const before = h.answers().length;
    for (const subnet of ['10.1.0.0/24', '10.2.0.0/24', '192.168.36.0/22']) {
      doc = setProp(doc, 'dp-data-48', ['subnet'], subnet);
      h.edit(doc);
    }
    h.immediate();
    expect(h.answers().length).toBe(before + 1);
    expect(
      h
        .answers()
        .at(-1)!
        .diagnostics.some((d) => d.ruleId === 'ipam/subnet-overlap'),
    ).toBe(true);
    for (const end of ['192.168.48.40', '192.168.48.45']) {
      doc = setProp(doc, 'dp-data-48', ['ranges', 0, 'end'], end);
      h.edit(doc);
      h.immediate();
    }
    expect(h.answers().length).toBe(before + 3);
    expect(h.pending()).toEqual([DEBOUNCE_MS]);
    h.debounced();
    expect(h.answers().length).toBe(before + 4);
    expect(h.answers().at(-1)!.diagnostics).toEqual(validate(doc));

    const moved = moveElements(doc, new Map([[doc.elements[0]!.id, { x: 1, y: 2 }]]));
    h.edit(moved);
    h.immediate();
    h.debounced();
    expect(h.answers().length).toBe(before + 4);
  });

  it('a document metadata change gets a full answer', () => {
    const h = harness();
    const a = build('seed000-3net-alb');
    h.load(a);
    const b = { ...a, environment: a.environment === 'lab' ? ('production' as const) : ('lab' as const) };
    h.edit(b);
    h.immediate();
    expect(h.answers().at(-1)).toMatchObject({ rev: 2, stale: [], diagnostics: validate(b) });
  });

  it('answers traces on the current document', () => {
    const h = harness();
    h.load(build('seed000-3net-alb'));
    h.core.handle({ type: 'trace', requestId: 7, from: { elementId: 'clients' }, to: { elementId: 'vs-nginx' } });
    expect(h.out.at(-1)).toMatchObject({ type: 'trace', requestId: 7, result: { delivered: true } });
  });

  it('answers the design flows on the current document', () => {
    const h = harness();
    h.load(build('seed000-3net-alb'));
    h.core.handle({ type: 'flows', requestId: 8 });
    const answer = h.out.at(-1);
    if (answer?.type !== 'flows') throw new Error(`expected a flows answer, got ${answer?.type}`);
    expect(answer.requestId).toBe(8);
    expect(answer.flows.find((f) => f.id === 'ako/controller-api:workload-cluster-1>avi-controller')).toMatchObject({
      status: 'routed',
      ports: '443',
      enforcementPoints: [{ id: 'l3-switch' }],
    });
  });
});
