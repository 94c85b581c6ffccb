import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { topologyJsonSchema, ELEMENT_KINDS } from '../src/index.ts';

describe('published JSON Schema', () => {
  it('is up to date (npm run schema)', () => {
    const file = readFileSync(fileURLToPath(new URL('../topology.schema.json', import.meta.url)), 'utf8');
    expect(JSON.parse(file)).toEqual(topologyJsonSchema());
  });
  it('describes every element kind', () => {
    const text = JSON.stringify(topologyJsonSchema());
    for (const kind of ELEMENT_KINDS) expect(text).toContain(`"const":"${kind}"`);
  });
});
