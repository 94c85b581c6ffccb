import { describe, expect, it } from 'vitest';
import { getTemplate } from '@viplane/templates';
import { lower } from '@viplane/validator';
import { findInDesign, looksLikeAddress } from './match.ts';

const doc = getTemplate('seed000-3net-alb')!.build();
const model = lower(doc);
const find = (q: string) => findInDesign(doc, model, q);

describe('findInDesign', () => {
  it('finds the holder, the range and the network of an address', () => {
    const hits = find('192.168.48.1');
    // The L3 switch's interface holds it, it is dp-data-48's gateway, and the subnet holds it.
    expect(hits.map((h) => h.elementId)).toEqual(expect.arrayContaining(['l3-switch', 'dp-data-48']));
    expect(hits.find((h) => h.elementId === 'l3-switch')?.edgeId).toMatch(/^link:/);
    expect(hits.some((h) => h.elementId === 'dp-data-48' && h.why.startsWith('gateway'))).toBe(true);
  });

  it('finds the pool range that holds an address nobody holds', () => {
    const hits = find('192.168.48.20');
    expect(hits.map((h) => [h.elementId, h.why.split(' range ')[0]])).toEqual(
      expect.arrayContaining([['dp-data-48', expect.stringMatching(/SE/)]]),
    );
    expect(hits.some((h) => h.why.startsWith('subnet 192.168.48.0/22'))).toBe(true);
  });

  it('finds networks overlapping a CIDR', () => {
    const ids = find('192.168.48.0/20').map((h) => h.elementId);
    expect(ids).toEqual(expect.arrayContaining(['dp-data-48', 'dp-data-52']));
    expect(ids).not.toContain('dp-mgmt-32');
    expect(find('10.0.0.0/8')).toEqual([]);
  });

  it('matches names before ids and kinds, case-insensitively', () => {
    const hits = find('DP-DATA');
    expect(
      hits
        .map((h) => h.elementId)
        .slice(0, 2)
        .sort(),
    ).toEqual(['dp-data-48', 'dp-data-52']);
    expect(find('port group').every((h) => h.kind === 'Port group')).toBe(true);
    expect(find('port group')).toHaveLength(3);
  });

  it('finds an element by id', () => {
    expect(find('se-group-default')[0]?.elementId).toBe('se-group-default');
  });

  it('returns nothing for an empty query and caps the list', () => {
    expect(find('  ')).toEqual([]);
    expect(findInDesign(doc, model, 'e', 3)).toHaveLength(3);
  });

  it('tells addresses from names', () => {
    expect(looksLikeAddress('192.168.48.1')).toBe(true);
    expect(looksLikeAddress('2001:db8::/64')).toBe(true);
    expect(looksLikeAddress('dp-data-48')).toBe(false);
    expect(looksLikeAddress('1.5')).toBe(true);
  });
});
