import { testRule } from '../../testing/ruleTester.ts';
import rule from './gateway-in-range.ts';
import { SEED000_DESIGNS, seed000, withLink, withProps } from '../../../test/fixtures/security.ts';
import { seed002Multi, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

const s002 = seed002One24();
const s003 = seed003();
const vip0 = `${s002.ids.hp}/vip/0`;

testRule(rule, {
  valid: [
    { name: 'seed 002 /24: gateway 192.168.120.1, VIPs 192.168.120.128/25', doc: s002.doc },
    { name: 'seed 002 topology 3', doc: seed002Multi().doc },
    ...SEED000_DESIGNS.map((d) => ({ name: `seed 000 ${d} (no HAProxy)`, doc: seed000(d).doc })),
    {
      name: 'a gateway in an NSX-ALB pool is ipam/reserved-address, not this rule',
      doc: withProps(s003.doc, s003.ids.albVip, { gateway: '172.16.251.1' }),
    },
    { name: 'boundary: gateway .127 right below the VIP range', doc: withProps(s002.doc, s002.ids.wl, { gateway: '192.168.120.127' }) },
    {
      // Default topology: the range is on the primary workload network, so it is ipam/range-outside-subnet's finding
      // there; the management network's gateway is not the gateway of the network the VIPs are answered on.
      name: 'a VIP CIDR written in the management subnet, over its gateway, is not on the management network',
      doc: withProps(s002.doc, s002.ids.hp, { vipRanges: ['192.168.110.0/25'] }),
    },
  ],
  invalid: [
    {
      name: 'seed 002 haproxy-gw-in-vip-range: VIP range 192.168.120.0/25 holds the gateway .1',
      doc: withProps(s002.doc, s002.ids.hp, { vipRanges: ['192.168.120.0/25'] }),
      errors: [
        { targets: [s002.ids.hp, vip0, s002.ids.wl], severity: 'error', data: { gateway: '192.168.120.1', vipRange: '192.168.120.0/25' } },
      ],
    },
    {
      name: 'seed 002: gateway moved to 192.168.120.129',
      doc: withProps(s002.doc, s002.ids.wl, { gateway: '192.168.120.129' }),
      errors: [{ targets: [s002.ids.hp, vip0, s002.ids.wl], data: { gateway: '192.168.120.129' } }],
    },
    {
      name: 'HAProxy workload NIC configured with a gateway inside its own VIP range',
      doc: withLink(s002.doc, s002.ids.hpWl, { gateway: '192.168.120.200' }),
      errors: [{ targets: [s002.ids.hp, vip0, s002.ids.hpWl], data: { gateway: '192.168.120.200' } }],
    },
  ],
});
