/**
 * Full validation in the browser's Web Worker (performance.md §5.1: the large estate ≤150 ms, 5×
 * that estate ≤500 ms), in Debian's Chromium. The real validator and the real generator
 * (packages/validator/bench/generate.ts) are bundled at test time with Vite into one worker script
 * (validatorWorker.ts, in memory), loaded from a Blob URL on a page of the e2e server's origin.
 *
 * Per estate, as `npm run bench`'s validate/<estate> (packages/validator/bench/cases-estate.ts):
 * a fresh validator worker and a fresh baseline worker (typedPipeline, its own heap) generate the
 * estate from the same seed, then run round-robin, baseline first, one gc() in each worker before
 * each run (Chromium runs with --js-flags=--expose-gc). `cold` = rounds 2–4 of the fresh workers
 * (1 untimed round first); `warm` = the rounds after 8. A validation = lower(doc) +
 * runRules(model, rules) + one trace() per generated pair with a shared Routing.
 *
 * Not part of `npm test`: `npm run bench:web` (all web benches), or this one alone:
 *   npx playwright test -c playwright.bench.config.ts validator
 * BENCH_SCALES=1 (default 1,5) and BENCH_WARM_RUNS=n (default 15 at scale 1, 5 at 5×) narrow it.
 * The bundle is minified as apps/web's production build minifies its workers (`workerMinify` of
 * apps/web/vite.config.ts: oxc's mangling without its compress pass, which made the warm
 * validation 1.3–1.8× slower in Chromium's worker, measured 2026-11-25); BENCH_MINIFY=0 bundles it
 * unminified.
 * Prints a Markdown table and writes bench-results/web-validator.{md,json}. Only sanity is
 * asserted (no diagnostics on the clean estate, every trace delivered, by both workers), never
 * timings: the table says pass/FAIL against the target.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { build } from 'vite';
import e2e from '../../playwright.config.ts';
import type { Ready, Reply, Role, RunResult, Setup } from './validatorWorker.ts';

const SCALES = (process.env['BENCH_SCALES'] ?? '1,5').split(',').map(Number);
const SEED = 1;
const TARGET_MS: Record<number, number> = { 1: 150, 5: 500 };
const COLD_WARMUP = 1;
const COLD_RUNS = 3;
const WARM_AFTER = 8;
const warmRuns = (scale: number) => Number(process.env['BENCH_WARM_RUNS'] ?? (scale <= 1 ? 15 : 5));
const MINIFY = process.env['BENCH_MINIFY'] !== '0';
/** apps/web/vite.config.ts's `workerMinify` (that file is outside this project's typecheck). */
const workerMinify = { compress: false, mangle: true } as const;
const OUT = join(process.cwd(), 'bench-results');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Regime {
  estate: string;
  scale: number;
  regime: 'cold' | 'warm';
  /** Validations (and baseline runs) the workers had done before the timed ones. */
  warmup: number;
  runs: number;
  median_ms: number;
  baseline_ms: number;
  ratio: number;
  target_ms: number;
  pass: boolean;
  lower_ms: number;
  rules_ms: number;
  traces_ms: number;
  diagnostics: number;
  delivered: string;
}
const regimes: Regime[] = [];
const details: Record<string, unknown>[] = [];
let bundle: { code: string; bytes: number; ms: number } | undefined;
let browserVersion = '';

// Chromium exposes gc() to every context, workers included, only with this V8 flag.
const launch = e2e.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), '--js-flags=--expose-gc'] } });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  const t0 = performance.now();
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    mode: 'production',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      target: 'es2022',
      minify: MINIFY,
      rolldownOptions: { output: { minify: MINIFY ? workerMinify : false } },
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: {
        entry: fileURLToPath(new URL('./validatorWorker.ts', import.meta.url)),
        formats: ['iife'],
        name: 'viplaneBenchWorker',
        fileName: () => 'validator-worker.js',
      },
    },
  });
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []));
  const chunk = chunks.find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('vite build produced no chunk for the worker');
  bundle = { code: chunk.code, bytes: chunk.code.length, ms: performance.now() - t0 };
});

for (const scale of SCALES) {
  const estate = scale === 1 ? 'large' : `large-${scale}x`;
  test(`validator in a Web Worker: ${estate} estate`, async ({ page, browser }) => {
    test.setTimeout(10 * 60_000);
    browserVersion = browser.version();
    // A page of the app's origin that runs nothing of its own (the app would start its own worker).
    await page.goto('/readyz');
    const ready = await startWorkers(page, bundle!.code, scale);
    const expected = ready.validator.traces;
    expect(ready.baseline.counts, 'both workers generated the same estate').toEqual(ready.validator.counts);

    const warm = warmRuns(scale);
    const rounds = WARM_AFTER + warm;
    const runs: { baseline: RunResult; validator: RunResult }[] = [];
    for (let r = 0; r < rounds; r++) {
      const baseline = await runOnce(page, 'baseline');
      const validator = await runOnce(page, 'validator');
      expect(validator.diagnostics, `validation ${r + 1}: diagnostics on the clean estate`).toBe(0);
      expect(validator.delivered, `validation ${r + 1}: traces delivered`).toBe(expected);
      expect(baseline.delivered, `baseline ${r + 1}: traces delivered`).toBe(expected);
      runs.push({ baseline, validator });
    }
    await page.evaluate(() => {
      const w = window.viplaneProbe as Record<Role, Worker>;
      w.validator.terminate();
      w.baseline.terminate();
    });

    const target = TARGET_MS[scale] ?? 100 * scale;
    const regime = (name: 'cold' | 'warm', from: number, count: number): Regime => {
      const timed = runs.slice(from, from + count);
      const ms = median(timed.map((t) => t.validator.ms));
      const base = median(timed.map((t) => t.baseline.ms));
      return {
        estate,
        scale,
        regime: name,
        warmup: from,
        runs: count,
        median_ms: round(ms),
        baseline_ms: round(base),
        ratio: round(ms / base, 2),
        target_ms: target,
        pass: ms <= target,
        lower_ms: round(median(timed.map((t) => t.validator.lower!))),
        rules_ms: round(median(timed.map((t) => t.validator.rules!))),
        traces_ms: round(median(timed.map((t) => t.validator.traces!))),
        diagnostics: timed.at(-1)!.validator.diagnostics!,
        delivered: `${timed.at(-1)!.validator.delivered}/${expected} (baseline ${timed.at(-1)!.baseline.delivered})`,
      };
    };
    regimes.push(regime('cold', COLD_WARMUP, COLD_RUNS), regime('warm', WARM_AFTER, warm));
    details.push({
      estate,
      scale,
      seed: SEED,
      counts: ready.validator.counts,
      generate_ms: { validator: round(ready.validator.ms), baseline: round(ready.baseline.ms) },
      gc_exposed: ready.validator.gc && ready.baseline.gc,
      // Every round in order (validation phases and the baseline), the untimed ones included.
      rounds: runs.map(({ baseline, validator }) => ({
        ms: round(validator.ms),
        lower: round(validator.lower!),
        rules: round(validator.rules!),
        traces: round(validator.traces!),
        baseline: round(baseline.ms),
      })),
      load_after: loadavg().map((l) => round(l, 2)),
    });
  });
}

test.afterAll(() => {
  if (regimes.length === 0) return;
  const md = table();
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'web-validator.md'), `${md}\n`);
  writeFileSync(
    join(OUT, 'web-validator.json'),
    `${JSON.stringify(
      {
        browser: `Chromium ${browserVersion}`,
        cores: cpus().length,
        load: loadavg().map((l) => round(l, 2)),
        bundle: bundle && { bytes: bundle.bytes, minified: MINIFY, build_ms: round(bundle.ms) },
        regimes,
        estates: details,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\n${md}`);
});

/** Starts the validator and the baseline worker from the bundle; resolves when both generated the estate. */
async function startWorkers(page: Page, code: string, scale: number): Promise<Record<Role, Ready>> {
  return page.evaluate(
    async ({ code, scale, seed }) => {
      const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      const workers = {} as Record<Role, Worker>;
      const start = (role: Role) =>
        new Promise<Ready>((resolve, reject) => {
          const worker = new Worker(url, { name: `viplane-bench-${role}` });
          workers[role] = worker;
          worker.onerror = (e) => reject(new Error(`${role} worker: ${e.message}`));
          worker.onmessage = (e: MessageEvent<Reply>) =>
            'error' in e.data ? reject(new Error(`${role} worker: ${e.data.error}`)) : resolve(e.data as Ready);
          worker.postMessage({ setup: { role, scale, seed } satisfies Setup });
        });
      // One after the other: the generators do not share the 2 cores or the memory peak.
      const validator = await start('validator');
      const baseline = await start('baseline');
      URL.revokeObjectURL(url);
      window.viplaneProbe = workers;
      return { validator, baseline };
    },
    { code, scale, seed: SEED },
  );
}

/** One timed run in one worker (timed inside the worker, after its gc()). */
async function runOnce(page: Page, role: Role): Promise<RunResult> {
  return page.evaluate(
    (role) =>
      new Promise<RunResult>((resolve, reject) => {
        const worker = (window.viplaneProbe as Record<Role, Worker>)[role];
        worker.onerror = (e) => reject(new Error(`${role} worker: ${e.message}`));
        worker.onmessage = (e: MessageEvent<Reply>) =>
          'error' in e.data ? reject(new Error(`${role} worker: ${e.data.error}`)) : resolve(e.data as RunResult);
        worker.postMessage({ run: true });
      }),
    role,
  );
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(0.5 * s.length))]!;
}
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

function table(): string {
  const gc = details.every((d) => d['gc_exposed'] === true);
  const lines = [
    '| Estate | Regime | Validation ms (median) | Baseline ms | Ratio | lower / rules / traces ms | Target | Pass | Diagnostics | Delivered |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...regimes.map(
      (r) =>
        `| ${r.estate} | ${r.regime} (${r.runs} after ${r.warmup}) | ${r.median_ms} | ${r.baseline_ms} | ${r.ratio} | ${r.lower_ms} / ${r.rules_ms} / ${r.traces_ms} | ≤${r.target_ms} ms | ${r.pass ? 'pass' : 'FAIL'} | ${r.diagnostics} | ${r.delivered} |`,
    ),
    '',
    `Chromium ${browserVersion}, dedicated Web Workers from a Vite bundle (${Math.round((bundle?.bytes ?? 0) / 1024)} KB, ${MINIFY ? 'minified as apps/web ships it' : 'not minified: BENCH_MINIFY=0'}). ` +
      'A validation = lower(doc) + runRules(model, rules) + one trace() per pair with a shared Routing; the baseline is ' +
      `typedPipeline (packages/validator/bench/pipeline.ts) in a second worker, round-robin, baseline first; ${gc ? 'gc() in each worker before each run' : 'gc() NOT exposed: runs were not preceded by a collection'}. ` +
      `cold: a fresh pair of workers, ${COLD_RUNS} runs after ${COLD_WARMUP} untimed; warm: the runs after ${WARM_AFTER} validations of the same workers. Phase columns are medians of each phase.`,
    `Load average when done: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (${cpus().length} cores).`,
  ];
  return lines.join('\n');
}
