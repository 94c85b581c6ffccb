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

  describe('address sets: every source must reach every destination (client sources: some)', () => {
    const pool = { family: 4 as const, first: 0xc0a8210a, last: 0xc0a82131 }; // 192.168.33.10-49, the SE group's SE pool
    const tuple = { sources: [pool], ports: [{ first: 8443, last: 8443 }] };
    const denySe: FilterRule = { id: 'deny-se', action: 'deny', sources: ['se-group-default'], destinations: [], protocol: 'tcp', ports: 'any' };

    // The bug: an allow of one SE decided for the whole SE pool, so the deny of the SE group below it
    // never counted although every other SE is blocked.
    it('an allow of one SE address does not let the rest of the SE pool through a deny of the group', () => {
      const one: FilterRule = { id: 'one-se', action: 'allow', sources: ['192.168.33.10'], destinations: [], protocol: 'tcp', ports: '8443' };
      expect(decideOn([one, denySe], tuple)).toEqual({ action: 'deny', ruleNumber: 2 });
      // Nothing denies the rest: the default deny does.
      expect(decideOn([one], tuple)).toEqual({ action: 'deny', ruleNumber: 0 });
    });

    it('allows that together cover the pool allow it, by the first of them', () => {
      const low: FilterRule = { id: 'low', action: 'allow', sources: ['192.168.33.10-192.168.33.29'], destinations: [], protocol: 'tcp', ports: '8443' };
      const high: FilterRule = { id: 'high', action: 'allow', sources: ['192.168.33.30-192.168.33.49'], destinations: [], protocol: 'tcp', ports: 'any' };
      expect(decideOn([low, high, denySe], tuple)).toEqual({ action: 'allow', ruleNumber: 1 });
      // One address short at the top (±1 at the span's edge): the deny meets 192.168.33.49.
      const short: FilterRule = { ...high, sources: ['192.168.33.30-192.168.33.48'] };
      expect(decideOn([low, short, denySe], tuple)).toEqual({ action: 'deny', ruleNumber: 3 });
      // Source inside but a port outside: the allow of 443 leaves 8443 to the deny.
      expect(decideOn([{ ...low, sources: ['se-group-default'], ports: '443' }, denySe], tuple)).toEqual({ action: 'deny', ruleNumber: 2 });
    });

    it('every destination must be reached: an allow to one Controller node leaves the other to the default deny', () => {
      const nodes = [controller, { family: 4 as const, first: 0xc0a81e15, last: 0xc0a81e16 }]; // 192.168.30.20, .21-.22
      const toOne: FilterRule = { id: 'to-one', action: 'allow', sources: [], destinations: ['192.168.30.20'], protocol: 'tcp', ports: 'any' };
      expect(decideOn([toOne], { ...tuple, destinations: nodes })).toEqual({ action: 'deny', ruleNumber: 0 });
      const toAll: FilterRule = { ...toOne, id: 'to-all', destinations: ['192.168.30.21-192.168.30.22'] };
      expect(decideOn([toOne, toAll, denySe], { ...tuple, destinations: nodes })).toEqual({ action: 'allow', ruleNumber: 1 });
    });

    it('client sources: some client getting through is enough (narrowing clients is policy); destinations are still all', () => {
      const clients = { ...tuple, sources: [{ family: 4 as const, first: 0, last: 0xffffffff }], sourcesAll: false };
      const branch: FilterRule = { id: 'branch', action: 'allow', sources: ['10.2.0.0/24'], destinations: [], protocol: 'tcp', ports: '8443' };
      const denyAll: FilterRule = { id: 'deny-all', action: 'deny', sources: [], destinations: [], protocol: 'any', ports: 'any' };
      expect(decideOn([branch, denyAll], clients)).toEqual({ action: 'allow', ruleNumber: 1 });
      // The same set as a source that must get through whole is denied.
      expect(decideOn([branch, denyAll], { ...clients, sourcesAll: true })).toEqual({ action: 'deny', ruleNumber: 2 });
      const nodes = [controller, { family: 4 as const, first: 0xc0a81e15, last: 0xc0a81e15 }];
      const toOne: FilterRule = { ...branch, destinations: ['192.168.30.20'] };
      expect(decideOn([toOne, denyAll], { ...clients, destinations: nodes })).toEqual({ action: 'deny', ruleNumber: 2 });
    });
  });
});
