import { testRule } from '../../testing/ruleTester.ts';
import rule from './no-l3out.ts';
import { emptyDesign, seed001Designs } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004, seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed004();

testRule(rule, {
  valid: [{ name: 'empty design', doc: emptyDesign() }, ...seed001Designs(), ...seed002Designs(), ...seed004Designs()],
  invalid: [
    {
      name: 'seed 004 mistake no-l3out',
      doc: seed004({ fabric: { l3out: null } }).doc,
      errors: [{ targets: [ids.fabric], severity: 'error', data: { l3out: null } }],
    },
    {
      name: 'L3Out without external networks',
      doc: seed004({ fabric: { l3out: { name: 'k8s_demo2_l3out', externalNetworks: [] } } }).doc,
      errors: [{ targets: [ids.fabric], data: { l3out: 'k8s_demo2_l3out', externalNetworks: [] } }],
    },
    {
      name: 'L3Out with a blank name',
      doc: seed004({ fabric: { l3out: { name: ' ', externalNetworks: ['k8s_demo2_extepg'] } } }).doc,
      errors: [{ targets: [ids.fabric], data: { l3out: null } }],
    },
  ],
});
