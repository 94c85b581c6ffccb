import { testRule } from '../../testing/ruleTester.ts';
import rule from './pod-cidr-too-small.ts';
import { seed001Designs, seed001TkgRoutable } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed001TkgRoutable();

testRule(rule, {
  valid: [
    { name: 'boundary: CLUSTER_CIDR exactly /24', doc: seed001TkgRoutable({ cl1PodCidr: '172.16.136.0/24' }).doc },
    { name: 'IPv6 CLUSTER_CIDR is not checked', doc: seed001TkgRoutable({ cl1PodCidr: 'fd00:100:96::/112' }).doc },
    { name: 'malformed CLUSTER_CIDR is left to ipam/invalid-cidr', doc: seed001TkgRoutable({ cl1PodCidr: '172.16.136.0/33' }).doc },
    ...seed001Designs(),
    ...seed002Designs(),
    ...seed004Designs(),
  ],
  invalid: [
    {
      name: 'seed 001 mistake cluster-cidr-25: cl1 CLUSTER_CIDR 172.16.136.0/25',
      doc: seed001TkgRoutable({ cl1PodCidr: '172.16.136.0/25' }).doc,
      errors: [{ targets: [ids.cl1], severity: 'error', data: { podCidr: '172.16.136.0/25', prefix: 25 } }],
    },
  ],
});
