/**
 * Golden files: the diagrams (SVG) and report.md of every template, in test/golden/<template>/.
 * After an intended change: `npm run golden -w @viplane/formats`, then review the diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { templates } from '@viplane/templates';
import { GOLDEN_ROOT, goldenFiles } from '../../scripts/golden-files.ts';

const HINT = 'run `npm run golden -w @viplane/formats` and review the diff';

describe.each(templates.map((t) => t))('golden files of $id', (t) => {
  it('match the diagrams and report', () => {
    const dir = join(GOLDEN_ROOT, t.id);
    const files = goldenFiles(t.build());
    expect(existsSync(dir), `${dir} missing: ${HINT}`).toBe(true);
    expect(readdirSync(dir).sort(), HINT).toEqual([...files.keys()].sort());
    for (const [name, content] of files) expect(content, `${t.id}/${name} changed: ${HINT}`).toBe(readFileSync(join(dir, name), 'utf8'));
  });
});
