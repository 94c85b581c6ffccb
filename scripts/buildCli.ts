/**
 * Vitest global setup: bundles the `viplane` command once before the tests (apps/cli/scripts/build.mjs),
 * so the CLI tests run what users run — the bundle — built from the sources under test, never a stale one.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const script = fileURLToPath(new URL('../apps/cli/scripts/build.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bundling the CLI failed (exit ${String(r.status)}):\n${r.stderr}`);
}
