/**
 * `npm run bench` — validator performance against same-run baselines (performance.md §1, §5).
 * Not part of the tests: absolute times depend on the machine; the ratios are what to watch.
 *
 *   npm run bench                 table
 *   npm run bench -- --json       one JSON object per case and line: {case, median_ms, baseline_ms, ...}
 *   npm run bench -- --quick      fewer repetitions (a smoke run, a minute or two)
 *   npm run bench -- --only=diff  diff/1k, diff/10k, merge/1k, merge/10k (model diff and merge vs a deep-equal walk)
 *   npm run bench -- --only=lpm   cases whose name starts with one of the comma-separated prefixes
 *                                 (`validate/large$`: that name only)
 *   npm run bench -- --in-process validate/* cold regime in this process instead of a fresh child
 *   npm run bench -- --cold-processes=N  fresh processes pooled per cold regime (default 5, quick 2)
 *   npm run bench -- --no-retain  validate/*: drop each model before the next run's gc() (the
 *                                 bench before 2026-11; V8 then deoptimizes on every run)
 *   npm run bench -- --shared-heap validate/*: run the typed baseline in the validator's heap, not
 *                                 in a worker thread (the bench before 2026-11-25; see
 *                                 baselineWorker.ts for what that measured)
 *
 * flows/large: all flows of the large estate (designFlows) against one validation of it, same run (cases-flows.ts).
 *
 * cli/validate: `viplane validate` on a template in a fresh process beside `node -e ''` (cases-cli.ts).
 *
 * validate/large and validate/large-5x report two regimes (cases-estate.ts): `cold`, the first 3
 * validations of a fresh process after 1 untimed one (5 child processes per estate, 2 with
 * --quick, their runs pooled into one median), and `warm`, the median after ≥8 validations in this
 * process (steady state, once V8 has optimised every rule; the row's headline, the regime of
 * performance.md's targets). Each has its same-run baseline ratio; the baseline runs in a worker
 * thread's own heap (baselineWorker.ts). Findings and figures: packages/validator/CONTEXT.md.
 * The same validation in Chromium's Web Worker (§5.1: ≤150 ms): e2e/bench/validator.bench.ts,
 * `npx playwright test -c playwright.bench.config.ts validator`.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { generateEstate, type Estate } from './generate.ts';
import { gc, type Row } from './measure.ts';
import { lpmCase, overlapCase } from './cases-core.ts';
import { diffMergeCases } from './cases-diff.ts';
import { cliValidateCase } from './cases-cli.ts';
import { flowsCase } from './cases-flows.ts';
import {
  COLD_RUNS,
  COLD_WARMUP,
  incrementalCase,
  measureRegime,
  perRuleRows,
  poolRegimes,
  validateCase,
  type RegimeResult,
} from './cases-estate.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
// A prefix selects every case it starts; a trailing `$` asks for that exact name (`validate/large$`).
const wanted = (name: string) => !only || only.some((p) => (p.endsWith('$') ? name === p.slice(0, -1) : name.startsWith(p)));

const inProcess = args.includes('--in-process');
// Fresh processes per cold regime (each: 1 untimed validation, then 3 timed ones).
const coldProcesses = Number(args.find((a) => a.startsWith('--cold-processes='))?.slice('--cold-processes='.length) ?? (quick ? 2 : 5));
const heap = { retainPrevious: !args.includes('--no-retain'), sharedHeap: args.includes('--shared-heap') };
const ESTATES = { 'validate/large': { scale: 1, targetMs: 100 }, 'validate/large-5x': { scale: 5, targetMs: 500 } } as const;
type EstateCase = keyof typeof ESTATES;

// Child mode: one cold regime in this fresh process, one JSON line on stdout, nothing else.
const coldChildOf = args.find((a) => a.startsWith('--cold-child='))?.slice('--cold-child='.length);
if (coldChildOf !== undefined) {
  const spec = ESTATES[coldChildOf as EstateCase];
  if (!spec) throw new Error(`--cold-child: unknown case ${coldChildOf}`);
  const estate = generateEstate({ scale: spec.scale, seed: 1 });
  process.stdout.write(`${JSON.stringify(await measureRegime(estate, COLD_RUNS, COLD_WARMUP, spec.targetMs, true, heap))}\n`);
  process.exit(0);
}

/**
 * The cold regime of `name`: `coldProcesses` fresh node processes (same flags and loader as this
 * one), one after the other, their timed runs pooled.
 */
function coldInChildren(name: EstateCase): RegimeResult | undefined {
  if (inProcess) return undefined;
  const script = process.argv[1];
  if (!script) return undefined;
  const results: RegimeResult[] = [];
  for (let p = 0; p < coldProcesses; p++) {
    const r = spawnSync(
      process.execPath,
      [...process.execArgv, script, `--cold-child=${name}`, ...args.filter((a) => a === '--no-retain' || a === '--shared-heap')],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const line = r.status === 0 ? r.stdout.trim().split('\n').pop() : undefined;
    if (!line) {
      log(`${name}: cold child failed (${r.error?.message ?? `exit ${String(r.status)}`}); measuring cold in this process`);
      return undefined;
    }
    results.push(JSON.parse(line) as RegimeResult);
  }
  return poolRegimes(results, ESTATES[name].targetMs);
}

const log = (line: string) => {
  if (!json) process.stderr.write(`${line}\n`);
};
const rows: Row[] = [];
const emit = (...rs: Row[]) => {
  for (const r of rs) {
    rows.push(r);
    if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
  }
};

log(
  `node ${process.version}, ${cpus().length} cpus, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}, gc ${gc ? 'exposed' : 'not exposed'}${quick ? ', quick' : ''}`,
);

/** validate/<estate>: warm (after 8 validations) in this process, cold from fresh children. */
function estateCase(name: EstateCase, estate: Estate, warmRuns: number) {
  return validateCase(name, estate, {
    targetMs: ESTATES[name].targetMs,
    warmRuns,
    warmWarmup: 8,
    heap,
    coldChild: () => coldInChildren(name),
  });
}

const anyRule = !only || only.some((p) => p.startsWith('rule/') || 'rule/'.startsWith(p));
if (wanted('validate/large') || anyRule || wanted('incremental/edit')) {
  const large = generateEstate({ scale: 1, seed: 1 });
  log(`large estate: ${JSON.stringify(large.counts)}`);
  if (wanted('validate/large')) emit(await estateCase('validate/large', large, quick ? 3 : 9));
  if (anyRule) emit(...perRuleRows(large.doc, quick ? 1 : 3).filter((r) => wanted(r.case)));
  if (wanted('incremental/edit')) emit(incrementalCase(large, quick ? 40 : 200));
}
if (wanted('flows/large')) {
  const large = generateEstate({ scale: 1, seed: 1 });
  emit(flowsCase(large.doc, quick ? 3 : 7, quick ? 1 : 3));
}
if (wanted('validate/large-5x')) {
  const huge = generateEstate({ scale: 5, seed: 1 });
  log(`5× estate: ${JSON.stringify(huge.counts)}`);
  emit(await estateCase('validate/large-5x', huge, quick ? 3 : 5));
}
if (wanted('overlap')) emit(...overlapCase(quick ? 3 : 9, quick ? 1 : 2));
if (wanted('lpm')) emit(...lpmCase(quick ? 3 : 9, quick ? 1 : 2));
if (wanted('diff') || wanted('merge')) emit(...diffMergeCases([1_000, 10_000], quick ? 3 : 9, quick ? 1 : 2));
if (wanted('cli/validate')) emit(cliValidateCase(quick ? 5 : 15));

if (!json) printTable(rows);

function printTable(all: Row[]) {
  const main = all.filter((r) => !r.case.startsWith('rule/'));
  const fmt = (x: number | null, d = 2) => (x === null ? '—' : x.toFixed(d));
  const lines = [['case', 'median ms', 'baseline ms', 'ratio', 'target', 'pass']];
  for (const r of main) {
    lines.push([
      r.case,
      fmt(r.median_ms, 3),
      fmt(r.baseline_ms, 3),
      fmt(r.ratio),
      r.target,
      r.pass === null ? '' : r.pass ? 'pass' : 'FAIL',
    ]);
    for (const regime of ['cold', 'warm'] as const) {
      const g = r[regime] as RegimeResult | undefined;
      if (g)
        lines.push([
          `  ${regime} (${g.runs / g.processes} after ${g.warmup}${g.fresh_process ? ', fresh' : ''}${g.processes > 1 ? ` ×${g.processes}` : ''})`,
          fmt(g.median_ms, 3),
          fmt(g.baseline_ms, 3),
          fmt(g.ratio),
          r.target,
          g.pass ? 'pass' : 'FAIL',
        ]);
    }
  }
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  for (const l of lines)
    console.log(l.map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  for (const r of main) {
    const extra = Object.entries(r).filter(([k]) => !['case', 'median_ms', 'baseline_ms', 'ratio', 'target', 'pass'].includes(k));
    const show = ([k, v]: [string, unknown]) => {
      if (k !== 'cold' && k !== 'warm') return `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`;
      const g = v as RegimeResult;
      return `${k}: lower_ms=${g.lower_ms} rules_ms=${g.rules_ms} traces_ms=${g.traces_ms} diagnostics=${g.diagnostics} delivered=${g.delivered}`;
    };
    if (extra.length > 0) console.log(`  ${r.case}: ${extra.map(show).join(' ')}`);
  }
  const ruleRows = all.filter((r) => r.case.startsWith('rule/'));
  if (ruleRows.length > 0) {
    console.log('\nper rule on the large estate (alone, fresh lowering each run; median ms):');
    for (const r of ruleRows)
      console.log(`  ${r.median_ms.toFixed(2).padStart(10)}  ${r.case.slice(5)}${r['error'] ? `  ERROR ${String(r['error'])}` : ''}`);
  }
}
