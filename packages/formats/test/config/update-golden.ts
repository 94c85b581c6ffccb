/**
 * Regenerates `golden/<template>/…` from exportConfigs() for every template:
 * `npm run golden -w @viplane/formats`. Review the diff before committing it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { templates } from '@viplane/templates';
import { exportConfigs } from '../../src/configs.ts';
import { GOLDEN_DIR, goldenEntries, goldenPath } from './golden.ts';

for (const t of templates) {
  rmSync(join(GOLDEN_DIR, t.id), { recursive: true, force: true });
  const entries = goldenEntries(exportConfigs(t.build()));
  for (const [path, content] of entries) {
    const target = goldenPath(t.id, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  console.log(`${t.id}: ${entries.size} files`);
}
