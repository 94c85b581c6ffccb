/**
 * `npm run bench` — validator performance against same-run baselines (performance.md §1, §5).
 * Not part of the tests: absolute times depend on the machine; the ratios are what to watch.
 *
 *   npm run bench                 table
 *   npm run bench -- --json       one JSON object per case and line: {case, median_ms, baseline_ms, ...}
 *   npm run bench -- --quick      fewer repetitions (a smoke run, a minute or two)
 *   npm run bench -- --only=lpm   cases whose name starts with one of the comma-separated prefixes
 *                                 (`validate/large$`: that name only)
 */
import { cpus, loadavg } from 'node:os';
import { generateEstate } from './generate.ts';
import { gc, type Row } from './measure.ts';
import { lpmCase, overlapCase } from './cases-core.ts';
import { incrementalCase, perRuleRows, validateCase } from './cases-estate.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
// A prefix selects every case it starts; a trailing `$` asks for that exact name (`validate/large$`).
const wanted = (name: string) => !only || only.some((p) => (p.endsWith('$') ? name === p.slice(0, -1) : name.startsWith(p)));

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

const anyRule = !only || only.some((p) => p.startsWith('rule/') || 'rule/'.startsWith(p));
if (wanted('validate/large') || anyRule || wanted('incremental/edit')) {
  const large = generateEstate({ scale: 1, seed: 1 });
  log(`large estate: ${JSON.stringify(large.counts)}`);
  if (wanted('validate/large')) emit(validateCase('validate/large', large, quick ? 3 : 9, quick ? 1 : 2, 100));
  if (anyRule) emit(...perRuleRows(large.doc, quick ? 1 : 3).filter((r) => wanted(r.case)));
  if (wanted('incremental/edit')) emit(incrementalCase(large, quick ? 40 : 200));
}
if (wanted('validate/large-5x')) {
  const huge = generateEstate({ scale: 5, seed: 1 });
  log(`5× estate: ${JSON.stringify(huge.counts)}`);
  emit(validateCase('validate/large-5x', huge, quick ? 2 : 5, 1, 500));
}
if (wanted('overlap')) emit(...overlapCase(quick ? 3 : 9, quick ? 1 : 2));
if (wanted('lpm')) emit(...lpmCase(quick ? 3 : 9, quick ? 1 : 2));

if (!json) printTable(rows);

function printTable(all: Row[]) {
  const main = all.filter((r) => !r.case.startsWith('rule/'));
  const fmt = (x: number | null, d = 2) => (x === null ? '—' : x.toFixed(d));
  const lines = [['case', 'median ms', 'baseline ms', 'ratio', 'target', 'pass']];
  for (const r of main)
    lines.push([
      r.case,
      fmt(r.median_ms, 3),
      fmt(r.baseline_ms, 3),
      fmt(r.ratio),
      r.target,
      r.pass === null ? '' : r.pass ? 'pass' : 'FAIL',
    ]);
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  for (const l of lines)
    console.log(l.map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  for (const r of main) {
    const extra = Object.entries(r).filter(([k]) => !['case', 'median_ms', 'baseline_ms', 'ratio', 'target', 'pass'].includes(k));
    if (extra.length > 0)
      console.log(`  ${r.case}: ${extra.map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' ')}`);
  }
  const ruleRows = all.filter((r) => r.case.startsWith('rule/'));
  if (ruleRows.length > 0) {
    console.log('\nper rule on the large estate (alone, fresh lowering each run; median ms):');
    for (const r of ruleRows)
      console.log(`  ${r.median_ms.toFixed(2).padStart(10)}  ${r.case.slice(5)}${r['error'] ? `  ERROR ${String(r['error'])}` : ''}`);
  }
}
