import { testRule } from '../../testing/ruleTester.ts';
import rule from './pod-cidr-capacity.ts';
import { seed001Designs, seed001TkgRoutable } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed001TkgRoutable();

testRule(rule, {
  valid: [
    { name: 'boundary: /21 holds 8 nodes = 1 CP + 6 workers + 1 surge', doc: seed001TkgRoutable({ cl1Workers: 6 }).doc },
    { name: 'boundary: /22 holds 4 nodes = 1 CP + 2 workers + 1 surge', doc: seed001TkgRoutable({ cl1PodCidr: '172.16.136.0/22' }).doc },
    { name: 'a /25 is pod-cidr-too-small, not capacity', doc: seed001TkgRoutable({ cl1PodCidr: '172.16.136.0/25' }).doc },
    ...seed001Designs(),
    ...seed002Designs(),
    ...seed004Designs(),
  ],
  invalid: [
    {
      name: 'seed 001 mistake cluster-cidr-too-few-nodes: /23 holds 2 nodes, cl1 needs 4',
      doc: seed001TkgRoutable({ cl1PodCidr: '172.16.136.0/23' }).doc,
      errors: [{ targets: [ids.cl1], severity: 'error', data: { capacity: 2, demand: 4 } }],
    },
    {
      name: 'boundary: /21 with 1 CP + 7 workers + 1 surge = 9 nodes',
      doc: seed001TkgRoutable({ cl1Workers: 7 }).doc,
      errors: [{ targets: [ids.cl1], data: { capacity: 8, demand: 9 } }],
    },
    {
      name: 'boundary: /22 with 1 CP + 3 workers + 1 surge = 5 nodes',
      doc: seed001TkgRoutable({ cl1PodCidr: '172.16.136.0/22', cl1Workers: 3 }).doc,
      errors: [{ targets: [ids.cl1], data: { capacity: 4, demand: 5 } }],
    },
  ],
});
