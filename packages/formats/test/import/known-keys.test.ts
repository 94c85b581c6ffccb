import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedKnownKeys } from './knownKeys.ts';

describe('generated known-key lists', () => {
  for (const { path, content } of generatedKnownKeys())
    it(`${path} is current with ../shared/reference (npm run known-keys -w @viplane/formats)`, () => {
      expect(readFileSync(join(import.meta.dirname, '..', '..', path), 'utf8')).toBe(content);
    });
});
