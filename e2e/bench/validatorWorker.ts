/**
 * The Web Worker of validator.bench.ts, bundled at test time with Vite (one IIFE, loaded from a
 * Blob URL). One bundle, two roles chosen by the first message:
 *   - `validator`: full validations as packages/validator/bench/cases-estate.ts's measureRegime
 *     does them: lower(doc) + runRules(model, rules) + one trace() per generated pair with a
 *     shared Routing, phases timed, the previous model kept alive across the next run's gc();
 *   - `baseline`: typedPipeline(doc, traces), the typed-array floor of performance.md §2.9.
 * Each worker generates its own estate from (scale, seed), so each has its own heap, as the Node
 * bench's baseline worker thread does (packages/validator/bench/baselineWorker.ts).
 *
 * Messages: {setup: {role, scale, seed}} -> {ready, ms, gc}; {run: true} -> RunResult (or {error}).
 * `gc` is there when Chromium runs with --js-flags=--expose-gc; each run starts with one.
 */
import { Routing, lower, rules, runRules, trace } from '@viplane/validator';
import { generateEstate, type Estate } from '../../packages/validator/bench/generate.ts';
import { typedPipeline } from '../../packages/validator/bench/pipeline.ts';

export type Role = 'validator' | 'baseline';
export interface Setup {
  role: Role;
  scale: number;
  seed: number;
}
export interface Ready {
  ready: true;
  /** Estate generation in this worker. */
  ms: number;
  gc: boolean;
  counts: Estate['counts'];
  traces: number;
}
export interface RunResult {
  ms: number;
  /** Validator only: the phases of the run (ms). */
  lower?: number;
  rules?: number;
  traces?: number;
  diagnostics?: number;
  delivered: number;
}
export type Reply = Ready | RunResult | { error: string };

const gc = (globalThis as { gc?: () => void }).gc;
let estate: Estate | undefined;
let role: Role = 'validator';
/** The previous validation's model, kept alive across the gc() before the next (as measureRegime). */
const kept = { model: null as unknown };

function validateOnce(e: Estate): RunResult {
  const t0 = performance.now();
  const model = lower(e.doc);
  const t1 = performance.now();
  const diagnostics = runRules(model, rules).length;
  const t2 = performance.now();
  const routing = new Routing(model);
  let delivered = 0;
  for (const tr of e.traces) if (trace(model, tr.from, tr.to, routing).delivered) delivered++;
  const t3 = performance.now();
  kept.model = model;
  return { ms: t3 - t0, lower: t1 - t0, rules: t2 - t1, traces: t3 - t2, diagnostics, delivered };
}

function baselineOnce(e: Estate): RunResult {
  const t0 = performance.now();
  const { delivered } = typedPipeline(e.doc, e.traces);
  return { ms: performance.now() - t0, delivered };
}

onmessage = (event: MessageEvent<{ setup?: Setup; run?: true }>) => {
  let reply: Reply;
  try {
    const { setup } = event.data;
    if (setup) {
      role = setup.role;
      const t0 = performance.now();
      estate = generateEstate({ scale: setup.scale, seed: setup.seed });
      reply = { ready: true, ms: performance.now() - t0, gc: gc !== undefined, counts: estate.counts, traces: estate.traces.length };
    } else {
      if (!estate) throw new Error('run before setup');
      gc?.();
      reply = role === 'validator' ? validateOnce(estate) : baselineOnce(estate);
    }
  } catch (e) {
    reply = { error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
  }
  postMessage(reply);
};
