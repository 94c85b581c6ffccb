import { testRule } from '../../testing/ruleTester.ts';
import rule from './vlan-invalid.ts';
import { seed001Designs } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004, seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed004();

testRule(rule, {
  valid: [
    { name: 'boundaries 1 and 4094', doc: seed004({ fabric: { kubeApiVlan: 1, serviceVlan: 4094 } }).doc },
    { name: 'unset VLANs are not this rule', doc: seed004({ fabric: { kubeApiVlan: null, serviceVlan: null } }).doc },
    ...seed001Designs(),
    ...seed002Designs(),
    ...seed004Designs(),
  ],
  invalid: [
    {
      name: 'seed 004 mistake vlan-out-of-range: infra VLAN 5000',
      doc: seed004({ fabric: { infraVlan: 5000 } }).doc,
      errors: [{ targets: [ids.fabric], severity: 'error', data: { vlan: 'infra_vlan', value: 5000 } }],
    },
    {
      name: 'boundaries 0 and 4095',
      doc: seed004({ fabric: { kubeApiVlan: 0, serviceVlan: 4095 } }).doc,
      errors: [
        { targets: [ids.fabric], data: { vlan: 'kubeapi_vlan', value: 0 } },
        { targets: [ids.fabric], data: { vlan: 'service_vlan', value: 4095 } },
      ],
    },
    {
      name: 'seed 004 mistake vlan-reuse: service VLAN = kube-api VLAN = 4001',
      doc: seed004({ fabric: { serviceVlan: 4001 } }).doc,
      errors: [{ targets: [ids.fabric], data: { value: 4001, vlans: ['kubeapi_vlan', 'service_vlan'] } }],
    },
    {
      name: 'all three on one VLAN: one diagnostic',
      doc: seed004({ fabric: { kubeApiVlan: 3967, serviceVlan: 3967 } }).doc,
      errors: [{ targets: [ids.fabric], data: { value: 3967, vlans: ['kubeapi_vlan', 'service_vlan', 'infra_vlan'] } }],
    },
  ],
});
