import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_CHECKS } from '../src/checks.ts';

/** Every `'format/…'` / `'import/…'` id the sources report. */
function reportedIds(): string[] {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && entry.name !== 'checks.ts')
        for (const m of readFileSync(path, 'utf8').matchAll(/'((?:format|import)\/[a-z0-9-]+)'/g)) ids.add(m[1]!);
    }
  };
  walk(join(import.meta.dirname, '..', 'src'));
  return [...ids].sort();
}

describe('FORMAT_CHECKS', () => {
  it('lists exactly the ids the exporters and importers report, each with a description', () => {
    expect(Object.keys(FORMAT_CHECKS).sort()).toEqual(reportedIds());
    for (const [id, text] of Object.entries(FORMAT_CHECKS)) expect(text.length, id).toBeGreaterThan(10);
  });
});
