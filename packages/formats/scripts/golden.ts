/**
 * Regenerates every golden file of this package: `npm run golden -w @viplane/formats`.
 *  - test/golden/<template>/   diagrams (SVG) and report.md, from scripts/golden-files.ts
 *  - test/config/golden/...    the deployment configs, by test/config/update-golden.ts when present
 * Review the diff before committing it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { templates } from '@viplane/templates';
import { GOLDEN_ROOT, goldenFiles } from './golden-files.ts';

for (const t of templates) {
  const dir = join(GOLDEN_ROOT, t.id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = goldenFiles(t.build());
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  console.log(`test/golden/${t.id}: ${files.size} files`);
}

const configs = fileURLToPath(new URL('../test/config/update-golden.ts', import.meta.url));
if (existsSync(configs)) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', configs], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
