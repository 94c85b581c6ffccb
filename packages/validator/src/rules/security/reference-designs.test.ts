/**
 * Seed 000's verdict table (domain.md §2): every reference design gets exactly the design warnings the seed gives it,
 * and no IPAM finding. Run with the ipam/* and security/* rules only.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../engine/validate.ts';
import { lower } from '../../l3/lower.ts';
import { ipamRules } from '../ipam/index.ts';
import { securityRules } from './index.ts';
import { seed000, type Seed000Design } from '../../../test/fixtures/security.ts';
import { seed001, seed002Multi, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

const VERDICT: Record<Seed000Design, string[]> = {
  '1-network': ['security/single-network'],
  '2-network': ['security/vip-on-node-network'],
  '3-network-alb': [],
  '3-network-kubevip': [],
};

describe("seed 000's reference designs", () => {
  for (const [design, expected] of Object.entries(VERDICT) as [Seed000Design, string[]][])
    it(`${design}: ${expected.join(', ') || 'clean'}`, () => {
      const found = runRules(lower(seed000(design).doc), [...ipamRules, ...securityRules]);
      expect([...new Set(found.map((d) => d.ruleId))]).toEqual(expected);
      expect(found.every((d) => d.severity === 'warning')).toBe(true);
    });
});

describe('the other seeds have no IPAM finding', () => {
  for (const [name, build] of Object.entries({ seed001, seed002One24, seed002Multi, seed003 }))
    it(name, () => {
      expect(runRules(lower(build().doc), ipamRules)).toEqual([]);
    });
});
