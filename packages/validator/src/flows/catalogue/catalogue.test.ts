/** The flow catalogue self-test: ids unique and stable, every source key resolves in ports.md §0. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FLOW_CATALOGUE, FLOW_SOURCES, SOURCE_BY_KEY, catalogueEntries } from './index.ts';
import { renderFlowsMarkdown } from '../../../scripts/flowsMarkdown.ts';

describe('flow catalogue', () => {
  it('has unique ids named <system>/<name>', () => {
    const ids = FLOW_CATALOGUE.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of FLOW_CATALOGUE) expect(f.id, f.id).toMatch(new RegExp(`^${f.system}/[a-z0-9-]+$`));
  });

  it('cites at least one source per row, each a key of ports.md §0', () => {
    for (const f of FLOW_CATALOGUE) {
      expect(f.sources.length, f.id).toBeGreaterThan(0);
      for (const key of f.sources) expect(SOURCE_BY_KEY.has(key), `${f.id}: ${key}`).toBe(true);
    }
    expect(new Set(FLOW_SOURCES.map((s) => s.key)).size).toBe(FLOW_SOURCES.length);
  });

  it('has a purpose, a protocol and ports on every row, and a condition on every conditional one', () => {
    for (const f of FLOW_CATALOGUE) {
      expect(f.purpose.length, f.id).toBeGreaterThan(3);
      expect(f.protocol, f.id).toMatch(/^[a-z0-9/-]+$/);
      expect(f.ports.length, f.id).toBeGreaterThan(0);
      expect(['R', 'C', 'O', '?']).toContain(f.requirement);
      if (f.requirement === 'C') expect(f.condition, f.id).toBeDefined();
      if (f.requirement === '?') expect(f.note, `${f.id}: say why it is doubtful`).toBeDefined();
    }
  });

  it('marks the secondary sources of ports.md §0', () => {
    expect(SOURCE_BY_KEY.get('A2')?.secondary).toBe(true);
    expect(SOURCE_BY_KEY.get('H4')?.secondary).toBe(true);
    expect(SOURCE_BY_KEY.get('A1')?.secondary).toBe(false);
  });

  it('covers every system of ports.md', () => {
    expect(new Set(FLOW_CATALOGUE.map((f) => f.system))).toEqual(new Set(['nsx-alb', 'ako', 'tkg', 'cni', 'kube-vip', 'vsphere-with-tanzu', 'nsx-t', 'aci']));
  });

  it('serialises every row as JSON', () => {
    const entries = catalogueEntries();
    expect(entries).toHaveLength(FLOW_CATALOGUE.length);
    expect(JSON.parse(JSON.stringify(entries))).toEqual(entries);
  });

  it('FLOWS.md is up to date (npm run flows:doc)', () => {
    const path = fileURLToPath(new URL('../../../FLOWS.md', import.meta.url));
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(renderFlowsMarkdown());
  });
});
