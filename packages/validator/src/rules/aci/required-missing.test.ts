import { testRule } from '../../testing/ruleTester.ts';
import rule from './required-missing.ts';
import { seed004 } from '../../../test/fixtures/aci.ts';
import { mutate } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed004();

testRule(rule, {
  valid: [
    { name: 'seed 004: every required value', doc },
    {
      name: 'an imported fabric whose pod subnet the input did not give (unknown)',
      doc: mutate(seed004({ fabric: { podSubnet: null } }).doc, (d) => {
        d.elements.find((e) => e.id === ids.fabric)!.unknown = ['podSubnet'];
      }),
    },
  ],
  invalid: [
    {
      name: 'no AEP, no pod subnet, no service VLAN',
      doc: seed004({ fabric: { aep: '', podSubnet: null, serviceVlan: null } }).doc,
      errors: [
        {
          targets: [ids.fabric],
          severity: 'error',
          data: { missing: ['aci_config.aep', 'net_config.pod_subnet', 'net_config.service_vlan'] },
        },
      ],
    },
    {
      name: 'no APIC host and no VRF name',
      doc: seed004({ fabric: { apicHosts: [], vrf: { name: '', tenant: 'k8s_demo2' } } }).doc,
      errors: [{ targets: [ids.fabric], data: { missing: ['aci_config.apic_hosts', 'aci_config.vrf.name'] } }],
    },
  ],
});
