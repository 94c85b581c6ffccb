import { testRule } from '../../testing/ruleTester.ts';
import rule from './t1-route-advertisement.ts';
import { seed001Designs, seed001TkgRoutable } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed001TkgRoutable();

testRule(rule, {
  valid: [
    {
      name: 'extra advertisement types do not matter',
      doc: seed001TkgRoutable({ advertisement: ['TIER1_LB_VIP', 'TIER1_STATIC_ROUTES', 'TIER1_NAT', 'TIER1_CONNECTED'] }).doc,
    },
    ...seed001Designs(),
    ...seed002Designs(),
    ...seed004Designs(),
  ],
  invalid: [
    {
      name: 'seed 001 mistake t1-no-static-route-adv: pod routes not advertised',
      doc: seed001TkgRoutable({ advertisement: ['TIER1_CONNECTED'] }).doc,
      errors: [{ targets: [ids.t1, ids.cl1, ids.cl2!], severity: 'error', data: { missing: ['TIER1_STATIC_ROUTES'] } }],
    },
    {
      name: 'seed 001 mistake t1-no-connected-adv: node segment not advertised',
      doc: seed001TkgRoutable({ advertisement: ['TIER1_STATIC_ROUTES'] }).doc,
      errors: [{ targets: [ids.t1, ids.cl1], data: { missing: ['TIER1_CONNECTED'] } }],
    },
    {
      name: 'nothing advertised: one diagnostic for the Tier-1 naming both',
      doc: seed001TkgRoutable({ advertisement: [] }).doc,
      errors: [{ targets: [ids.t1], data: { missing: ['TIER1_STATIC_ROUTES', 'TIER1_CONNECTED'] } }],
    },
  ],
});
