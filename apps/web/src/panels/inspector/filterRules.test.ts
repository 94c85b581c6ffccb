import { describe, expect, it } from 'vitest';
import { checkEntries, checkPorts, moveRule, newRule } from './filterRules.ts';

describe('checkPorts (mirrors the validator grammar)', () => {
  it.each(['', 'any', 'ANY', '443', ' 22 , 443,8443 ', '30000-32767', '1', '65535'])('accepts %j', (t) =>
    expect(checkPorts(t, 'tcp')).toBeNull(),
  );
  it.each([
    ['443x', /not a port/],
    ['https', /not a port/],
    ['0', /1-65535/],
    ['70000', /1-65535/],
    ['90-80', /ends before/],
    ['22,,443', /not a port/],
  ])('refuses %j', (t, why) => expect(checkPorts(t, 'udp')?.text).toMatch(why));
  it('ICMP takes only any', () => {
    expect(checkPorts('any', 'icmp')).toBeNull();
    expect(checkPorts('8', 'icmp')?.text).toMatch(/ICMP has no ports/);
  });
});

describe('checkEntries', () => {
  const ids = new Set(['dp-mgmt-32', 'avi-controller']);
  it('accepts addresses, CIDRs, ranges, any and element ids', () => {
    expect(checkEntries(['192.168.32.20', '10.0.0.0/8', '10.0.0.1-10.0.0.9', 'any', 'dp-mgmt-32', '2001:db8::/32'], ids)).toBeNull();
  });
  it('names the first entry it cannot read', () => {
    expect(checkEntries(['10.0.0.0/8', 'avi-controler', '1.2.3'], ids)?.text).toMatch(/"avi-controler"/);
    expect(checkEntries(['10.0.0.1-2001:db8::1'], ids)?.text).toMatch(/neither/);
  });
});

describe('moveRule', () => {
  it('moves one place up or down and clamps at the ends', () => {
    expect(moveRule(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRule(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRule(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRule(['a', 'b', 'c'], 2, 5)).toEqual(['a', 'b', 'c']);
  });
  it('never loses or duplicates a rule', () => {
    const rules = ['a', 'b', 'c', 'd'];
    for (let i = 0; i < rules.length; i++) for (const d of [-3, -1, 1, 3]) expect([...moveRule(rules, i, d)].sort()).toEqual(rules);
  });
});

it('a new rule is a valid allow-TCP rule the user narrows', () => {
  expect(newRule('fw-1-rule-1')).toEqual({
    id: 'fw-1-rule-1',
    action: 'allow',
    sources: [],
    destinations: [],
    protocol: 'tcp',
    ports: 'any',
  });
});
