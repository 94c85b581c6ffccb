import { testRule } from '../../testing/ruleTester.ts';
import rule from './infra-vlan-disabled.ts';
import { emptyDesign, seed001Designs } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004, seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed004();

testRule(rule, {
  valid: [{ name: 'empty design', doc: emptyDesign() }, ...seed001Designs(), ...seed002Designs(), ...seed004Designs()],
  invalid: [
    {
      name: 'seed 004 mistake aep-infra-vlan-off: "Enable Infrastructure VLAN" unchecked',
      doc: seed004({ fabric: { infraVlanEnabled: false } }).doc,
      errors: [{ targets: [ids.fabric], severity: 'error', data: { infraVlanEnabled: false, infraVlan: 3967 } }],
    },
    {
      name: 'infra VLAN not set',
      doc: seed004({ fabric: { infraVlan: null } }).doc,
      errors: [{ targets: [ids.fabric], data: { infraVlanEnabled: true, infraVlan: null } }],
    },
    {
      name: 'both: one diagnostic for the fabric',
      doc: seed004({ fabric: { infraVlanEnabled: false, infraVlan: null } }).doc,
      errors: [{ targets: [ids.fabric], data: { infraVlanEnabled: false, infraVlan: null } }],
    },
  ],
});
