/**
 * internal/rule-failed is reported by the engine for a rule that throws, so its cases run the engine
 * with a deliberately faulty rule beside real ones: the fault becomes one diagnostic naming that rule,
 * and the real rules' findings are still there.
 */
import { describe, expect, it } from 'vitest';
import { lower } from '../../l3/lower.ts';
import { runRules, validateWith } from '../../engine/validate.ts';
import { defineRule, type Rule } from '../../engine/rule.ts';
import { rules } from '../index.ts';
import duplicateIp from '../ipam/duplicate-ip.ts';
import rule from './rule-failed.ts';
import { seed000, withProps } from '../../../test/fixtures/security.ts';

const one = seed000('1-network');
// seed 000 vcenter-ip-clash: a VIP fixed at the Controller's address (ipam/duplicate-ip finds it).
const clash = withProps(one.doc, one.ids.nginx, { address: '192.168.32.20' });

function faulty(id: string, reportFirst: boolean): Rule {
  return defineRule({
    meta: { ...duplicateIp.meta, id },
    check(ctx) {
      if (reportFirst) ctx.report({ message: 'a partial finding before the fault', targets: [{ kind: 'portGroup', id: one.ids.mgmt }] });
      const missing = null as unknown as { family: number };
      void missing.family; // the reported crash: a null address read as parsed
    },
  });
}

describe(rule.meta.id, () => {
  it('is in the rule list, reports nothing itself', () => {
    expect(rules).toContain(rule);
    expect(runRules(lower(clash), [rule])).toEqual([]);
  });

  it('valid: every rule runs without it on a seed design', () => {
    expect(validateWith(clash, rules).filter((d) => d.ruleId.startsWith('internal/'))).toEqual([]);
  });

  it('invalid: a rule that throws yields one error naming it, without a stack, and the other rules still report', () => {
    const found = runRules(lower(clash), [faulty('ipam/faulty-a', true), duplicateIp, faulty('ipam/faulty-b', false)]);
    const failed = found.filter((d) => d.ruleId === 'internal/rule-failed');
    expect(failed.map((d) => d.data.rule).sort()).toEqual(['ipam/faulty-a', 'ipam/faulty-b']);
    for (const d of failed) {
      expect(d.severity).toBe('error');
      expect(d.message).toContain(d.data.rule as string);
      expect(d.message).not.toMatch(/\n\s+at /);
      expect(JSON.stringify(d.data)).not.toMatch(/\bat .*\.ts:\d+/);
    }
    // The partial finding of the faulty rule is dropped; duplicate-ip's finding is kept.
    expect(found.filter((d) => d.ruleId === 'ipam/faulty-a')).toEqual([]);
    const dup = found.filter((d) => d.ruleId === 'ipam/duplicate-ip');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.targets.map((t) => t.id)).toEqual(expect.arrayContaining([one.ids.nginx, one.ids.ctrl]));
  });
});
