import { testRule } from '../../testing/ruleTester.ts';
import rule from './range-overlap.ts';
import { SEED000_DESIGNS, seed000, withProps } from '../../../test/fixtures/security.ts';
import { seed001, seed002Multi, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

const one = seed000('1-network');
const s002 = seed002One24();

testRule(rule, {
  valid: [
    ...SEED000_DESIGNS.map((d) => ({ name: `seed 000 ${d}: SE pool, VIP pool and DHCP scope apart`, doc: seed000(d).doc })),
    { name: 'seed 002 /24: .31-.40, .51-.60 and VIPs .128/25', doc: s002.doc },
    { name: 'seed 002 topology 3', doc: seed002Multi().doc },
    { name: 'seed 001: DHCP .128.10-.254 and pool .129.1-.254', doc: seed001().doc },
    { name: 'seed 003: one se-vip-pool is one pool', doc: seed003().doc },
    {
      name: 'boundary: workload range ending right before the VIP range',
      doc: withProps(s002.doc, s002.ids.second, {
        ranges: [{ id: 'workload-2-range', purpose: 'workload', start: '192.168.120.100', end: '192.168.120.127' }],
      }),
    },
    {
      name: 'a reserved range inside a DHCP scope is an exclusion',
      doc: withProps(one.doc, one.ids.mgmt, {
        ranges: [
          { id: 'mgmt32-dhcp', purpose: 'dhcp', start: '192.168.40.1', end: '192.168.43.254' },
          { id: 'mgmt32-reserved', purpose: 'reserved', start: '192.168.40.1', end: '192.168.40.20' },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 002: primary workload range 192.168.120.120-140 runs into the VIP range',
      doc: withProps(s002.doc, s002.ids.primary, {
        ranges: [{ id: 'primary-range', purpose: 'workload', start: '192.168.120.120', end: '192.168.120.140' }],
      }),
      errors: [
        {
          targets: [s002.ids.primary, 'primary-range', s002.ids.hp, `${s002.ids.hp}/vip/0`],
          severity: 'error',
          data: { relation: 'partial' },
        },
      ],
    },
    {
      name: 'seed 002: second workload network reuses the primary range',
      doc: withProps(s002.doc, s002.ids.second, {
        ranges: [{ id: 'workload-2-range', purpose: 'workload', start: '192.168.120.31', end: '192.168.120.40' }],
      }),
      errors: [{ targets: ['primary-range', 'workload-2-range'], data: { relation: 'equal' } }],
    },
    {
      name: 'seed 000 1-network: DHCP scope swallowing the VIP pool',
      doc: withProps(one.doc, one.ids.mgmt, {
        ranges: [
          { id: 'mgmt32-se', purpose: 'se-pool', start: '192.168.33.10', end: '192.168.33.49' },
          { id: 'mgmt32-vip', purpose: 'vip-pool', start: '192.168.34.0', end: '192.168.34.255' },
          { id: 'mgmt32-dhcp', purpose: 'dhcp', start: '192.168.34.1', end: '192.168.43.254' },
        ],
      }),
      errors: [{ targets: [one.ids.mgmt, 'mgmt32-vip', 'mgmt32-dhcp'], data: { relation: 'partial' } }],
    },
  ],
});
