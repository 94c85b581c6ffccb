/**
 * cli/validate: the wall time of `viplane validate <template>` as a pipeline or pre-commit hook
 * runs it — a fresh `node` process through the installed bin — beside `node -e ''` (the floor no CLI
 * can go below) in the same run, alternating so both see the same machine load (issue 11 §6:
 * ≤ 300 ms). The bundle is built first (apps/cli/scripts/build.mjs), as `npm ci` does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, type Row } from './measure.ts';

const CLI_TARGET_MS = 300;
const root = fileURLToPath(new URL('../../../', import.meta.url));

function wall(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${String(r.status)}: ${r.stderr.toString()}`);
  return ms;
}

export function cliValidateCase(runs: number, templateId = 'seed000-3net-alb'): Row {
  const build = spawnSync(process.execPath, [join(root, 'apps/cli/scripts/build.mjs')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`bundling the CLI failed: ${build.stderr}`);
  const bin = join(root, 'apps/cli/bin/viplane.js');
  // The template as users get it (the validator does not depend on @viplane/templates).
  const shown = spawnSync(process.execPath, [bin, 'templates', 'show', templateId], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (shown.status !== 0) throw new Error(`viplane templates show ${templateId}: ${shown.stderr}`);
  const design = join(mkdtempSync(join(tmpdir(), 'viplane-bench-cli-')), `${templateId}.json`);
  writeFileSync(design, shown.stdout);

  // One untimed run of each fills the OS file cache.
  wall([bin, 'validate', design]);
  wall(['-e', '']);
  const cli: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    cli.push(wall([bin, 'validate', design]));
    floor.push(wall(['-e', '']));
  }
  const m = median(cli);
  const b = median(floor);
  return {
    case: 'cli/validate',
    median_ms: m,
    baseline_ms: b,
    ratio: m / b,
    target: `≤${CLI_TARGET_MS} ms`,
    pass: m <= CLI_TARGET_MS,
    template: templateId,
    baseline: "node -e ''",
    min_ms: Math.min(...cli),
  };
}
