import { describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import { elementFacts } from './facts.ts';

describe('derived facts', () => {
  it('usable hosts, range sizes and pool usage of a network', () => {
    const doc = templates.find((t) => t.id === 'seed000-3net-alb')!.build();
    const net = doc.elements.find((e) => e.id === 'dp-data-48')!;
    const facts = Object.fromEntries(elementFacts(doc, net).map((f) => [f.label, f.value]));
    expect(facts['Subnet usable hosts']).toBe('1,022');
    expect(facts['Range 192.168.49.0–192.168.49.255']).toBe('256 addr.');
    // Two SEs take a pool address each on dp-data-48; its SE pool holds 40.
    expect(facts['SE interface pool']).toBe('2 / 40');
  });
});
