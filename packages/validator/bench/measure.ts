/**
 * Timing helpers. performance.md §1: the machine is noisy (10–30 % between runs), so every case
 * runs its implementation and its baseline round-robin in the same process, after warm-up, with
 * a `gc()` before each timed run when it can be had, and reports medians and the ratio.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** `gc()` even when node was not started with --expose-gc (the root script runs plain `tsx`). */
function exposeGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}
export const gc = exposeGc();

export interface Row {
  case: string;
  median_ms: number;
  baseline_ms: number | null;
  /** median / baseline. */
  ratio: number | null;
  /** What the case must meet, as text for the table (`≤100 ms`, `ratio ≤2`). */
  target: string;
  pass: boolean | null;
  [extra: string]: unknown;
}

export function median(xs: readonly number[]): number {
  return percentile(xs, 0.5);
}
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

/** Time `fn` once, after a collection, so one run's garbage does not land in the next. */
export function timeOnce(fn: () => void): number {
  gc?.();
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Run the named functions round-robin: `warmup` untimed rounds, then `runs` timed ones. */
export function roundRobin(fns: Record<string, () => void>, runs: number, warmup: number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const name of Object.keys(fns)) out[name] = [];
  for (let r = 0; r < warmup + runs; r++)
    for (const [name, fn] of Object.entries(fns)) {
      const ms = timeOnce(fn);
      if (r >= warmup) out[name]!.push(ms);
    }
  return out;
}

export function round(x: number | null, digits = 3): number | null {
  return x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits));
}

export function row(
  name: string,
  medianMs: number,
  baselineMs: number | null,
  target: string,
  pass: boolean | null,
  extra: Record<string, unknown> = {},
): Row {
  return {
    case: name,
    median_ms: round(medianMs)!,
    baseline_ms: round(baselineMs),
    ratio: baselineMs ? round(medianMs / baselineMs, 2) : null,
    target,
    pass,
    ...extra,
  };
}
