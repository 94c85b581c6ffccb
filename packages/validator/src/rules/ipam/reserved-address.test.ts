import { testRule } from '../../testing/ruleTester.ts';
import rule from './reserved-address.ts';
import { SEED000_DESIGNS, seed000, withLink, withProps } from '../../../test/fixtures/security.ts';
import { seed001, seed002Multi, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

const two = seed000('2-network');
const s002 = seed002One24();
const s003 = seed003();

testRule(rule, {
  valid: [
    ...SEED000_DESIGNS.map((d) => ({
      name: `seed 000 ${d}: 192.168.49.0 and 192.168.34.x are hosts of a /22 and /20`,
      doc: seed000(d).doc,
    })),
    { name: 'seed 002 /24: broadcast 192.168.120.255 inside the HAProxy VIP CIDR is harmless', doc: s002.doc },
    { name: 'seed 002 topology 3', doc: seed002Multi().doc },
    { name: 'seed 001', doc: seed001().doc },
    { name: 'seed 003: gateway .254 outside the pool .1-.100', doc: s003.doc },
    {
      name: 'boundary: DHCP scope up to the last host before the broadcast',
      doc: withProps(two.doc, two.ids.data48, {
        ranges: [{ id: 'data48-dhcp', purpose: 'dhcp', start: '192.168.48.2', end: '192.168.51.254' }],
      }),
    },
    {
      name: 'a reserved range may hold the gateway',
      doc: withProps(two.doc, two.ids.data48, {
        ranges: [{ id: 'data48-infra', purpose: 'reserved', start: '192.168.48.0', end: '192.168.48.9' }],
      }),
    },
    {
      name: 'gateway inside the HAProxy VIP range is ipam/gateway-in-range, not this rule',
      doc: withProps(s002.doc, s002.ids.hp, { vipRanges: ['192.168.120.0/25'] }),
    },
    {
      name: 'a range partly outside its subnet is left to ipam/range-outside-subnet',
      doc: withProps(two.doc, two.ids.data48, {
        ranges: [{ id: 'data48-vip', purpose: 'vip-pool', start: '192.168.51.0', end: '192.168.52.10' }],
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 003 vip-gw-in-pool: gateway of alb-vip set to .1, the first pool address',
      doc: withProps(s003.doc, s003.ids.albVip, { gateway: '172.16.251.1' }),
      errors: [{ targets: [s003.ids.albVip, 'alb-vip-pool'], severity: 'error', data: { address: '172.16.251.1', reserved: 'gateway' } }],
    },
    {
      name: 'DHCP scope including the broadcast address of 192.168.48.0/22',
      doc: withProps(two.doc, two.ids.data48, {
        ranges: [{ id: 'data48-dhcp', purpose: 'dhcp', start: '192.168.51.0', end: '192.168.51.255' }],
      }),
      errors: [{ targets: [two.ids.data48, 'data48-dhcp'], data: { address: '192.168.51.255', reserved: 'broadcast' } }],
    },
    {
      name: 'VIP pool starting at the network address and including the gateway',
      doc: withProps(two.doc, two.ids.data48, {
        ranges: [{ id: 'data48-vip', purpose: 'vip-pool', start: '192.168.48.0', end: '192.168.48.255' }],
      }),
      errors: [
        { targets: [two.ids.data48, 'data48-vip'], data: { address: '192.168.48.0', reserved: 'network' } },
        { targets: [two.ids.data48, 'data48-vip'], data: { address: '192.168.48.1', reserved: 'gateway' } },
      ],
    },
    {
      name: 'gateway set on the HAProxy workload NIC inside the primary workload range',
      doc: withLink(s002.doc, s002.ids.hpWl, { gateway: '192.168.120.35' }),
      errors: [
        {
          targets: [s002.ids.primary, 'primary-range', s002.ids.hp, s002.ids.hpWl],
          data: { address: '192.168.120.35', reserved: 'gateway' },
        },
      ],
    },
  ],
});
