import { describe, expect, it } from 'vitest';
import type { FilterRule } from '@viplane/model';
import { controllerBehindFirewall, FW } from '../../test/fixtures/firewall.ts';
import { lower } from '../l3/lower.ts';
import { evaluatePath, type FlowTuple } from './filters.ts';

const se = { family: 4 as const, first: 0xc0a82014, last: 0xc0a82014 }; // 192.168.32.20
const controller = { family: 4 as const, first: 0xc0a81e14, last: 0xc0a81e14 }; // 192.168.30.20

function decideOn(rules: FilterRule[], tuple: Partial<FlowTuple>) {
  const model = lower(controllerBehindFirewall(rules));
  const [d] = evaluatePath(model, [FW], { sources: [se], destinations: [controller], protocol: 'tcp', ports: null, ...tuple });
  return d && { action: d.action, ruleNumber: d.ruleNumber };
}

describe('decide', () => {
  // Found by test/filters.differential.test.ts: a tcp/udp flow took the first rule that applied to
  // either protocol, so an allow of UDP 53 hid the deny of TCP 53 below it.
  it('a tcp/udp flow is denied when one of its protocols is, whatever the other one gets first', () => {
    const rules: FilterRule[] = [
      { id: 'dns-udp', action: 'allow', sources: [], destinations: [], protocol: 'udp', ports: '53' },
      { id: 'no-tcp', action: 'deny', sources: [], destinations: [], protocol: 'tcp', ports: 'any' },
      { id: 'rest', action: 'allow', sources: [], destinations: [], protocol: 'any', ports: 'any' },
    ];
    expect(decideOn(rules, { protocol: 'tcp/udp', ports: [{ first: 53, last: 53 }] })).toEqual({ action: 'deny', ruleNumber: 2 });
    expect(decideOn(rules, { protocol: 'udp', ports: [{ first: 53, last: 53 }] })).toEqual({ action: 'allow', ruleNumber: 1 });
  });

  it('a tcp/udp flow allowed on both protocols reports the allow of the first one', () => {
    const rules: FilterRule[] = [
      { id: 'dns-tcp', action: 'allow', sources: [], destinations: [], protocol: 'tcp', ports: '53' },
      { id: 'dns-udp', action: 'allow', sources: [], destinations: [], protocol: 'udp', ports: '53' },
    ];
    expect(decideOn(rules, { protocol: 'tcp/udp', ports: [{ first: 53, last: 53 }] })).toEqual({ action: 'allow', ruleNumber: 1 });
    expect(decideOn(rules, { protocol: 'tcp/udp', ports: [{ first: 54, last: 54 }] })).toEqual({ action: 'deny', ruleNumber: 0 });
  });

  it('a deny of one port is not hidden by an allow of another port of the same flow', () => {
    const rules: FilterRule[] = [
      { id: 'ssh', action: 'allow', sources: [], destinations: [], protocol: 'tcp', ports: '22' },
      { id: 'no-8443', action: 'deny', sources: [], destinations: [], protocol: 'tcp', ports: '8443' },
    ];
    const ports = [
      { first: 22, last: 22 },
      { first: 8443, last: 8443 },
    ];
    expect(decideOn(rules, { ports })).toEqual({ action: 'deny', ruleNumber: 2 });
  });
});
