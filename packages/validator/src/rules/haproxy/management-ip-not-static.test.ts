import { testRule } from '../../testing/ruleTester.ts';
import rule from './management-ip-not-static.ts';
import { emptyDesign, seed001Designs } from '../../../test/fixtures/nsxt.ts';
import { seed002, seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed002('single-2nic');

testRule(rule, {
  valid: [{ name: 'empty design', doc: emptyDesign() }, ...seed001Designs(), ...seed002Designs(), ...seed004Designs()],
  invalid: [
    {
      name: 'seed 002 mistake haproxy-mgmt-dhcp: management IP by DHCP',
      doc: seed002('single-2nic', { managementNic: { address: null, addressMode: 'dhcp' } }).doc,
      errors: [{ targets: [ids.hp!, 'haproxy-01-mgmt', ids.mgmt!], severity: 'error', data: { addressMode: 'dhcp' } }],
    },
    {
      name: 'static mode but no address',
      doc: seed002('multi-3nic', { managementNic: { address: null, addressMode: 'static' } }).doc,
      errors: [{ targets: [ids.hp!, 'haproxy-01-mgmt'], data: { addressMode: 'static', address: null } }],
    },
    {
      name: 'no management NIC at all',
      doc: seed002('single-2nic', { managementNic: null }).doc,
      errors: [{ targets: [ids.hp!], data: { addressMode: null } }],
    },
  ],
});
