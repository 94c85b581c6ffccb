import { testRule } from '../../testing/ruleTester.ts';
import rule from './pool-exhausted.ts';
import { SEED000_DESIGNS, seed000, withLink, withProps } from '../../../test/fixtures/security.ts';
import { seed001, seed002Multi, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

const two = seed000('2-network');
const s002 = seed002One24();
const multi = seed002Multi();
const s003 = seed003();
const pool = (start: string, end: string) => ({ ranges: [{ id: 'alb-vip-pool', purpose: 'se-vip-pool', start, end }] });
/** Seed 002 /24 primary range .31-.40 (10 addresses): 3 Supervisor VMs + tkc-1 (1 CP + n workers + 1 surge). */
const workers = (n: number) => withProps(s002.doc, s002.ids.tkc, { workerCount: n });

testRule(rule, {
  valid: [
    ...SEED000_DESIGNS.map((d) => ({ name: `seed 000 ${d}`, doc: seed000(d).doc })),
    { name: 'seed 001: 11 nodes from a 245-address DHCP scope', doc: seed001().doc },
    { name: 'seed 002 /24: 3 Supervisor VMs + 4 for tkc-1 of 10 (70 %)', doc: s002.doc },
    { name: 'seed 002 topology 3', doc: multi.doc },
    { name: 'seed 003: 2 SEs + 2 VIPs of 100', doc: s003.doc },
    { name: 'boundary: 8 of 10 is exactly 80 %, not above', doc: workers(3) },
    {
      name: 'HAProxy at .31 in a primary range .31-.33 leaves 2 for 3 VMs: supervisor/control-plane-ips reports it, not this rule',
      doc: withLink(
        withProps(s002.doc, s002.ids.primary, {
          ranges: [{ id: 'primary-range', purpose: 'workload', start: '192.168.120.31', end: '192.168.120.33' }],
        }),
        s002.ids.hpWl,
        { address: '192.168.120.31' },
      ),
    },
    {
      name: 'a primary range too small for the 3 Supervisor VMs is supervisor/control-plane-ips, not this rule',
      doc: withProps(s002.doc, s002.ids.primary, {
        ranges: [{ id: 'primary-range', purpose: 'workload', start: '192.168.120.31', end: '192.168.120.32' }],
      }),
    },
    {
      name: 'a VIP network with no pool at all is left to tkg/vip-network-not-registered',
      doc: withProps(two.doc, two.ids.data48, { ranges: [] }),
    },
    {
      name: 'a malformed range is ipam/invalid-cidr, its pool is not counted',
      doc: withProps(two.doc, two.ids.data48, {
        ranges: [{ id: 'data48-vip', purpose: 'vip-pool', start: '192.168.49.255', end: '192.168.49.0' }],
      }),
    },
  ],
  invalid: [
    {
      name: 'HAProxy VIP CIDR /31 for the Supervisor API VIP and the TKC API VIP is full',
      doc: withProps(s002.doc, s002.ids.hp, { vipRanges: ['192.168.120.128/31'] }),
      errors: [
        {
          targets: [s002.ids.hp, `${s002.ids.hp}/vip/0`, s002.ids.sup, s002.ids.tkc],
          severity: 'warning',
          data: { demand: 2, capacity: 2, kind: 'haproxy-vip' },
        },
      ],
    },
    {
      name: 'HAProxy VIP CIDR /31 at the end of the /24: the broadcast address .255 is not a VIP, 1 address for 2',
      doc: withProps(s002.doc, s002.ids.hp, { vipRanges: ['192.168.120.254/31'] }),
      errors: [
        {
          targets: [s002.ids.hp, `${s002.ids.hp}/vip/0`, s002.ids.sup, s002.ids.tkc],
          severity: 'error',
          data: { demand: 2, capacity: 1, kind: 'haproxy-vip' },
        },
      ],
    },
    {
      name: 'HAProxy VIP CIDR /30 with a reserved range on its network: 2 of 4 addresses are left for 2',
      doc: withProps(withProps(s002.doc, s002.ids.hp, { vipRanges: ['192.168.120.128/30'] }), s002.ids.wl, {
        ranges: [{ id: 'wl-reserved', purpose: 'reserved', start: '192.168.120.128', end: '192.168.120.129' }],
      }),
      errors: [{ targets: [s002.ids.hp, `${s002.ids.hp}/vip/0`], severity: 'warning', data: { demand: 2, capacity: 2, percent: 100 } }],
    },
    {
      name: 'IPv6 as IPv4: a fixed address inside the pool takes capacity, ::1-::5 with the DNS VS on ::5 is 4 of 4',
      doc: ipv6Vip('2001:db8:251::1', '2001:db8:251::5', '2001:db8:251::5'),
      errors: [{ targets: [s003.ids.albVip, 'alb-vip-pool'], severity: 'warning', data: { demand: 4, capacity: 4, percent: 100 } }],
    },
    {
      name: "IPv6: the subnet's first address (Subnet-Router anycast) is not handed out: :: to ::3 is 3 for 4",
      doc: ipv6Vip('2001:db8:251::', '2001:db8:251::3', '2001:db8:251::fd'),
      errors: [{ targets: [s003.ids.albVip, 'alb-vip-pool'], severity: 'error', data: { demand: 4, capacity: 3 } }],
    },
    {
      name: 'a blank VIP address is not set: the virtual service takes one from the pool (.1-.3 for 4)',
      doc: withProps(withProps(s003.doc, s003.ids.albVip, pool('172.16.251.1', '172.16.251.3')), s003.ids.lb, { address: '' }),
      errors: [{ targets: [s003.ids.albVip, 'alb-vip-pool', s003.ids.lb], severity: 'error', data: { demand: 4, capacity: 3 } }],
    },
    {
      name: 'a workload range reaching into the HAProxy VIP range loses those addresses: .121-.134 gives 7 for 7',
      doc: withProps(s002.doc, s002.ids.primary, {
        ranges: [{ id: 'primary-range', purpose: 'workload', start: '192.168.120.121', end: '192.168.120.134' }],
      }),
      errors: [
        {
          targets: [s002.ids.primary, s002.ids.wl, 'primary-range', s002.ids.sup, s002.ids.tkc],
          severity: 'warning',
          data: { demand: 7, capacity: 7, kind: 'workload' },
        },
      ],
    },
    {
      name: 'seed 002: 9 of 10 addresses needed is above 80 %',
      doc: workers(4),
      errors: [
        {
          targets: [s002.ids.primary, s002.ids.wl, 'primary-range', s002.ids.tkc],
          severity: 'warning',
          data: { demand: 9, capacity: 10, percent: 90 },
        },
      ],
    },
    {
      name: 'seed 002: 11 needed from 10 addresses',
      doc: workers(6),
      errors: [
        { targets: [s002.ids.primary, 'primary-range', s002.ids.sup, s002.ids.tkc], severity: 'error', data: { demand: 11, capacity: 10 } },
      ],
    },
    {
      name: 'seed 002 workload-range-exhausted: ns range .31-.33 for a 1 CP + 2 worker TKC (+1 surge)',
      doc: withProps(multi.doc, multi.ids.wn1, {
        ranges: [{ id: 'ns1-range', purpose: 'workload', start: '192.168.121.31', end: '192.168.121.33' }],
      }),
      errors: [
        { targets: [multi.ids.wn1, 'ns1-range', multi.ids.tkc], severity: 'error', data: { demand: 4, capacity: 3, kind: 'workload' } },
      ],
    },
    {
      name: 'seed 003 vip-pool-exhausted: pool .1-.3 for 2 SEs + LB + Ingress',
      doc: withProps(s003.doc, s003.ids.albVip, pool('172.16.251.1', '172.16.251.3')),
      errors: [
        {
          targets: [s003.ids.albVip, 'alb-vip-pool', s003.ids.se, s003.ids.lb, s003.ids.ingress],
          severity: 'error',
          data: { demand: 4, capacity: 3, kind: 'se-vip' },
        },
      ],
    },
    {
      name: 'a fixed address inside the pool takes capacity: .1-.5 with the DNS VS on .5 is 4 of 4',
      doc: withProps(withProps(s003.doc, s003.ids.albVip, pool('172.16.251.1', '172.16.251.5')), s003.ids.dns, { address: '172.16.251.5' }),
      errors: [{ targets: [s003.ids.albVip, 'alb-vip-pool'], severity: 'warning', data: { demand: 4, capacity: 4, percent: 100 } }],
    },
    {
      name: 'seed 000 2-network: node DHCP scope of 4 addresses for two 1+1(+1) clusters',
      doc: withProps(two.doc, two.ids.data48, {
        ranges: [
          { id: 'data48-se', purpose: 'se-pool', start: '192.168.48.10', end: '192.168.48.49' },
          { id: 'data48-vip', purpose: 'vip-pool', start: '192.168.49.0', end: '192.168.49.255' },
          { id: 'data48-dhcp', purpose: 'dhcp', start: '192.168.50.1', end: '192.168.50.4' },
        ],
      }),
      errors: [
        {
          targets: [two.ids.data48, 'data48-dhcp', two.ids.tkgMgmt, two.ids.tkgWc1],
          severity: 'error',
          data: { demand: 6, capacity: 4, kind: 'nodes' },
        },
      ],
    },
    {
      name: 'seed 000 2-network: VIP pool of 2 for nginx and two control-plane VIPs',
      doc: withProps(two.doc, two.ids.data48, {
        ranges: [
          { id: 'data48-se', purpose: 'se-pool', start: '192.168.48.10', end: '192.168.48.49' },
          { id: 'data48-vip', purpose: 'vip-pool', start: '192.168.49.0', end: '192.168.49.1' },
        ],
      }),
      errors: [
        {
          targets: [two.ids.data48, 'data48-vip', two.ids.nginx, two.ids.tkgMgmt, two.ids.tkgWc1],
          data: { demand: 3, capacity: 2, kind: 'vip' },
        },
      ],
    },
  ],
});

/** Seed 003 with alb-vip moved to IPv6 2001:db8:251::/120 (router at ::fe), its pool `start-end` and the DNS VS at `dns`. */
function ipv6Vip(start: string, end: string, dns: string) {
  const doc = withProps(s003.doc, s003.ids.albVip, {
    subnet: '2001:db8:251::/120',
    gateway: '2001:db8:251::fe',
    ranges: [{ id: 'alb-vip-pool', purpose: 'se-vip-pool', start, end }],
  });
  const routed = withLink(doc, `${s003.ids.router}--${s003.ids.albVip}`, { address: '2001:db8:251::fe' });
  return withProps(routed, s003.ids.dns, { address: dns });
}
