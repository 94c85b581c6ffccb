import { testRule } from '../../testing/ruleTester.ts';
import rule from './gateway-outside-subnet.ts';
import { SEED000_DESIGNS, seed000, withLink, withProps } from '../../../test/fixtures/security.ts';
import { seed001, seed002Multi, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

const two = seed000('2-network');
const s002 = seed002One24();
const s001 = seed001();

testRule(rule, {
  valid: [
    ...SEED000_DESIGNS.map((d) => ({ name: `seed 000 ${d}: gateways .1 of each port group`, doc: seed000(d).doc })),
    { name: 'seed 002 /24: HAProxy NIC gateways on their own networks', doc: s002.doc },
    { name: 'seed 002 topology 3', doc: seed002Multi().doc },
    { name: 'seed 001: segment gateway 172.16.128.1', doc: s001.doc },
    { name: 'seed 003: gateways .254', doc: seed003().doc },
    { name: 'boundary: the last host of 192.168.48.0/22', doc: withProps(two.doc, two.ids.data48, { gateway: '192.168.51.254' }) },
    { name: 'a network without subnet is skipped', doc: withProps(two.doc, two.ids.data48, { subnet: null, gateway: '10.0.0.1' }) },
  ],
  invalid: [
    {
      name: 'typo: 192.168.84.1 for dp-data-48',
      doc: withProps(two.doc, two.ids.data48, { gateway: '192.168.84.1' }),
      errors: [{ targets: [two.ids.data48], severity: 'error', data: { gateway: '192.168.84.1', problem: 'outside' } }],
    },
    {
      name: 'gateway on the broadcast address',
      doc: withProps(two.doc, two.ids.data48, { gateway: '192.168.51.255' }),
      errors: [{ targets: [two.ids.data48], data: { problem: 'broadcast-address' } }],
    },
    {
      name: 'segment gateway on the network address',
      doc: withProps(s001.doc, s001.ids.seg, { gateway: '172.16.128.0' }),
      errors: [{ targets: [s001.ids.seg], data: { problem: 'network-address' } }],
    },
    {
      name: 'HAProxy management NIC pointing at the workload gateway',
      doc: withLink(s002.doc, s002.ids.hpMgmt, { gateway: '192.168.120.1' }),
      errors: [{ targets: [s002.ids.hp, s002.ids.hpMgmt, s002.ids.mgmt], data: { gateway: '192.168.120.1', subnet: '192.168.110.0/24' } }],
    },
  ],
});
