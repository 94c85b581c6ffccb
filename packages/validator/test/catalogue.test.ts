/**
 * The catalogue self-test (after typescript-eslint's docs.test): every id of domain.md §7 has
 * exactly one rule module with docs, registered in the rule list, and a test file with at
 * least one valid and one invalid case; RULES.md is up to date. Every doc says how to fix the finding in
 * Viplane itself, naming a field or element kind as the web inspector labels it.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { kindInfo } from '@viplane/model';
import { CATALOGUE, rules } from '../src/index.ts';
import { renderRulesMarkdown } from '../scripts/rulesMarkdown.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const webInspector = fileURLToPath(new URL('../../../apps/web/src/', import.meta.url));

/** The element kinds as the palette and inspector name them. */
const KIND_LABELS = Object.values(kindInfo).map((k) => k.label);

/**
 * The field labels a user sees in the inspector: the web app's field-label table and the interface editor's
 * and props form's literal labels. Read from the web app's source as text, because the validator must not depend
 * on the web app; a renamed label there fails this test until the docs follow.
 */
function fieldLabels(): string[] {
  const labels = new Set<string>();
  const table = readFileSync(`${webInspector}lib/labels.ts`, 'utf8');
  const overrides = /const OVERRIDES[^{]*\{([\s\S]*?)\n\};/.exec(table)?.[1] ?? '';
  for (const m of overrides.matchAll(/:\s*'([^']+)'/g)) labels.add(m[1]!);
  for (const file of ['panels/inspector/InterfacesEditor.tsx', 'panels/inspector/PropsForm.tsx'])
    for (const m of readFileSync(`${webInspector}${file}`, 'utf8').matchAll(/label="([^"]+)"/g)) labels.add(m[1]!);
  return [...labels];
}
const FIELD_LABELS = fieldLabels();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The "How to fix in Viplane" section of a rule doc, up to the next heading. */
function viplaneFix(docs: string | undefined): string | null {
  return /### How to fix in Viplane\n([\s\S]*?)(?=\n### |$)/.exec(docs ?? '')?.[1] ?? null;
}

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
      it('says how to fix it in Viplane, naming an inspector field or element kind', () => {
        const fix = viplaneFix(rule?.meta.docs);
        expect(fix, `${id} has no "### How to fix in Viplane" section`).not.toBeNull();
        // internal/rule-failed reports a bug in a rule, not in the design: no field of the design is at fault.
        if (category === 'internal') return;
        // A field is named in bold, as the inspector shows it; a kind by its label as a whole phrase.
        const bold = [...fix!.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!.replace(/\s+/g, ' ').toLowerCase());
        const text = fix!.replace(/\s+/g, ' ').toLowerCase();
        const named = [
          ...FIELD_LABELS.filter((label) => bold.includes(label.toLowerCase())),
          ...KIND_LABELS.filter((label) => new RegExp(`(^|[^\\w-])${escapeRegExp(label.toLowerCase())}($|[^\\w-])`).test(text)),
        ];
        expect(named, `${id}'s "How to fix in Viplane" names no inspector label`).not.toEqual([]);
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
        // A case list opens with a case (line comments before it allowed).
        expect(text).toMatch(/valid:\s*\[\s*(?:\/\/[^\n]*\n\s*)*\{/);
        expect(text).toMatch(/invalid:\s*\[\s*(?:\/\/[^\n]*\n\s*)*\{/);
      });
    });
  }

  it('reads a real label set from the web inspector', () => {
    // Guards the parsing above: an empty or tiny set would let every doc pass.
    expect(FIELD_LABELS).toEqual(expect.arrayContaining(['SE group', 'Subnet', 'Address mode', 'VIP network', 'Address ranges']));
    expect(FIELD_LABELS.length).toBeGreaterThan(50);
  });

  it('RULES.md is generated from the rule modules (npm run rules:doc)', () => {
    expect(readFileSync(`${root}RULES.md`, 'utf8')).toBe(renderRulesMarkdown(rules));
  });
});
