import { testRule } from '../../testing/ruleTester.ts';
import rule from './routed-pods-cidr-set.ts';
import { seed001Designs, seed001TkgsRoutable } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed001TkgsRoutable();

testRule(rule, {
  valid: [
    { name: 'antrea (NAT) TKC with its own pod CIDR', doc: seed001TkgsRoutable({ cni: 'antrea', podCidrBlocks: ['192.168.0.0/16'] }).doc },
    ...seed001Designs(),
    ...seed002Designs(),
    ...seed004Designs(),
  ],
  invalid: [
    {
      name: 'seed 001 mistake tkc-routed-with-pods-cidr',
      doc: seed001TkgsRoutable({ podCidrBlocks: ['192.168.0.0/16'] }).doc,
      errors: [{ targets: [ids.tkc], severity: 'error', data: { podCidrBlocks: ['192.168.0.0/16'] } }],
    },
  ],
});
