import type { TopologyDocument } from '@viplane/model';
import { testRule } from '../../testing/ruleTester.ts';
import rule from './range-outside-subnet.ts';
import { SEED000_DESIGNS, seed000, withElement, withProps } from '../../../test/fixtures/security.ts';
import { seed001, seed002Multi, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

const two = seed000('2-network');
const s002 = seed002One24();
const s003 = seed003();

/** The seed 002 /24 design with a frontend port group 192.168.130.0/24 and an HAProxy NIC on it. */
function withFrontend(doc: TopologyDocument, from: string, to: string, nic: { role: 'frontend'; address: string }) {
  const withNet = withElement(doc, 'portGroup', to, { subnet: '192.168.130.0/24', gateway: '192.168.130.1' });
  return {
    ...withNet,
    links: [
      ...withNet.links,
      {
        id: `${from}--${to}`,
        kind: 'nic' as const,
        from,
        to,
        role: nic.role,
        address: nic.address,
        addressMode: 'static' as const,
        gateway: null,
      },
    ],
  };
}

testRule(rule, {
  valid: [
    ...SEED000_DESIGNS.map((d) => ({ name: `seed 000 ${d}`, doc: seed000(d).doc })),
    { name: 'seed 002 /24: VIPs 192.168.120.128/25 and workload ranges inside 192.168.120.0/24', doc: s002.doc },
    { name: 'seed 002 topology 3', doc: seed002Multi().doc },
    { name: 'seed 001', doc: seed001().doc },
    { name: 'seed 003 pool .1-.100 in 172.16.251.0/24', doc: s003.doc },
    {
      name: 'boundary: a pool covering the whole /22 up to its last address',
      doc: withProps(two.doc, two.ids.data48, {
        ranges: [{ id: 'data48-vip', purpose: 'vip-pool', start: '192.168.48.0', end: '192.168.51.255' }],
      }),
    },
    { name: 'a network without subnet is skipped', doc: withProps(two.doc, two.ids.data48, { subnet: null }) },
    {
      name: 'Frontend topology: the VIP CIDR inside the frontend network',
      doc: withFrontend(
        withProps(s002.doc, s002.ids.hp, { topology: 'frontend', vipRanges: ['192.168.130.64/26'] }),
        s002.ids.hp,
        'frontend-pg',
        {
          role: 'frontend',
          address: '192.168.130.5',
        },
      ),
    },
  ],
  invalid: [
    {
      name: 'VIP pool running past the end of dp-data-48',
      doc: withProps(two.doc, two.ids.data48, {
        ranges: [{ id: 'data48-vip', purpose: 'vip-pool', start: '192.168.51.0', end: '192.168.52.10' }],
      }),
      errors: [{ targets: [two.ids.data48, 'data48-vip'], severity: 'error', data: { subnet: '192.168.48.0/22' } }],
    },
    {
      name: 'seed 003 pool written in the management subnet',
      doc: withProps(s003.doc, s003.ids.albVip, {
        ranges: [{ id: 'alb-vip-pool', purpose: 'se-vip-pool', start: '172.16.250.1', end: '172.16.250.100' }],
      }),
      errors: [{ targets: [s003.ids.albVip, 'alb-vip-pool'] }],
    },
    {
      name: 'Supervisor workload range outside its port group',
      doc: withProps(s002.doc, s002.ids.second, {
        ranges: [{ id: 'workload-2-range', purpose: 'workload', start: '192.168.121.51', end: '192.168.121.60' }],
      }),
      errors: [{ targets: [s002.ids.second, 'workload-2-range', s002.ids.wl] }],
    },
    {
      name: 'HAProxy VIP CIDR inside its management network, not the primary workload network (Default topology)',
      doc: withProps(s002.doc, s002.ids.hp, { vipRanges: ['192.168.110.128/25'] }),
      errors: [{ targets: [s002.ids.hp, `${s002.ids.hp}/vip/0`, s002.ids.wl], data: { subnet: '192.168.120.0/24' } }],
    },
    {
      name: 'Frontend topology: the VIP CIDR belongs to the frontend network, even when the workload network holds it',
      doc: withFrontend(withProps(s002.doc, s002.ids.hp, { topology: 'frontend' }), s002.ids.hp, 'frontend-pg', {
        role: 'frontend',
        address: '192.168.130.5',
      }),
      errors: [{ targets: [s002.ids.hp, `${s002.ids.hp}/vip/0`, 'frontend-pg'], data: { subnet: '192.168.130.0/24' } }],
    },
    {
      name: 'HAProxy VIP CIDR on none of its networks',
      doc: withProps(s002.doc, s002.ids.hp, { vipRanges: ['192.168.121.128/25'] }),
      errors: [{ targets: [s002.ids.hp, `${s002.ids.hp}/vip/0`, s002.ids.wl] }],
    },
  ],
});
