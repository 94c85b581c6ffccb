import { testRule } from '../../testing/ruleTester.ts';
import rule from './default-topology-in-production.ts';
import { seed001Designs } from '../../../test/fixtures/nsxt.ts';
import { seed002, seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed002('single-2nic');

testRule(rule, {
  valid: [
    { name: 'topology 4 (3 NIC) in production', doc: seed002('multi-3nic', { environment: 'production' }).doc },
    { name: 'Default topology in a lab', doc: seed002('multi-2nic', { environment: 'lab' }).doc },
    ...seed001Designs(),
    ...seed002Designs(),
    ...seed004Designs(),
  ],
  invalid: [
    {
      name: 'seed 002 mistake default-mode-in-production: topology 1 marked production',
      doc: seed002('single-2nic', { environment: 'production' }).doc,
      errors: [{ targets: [ids.hp!], severity: 'warning', data: { topology: 'default', environment: 'production' } }],
    },
    {
      name: 'topology 3 (2 NIC) marked production',
      doc: seed002('multi-2nic', { environment: 'production' }).doc,
      errors: [{ targets: [ids.hp!], severity: 'warning' }],
    },
  ],
});
