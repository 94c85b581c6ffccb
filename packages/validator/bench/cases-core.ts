/**
 * The core passes on the synthetic sets of performance.md §1, each against its typed-array
 * baseline in the same run, results cross-checked (a bench that measures a wrong answer is worse
 * than none, so a mismatch aborts the run):
 *   - overlap/100k: 100k random canonical IPv4 prefixes (address uniform, /16–/30); the
 *     addressIndex sweep on parsed values vs charCode-parsed typed arrays + Float64Array.sort on
 *     packed keys + stack sweep (§2.7). The ip-address parse is reported on its own.
 *   - lpm/100k-in-10k: routing/lpm.ts on 10k routes (0.0.0.0/0; 5 % /8–/15, 90 % /16–/28,
 *     5 % /29–/32) and 100k lookups (half uniform, half inside a random route) vs an interval
 *     table with binary search on Float64Arrays (§2.6).
 */
import { formatIp4, parseCidr, type ParsedCidr4 } from '@viplane/model';
import { findOverlaps4 } from '../src/addressIndex/index.ts';
import { LpmTableOf } from '../src/routing/lpm.ts';
import { mulberry32 } from './generate.ts';
import { median, roundRobin, row, timeOnce, type Row } from './measure.ts';
import { IntervalTable, parseCidrs4, sortCidrs, stackSweepCount } from './typed.ts';

const TWO_32 = 4294967296;

function randomPrefixes(n: number, seed: number): string[] {
  const rnd = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = 16 + Math.floor(rnd() * 15);
    const a = Math.floor(rnd() * TWO_32);
    const block = 2 ** (32 - len);
    out.push(`${formatIp4(a - (a % block))}/${len}`);
  }
  return out;
}

export function overlapCase(runs: number, warmup: number): Row[] {
  const texts = randomPrefixes(100_000, 2026);
  let parsed: ParsedCidr4[] = [];
  const parseRuns = Array.from({ length: Math.max(1, Math.ceil(runs / 3)) }, () =>
    timeOnce(() => {
      parsed = texts.map((t) => parseCidr(t) as ParsedCidr4);
    }),
  );
  const starts = Float64Array.from(parsed, (c) => c.start);
  const ends = Float64Array.from(parsed, (c) => c.end);
  const typed = parseCidrs4(texts);
  let ours = 0;
  let limit = 0;
  const t = roundRobin(
    {
      charCodeParse: () => void parseCidrs4(texts),
      baseline: () => {
        limit = stackSweepCount(sortCidrs(typed.starts, typed.lens), typed.starts, typed.ends);
      },
      sweep: () => {
        ours = findOverlaps4(starts, ends).length;
      },
    },
    runs,
    warmup,
  );
  if (ours !== limit) throw new Error(`overlap/100k: addressIndex found ${ours} pairs, the typed baseline ${limit}`);
  const sweep = median(t['sweep']!);
  const base = median(t['baseline']!);
  const parse = median(parseRuns);
  const charCode = median(t['charCodeParse']!);
  return [
    row('overlap/100k', sweep, base, 'ratio ≤2', sweep <= 2 * base, {
      pairs: ours,
      note: 'after parsing; baseline = Float64Array.sort + stack sweep',
    }),
    row('overlap/100k+parse', parse + sweep, charCode + base, '≤200 ms', parse + sweep <= 200, {
      parse_ms: Number(parse.toFixed(1)),
      note: 'ip-address parse + sweep vs charCode parse + sort + sweep',
    }),
  ];
}

export function lpmCase(runs: number, warmup: number): Row[] {
  const rnd = mulberry32(4242);
  const n = 10_000;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  starts[0] = 0;
  ends[0] = TWO_32 - 1; // 0.0.0.0/0
  for (let i = 1; i < n; i++) {
    const r = rnd();
    const len = r < 0.05 ? 8 + Math.floor(rnd() * 8) : r < 0.95 ? 16 + Math.floor(rnd() * 13) : 29 + Math.floor(rnd() * 4);
    const block = 2 ** (32 - len);
    const a = Math.floor(rnd() * TWO_32);
    starts[i] = a - (a % block);
    ends[i] = starts[i]! + block - 1;
  }
  const lookups = new Float64Array(100_000);
  for (let i = 0; i < lookups.length; i++) {
    if (i % 2 === 0) lookups[i] = Math.floor(rnd() * TWO_32);
    else {
      const r = 1 + Math.floor(rnd() * (n - 1));
      lookups[i] = starts[r]! + Math.floor(rnd() * (ends[r]! - starts[r]! + 1));
    }
  }
  let table = LpmTableOf.build4(starts, ends);
  let interval = IntervalTable.build(starts, ends);
  const ours = new Int32Array(lookups.length);
  const theirs = new Int32Array(lookups.length);
  const t = roundRobin(
    {
      build: () => {
        table = LpmTableOf.build4(starts, ends);
      },
      baselineBuild: () => {
        interval = IntervalTable.build(starts, ends);
      },
      lookup: () => {
        for (let i = 0; i < lookups.length; i++) ours[i] = table.lookup(lookups[i]!) ?? -1;
      },
      baseline: () => {
        for (let i = 0; i < lookups.length; i++) theirs[i] = interval.lookup(lookups[i]!);
      },
    },
    runs,
    warmup,
  );
  for (let i = 0; i < lookups.length; i++)
    if (ours[i] !== theirs[i])
      throw new Error(`lpm: lookup ${i} (${formatIp4(lookups[i]!)}) gave route ${ours[i]}, the baseline ${theirs[i]}`);
  const lookup = median(t['lookup']!);
  return [
    row('lpm/100k-in-10k', lookup, median(t['baseline']!), '≤25 ms', lookup <= 25, {
      build_ms: Number(median(t['build']!).toFixed(2)),
      baseline_build_ms: Number(median(t['baselineBuild']!).toFixed(2)),
    }),
  ];
}
