import { testRule } from '../../testing/ruleTester.ts';
import rule from './t1-no-uplink.ts';
import { emptyDesign, seed001Designs, seed001TkgRoutable } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed001TkgRoutable();

testRule(rule, {
  valid: [{ name: 'empty design', doc: emptyDesign() }, ...seed001Designs(), ...seed002Designs(), ...seed004Designs()],
  invalid: [
    {
      name: 'seed 001 mistake t1-not-on-t0: tanzu-cl1 has no Tier-0',
      doc: seed001TkgRoutable({ t1OnT0: false }).doc,
      errors: [{ targets: [ids.t1], severity: 'error', data: { tier0: null } }],
    },
    {
      name: 'the Tier-0 has no uplink to the existing network',
      doc: seed001TkgRoutable({ t0Uplink: false }).doc,
      errors: [{ targets: [ids.t1, ids.t0], severity: 'error', data: { tier0: 't0' } }],
    },
  ],
});
