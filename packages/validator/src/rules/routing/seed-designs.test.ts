import { describe, expect, it } from 'vitest';
import { restore } from '@viplane/model';
import { runRules } from '../../engine/validate.ts';
import { lower } from '../../l3/lower.ts';
import { routingRules } from './index.ts';
import { tkgRules } from '../tkg/index.ts';
import { akoRules } from '../ako/index.ts';
import { seedDesigns } from '../../../test/fixtures/routing.ts';

/** The seeds' reference designs work as published: no routing, TKG or AKO finding on them. */
describe('seed reference designs under the routing, tkg and ako rules', () => {
  for (const { name, doc } of seedDesigns())
    it(`${name} is clean`, () => {
      const r = restore(doc);
      expect(r.ok ? [] : r.errors).toEqual([]);
      const found = runRules(lower(doc), [...routingRules, ...tkgRules, ...akoRules]);
      expect(found, JSON.stringify(found, null, 1)).toEqual([]);
    });
});
