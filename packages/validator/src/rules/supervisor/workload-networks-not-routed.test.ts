import { testRule } from '../../testing/ruleTester.ts';
import rule from './workload-networks-not-routed.ts';
import { emptyDesign, seed001Designs } from '../../../test/fixtures/nsxt.ts';
import { element, seed002, seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const iso = seed002('isolated-2nic');
const multi = seed002('multi-3nic');

// The workload network has a gateway nobody holds... and then no gateway at all.
const noGateway = seed002('isolated-2nic', { routed: false }).doc;
element(noGateway, iso.ids.pg1!).props.gateway = null;

testRule(rule, {
  valid: [{ name: 'empty design', doc: emptyDesign() }, ...seed001Designs(), ...seed002Designs(), ...seed004Designs()],
  invalid: [
    {
      name: 'seed 002 mistake isolated-not-routed: no router between primary-pg and workload-pg',
      doc: seed002('isolated-2nic', { routed: false }).doc,
      errors: [
        {
          targets: [iso.ids.wn1!, iso.ids.sup!, iso.ids.primary!, iso.ids.pg1!, iso.ids.primaryPg!],
          severity: 'error',
          data: { goal: 'primary', reason: 'next-hop-unresolved' },
        },
        { targets: [iso.ids.wn1!, iso.ids.sup!, iso.ids.pg1!, iso.ids.mgmt!], data: { goal: 'management' } },
      ],
    },
    {
      name: 'topology 4 with no namespace network routed',
      doc: seed002('multi-3nic', { routed: false }).doc,
      errors: [
        { targets: [multi.ids.wn1!, multi.ids.primary!], data: { goal: 'primary' } },
        { targets: [multi.ids.wn1!, multi.ids.mgmt!], data: { goal: 'management' } },
        { targets: [multi.ids.wn2!, multi.ids.primary!], data: { goal: 'primary' } },
        { targets: [multi.ids.wn2!, multi.ids.mgmt!], data: { goal: 'management' } },
      ],
    },
    {
      name: 'workload network without a gateway',
      doc: noGateway,
      errors: [
        { targets: [iso.ids.wn1!, iso.ids.primary!], data: { goal: 'primary', reason: 'no-route' } },
        { targets: [iso.ids.wn1!, iso.ids.mgmt!], data: { goal: 'management', reason: 'no-route' } },
      ],
    },
  ],
});
