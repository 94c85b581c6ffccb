/**
 * The catalogue self-test (after typescript-eslint's docs.test): every id of domain.md §7 has
 * exactly one rule module with docs, registered in the rule list, and a test file with at
 * least one valid and one invalid case; RULES.md is up to date.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATALOGUE, rules } from '../src/index.ts';
import { renderRulesMarkdown } from '../scripts/rulesMarkdown.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('rule catalogue', () => {
  it('lists every catalogue id exactly once', () => {
    const ids = rules.map((r) => r.meta.id);
    expect([...ids].sort()).toEqual(Object.keys(CATALOGUE).sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const [id, severity] of Object.entries(CATALOGUE)) {
    describe(id, () => {
      const rule = rules.find((r) => r.meta.id === id);
      const [category, name] = id.split('/') as [string, string];
      it('has a module, its default severity and a category matching its id', () => {
        expect(rule, `no rule module for ${id}`).toBeDefined();
        expect(rule?.meta.severity).toBe(severity);
        expect(rule?.meta.category).toBe(category);
        expect(existsSync(`${root}src/rules/${category}/${name}.ts`)).toBe(true);
      });
      it('has docs with why, how to fix, and source', () => {
        expect(rule?.meta.docs).toMatch(/### Why/);
        expect(rule?.meta.docs).toMatch(/### How to fix/);
        expect(rule?.meta.docs).toMatch(/### Source/);
      });
      it('has a test with valid and invalid cases', () => {
        const testFile = `${root}src/rules/${category}/${name}.test.ts`;
        expect(existsSync(testFile), `missing ${testFile}`).toBe(true);
        const text = readFileSync(testFile, 'utf8');
        if (category === 'internal') {
          // Reported by the engine for another rule: its cases run the engine with a faulty rule.
          expect(text).toMatch(/runRules\(/);
          expect(text).toMatch(/it\('valid:/);
          expect(text).toMatch(/it\('invalid:/);
          return;
        }
        expect(text).toMatch(/testRule\(/);
        expect(text).toMatch(/valid:\s*\[\s*\{/);
        expect(text).toMatch(/invalid:\s*\[\s*\{/);
      });
    });
  }

  it('RULES.md is generated from the rule modules (npm run rules:doc)', () => {
    expect(readFileSync(`${root}RULES.md`, 'utf8')).toBe(renderRulesMarkdown(rules));
  });
});
