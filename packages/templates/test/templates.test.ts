import { describe, expect, it } from 'vitest';
import { restore } from '@viplane/model';
import { CATALOGUE } from '@viplane/validator';
import { getTemplate, templates } from '../src/index.ts';
import { allIds } from './helpers.ts';

describe('template catalogue', () => {
  it('has unique template ids and finds each by id', () => {
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of templates) expect(getTemplate(t.id)).toBe(t);
    expect(getTemplate('no-such-template')).toBeUndefined();
  });

  it('covers every seed', () => {
    expect(new Set(templates.map((t) => t.seed))).toEqual(new Set(['000', '001', '002', '003', '004']));
  });
});

describe.each(templates.map((t) => [t.id, t] as const))('%s', (_, template) => {
  it('has a two-line summary and a title', () => {
    expect(template.title.length).toBeGreaterThan(10);
    expect(template.summary.split('\n')).toHaveLength(2);
  });

  it('restores', () => {
    const result = restore(template.build());
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has unique ids (elements, links, nested items)', () => {
    const ids = allIds(template.build());
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('names itself as the origin and builds a fresh document each time', () => {
    const a = template.build();
    const b = template.build();
    expect(a.origin).toBe(template.id);
    expect(a.name).toBe(template.title);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });

  it('expects only catalogued warning rules', () => {
    for (const id of template.expectedWarnings) expect(CATALOGUE[id], id).toBe('warning');
  });

  it('has unique mutation ids that name catalogued rules', () => {
    const ids = template.mutations.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of template.mutations) {
      expect(CATALOGUE[m.ruleId], `${m.id}: ${m.ruleId}`).toBeDefined();
      expect(m.targets.length, m.id).toBeGreaterThan(0);
      expect(m.seedSays.length, m.id).toBeGreaterThan(10);
    }
  });

  describe.each(template.mutations.map((m) => [m.id, m] as const))('mutation %s', (_, m) => {
    it('is pure, changes the document and still restores', () => {
      const doc = template.build();
      const before = JSON.stringify(doc);
      const mutated = m.apply(doc);
      expect(JSON.stringify(doc)).toBe(before);
      expect(JSON.stringify(mutated)).not.toBe(before);
      const result = restore(mutated);
      expect(result.ok ? [] : result.errors).toEqual([]);
    });

    it('targets ids that exist in the mutated document', () => {
      const ids = new Set(allIds(m.apply(template.build())));
      for (const t of m.targets) expect(ids.has(t), t).toBe(true);
    });
  });
});
