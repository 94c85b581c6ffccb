import { testRule } from '../../testing/ruleTester.ts';
import rule from './subnet-overlap.ts';
import { seed001Designs } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004, seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed004();

testRule(rule, {
  valid: [
    { name: 'boundary: adjacent network 10.3.0.0/16', doc: seed004({ extraNetwork: { name: 'dc-net', subnet: '10.3.0.0/16' } }).doc },
    {
      name: 'the extern_dynamic network drawn on the canvas',
      doc: seed004({ extraNetwork: { name: 'lb-external', subnet: '192.168.51.0/24' } }).doc,
    },
    { name: 'no node port group', doc: seed004({ nodePortGroup: null }).doc },
    {
      name: 'a 0.0.0.0/0 network stands for "anywhere", not an overlap',
      doc: seed004({ extraNetwork: { name: 'anywhere', subnet: '0.0.0.0/0' } }).doc,
    },
    ...seed001Designs(),
    ...seed002Designs(),
    ...seed004Designs(),
  ],
  invalid: [
    {
      name: 'seed 004 mistake pod-subnet-overlaps-node: pod_subnet 10.1.0.1/16',
      doc: seed004({ fabric: { podSubnet: '10.1.0.1/16' } }).doc,
      errors: [
        { targets: [ids.fabric], severity: 'error', data: { a: 'node_subnet', b: 'pod_subnet' } },
        { targets: [ids.fabric, ids.nodePg!], severity: 'error', data: { a: 'pod_subnet', network: 'k8s-node-bd' } },
      ],
    },
    {
      name: 'seed 004 mistake extern-overlaps-node-svc: extern_static 10.5.0.1/24',
      doc: seed004({ fabric: { externStatic: '10.5.0.1/24' } }).doc,
      errors: [{ targets: [ids.fabric], data: { a: 'extern_static', b: 'node_svc_subnet' } }],
    },
    {
      name: 'pod subnet vs extern_dynamic (partial overlap)',
      doc: seed004({ fabric: { podSubnet: '192.168.0.1/16' } }).doc,
      errors: [
        { targets: [ids.fabric], data: { a: 'pod_subnet', b: 'extern_dynamic' } },
        { targets: [ids.fabric], data: { a: 'pod_subnet', b: 'extern_static' } },
      ],
    },
    {
      name: 'another network of the design inside the node subnet',
      doc: seed004({ extraNetwork: { name: 'dc-net', subnet: '10.1.128.0/17' } }).doc,
      errors: [{ targets: [ids.fabric, 'dc-net'], data: { a: 'node_subnet', network: 'dc-net', networkSubnet: '10.1.128.0/17' } }],
    },
  ],
});
