import { testRule } from '../../testing/ruleTester.ts';
import rule from './static-ip-in-dynamic-range.ts';
import { SEED000_DESIGNS, seed000, withLink, withProps } from '../../../test/fixtures/security.ts';
import { seed001, seed002Multi, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

const one = seed000('1-network');
const two = seed000('2-network');
const kubevip = seed000('3-network-kubevip');
const s001 = seed001();
const s002 = seed002One24();
const s003 = seed003();

testRule(rule, {
  valid: [
    ...SEED000_DESIGNS.map((d) => ({ name: `seed 000 ${d}`, doc: seed000(d).doc })),
    { name: 'seed 000 kube-vip: app VIP 192.168.49.0 placed in the VIP pool, endpoints outside the DHCP scope', doc: kubevip.doc },
    { name: 'seed 001: kube-vip endpoints 172.16.135.240/.250 outside the DHCP scope', doc: s001.doc },
    { name: 'seed 002 /24: HAProxy workload IP .5 outside the VIP CIDR and workload ranges', doc: s002.doc },
    { name: 'seed 002 topology 3', doc: seed002Multi().doc },
    { name: 'seed 003: DNS VS .253 outside the pool .1-.100', doc: s003.doc },
    { name: 'boundary: DNS VS right after the pool', doc: withProps(s003.doc, s003.ids.dns, { address: '172.16.251.101' }) },
    {
      name: 'a fixed NSX-ALB endpoint inside the VIP pool is a VIP placed by hand',
      doc: withProps(two.doc, two.ids.tkgMgmt, { endpoint: { provider: 'nsx-alb', address: '192.168.49.200' } }),
    },
    {
      name: 'the gateway inside a pool is ipam/reserved-address, not this rule',
      doc: withProps(s003.doc, s003.ids.albVip, { gateway: '172.16.251.1' }),
    },
  ],
  invalid: [
    {
      name: 'seed 003 dns-vs-in-pool: DNS VS 172.16.251.50',
      doc: withProps(s003.doc, s003.ids.dns, { address: '172.16.251.50' }),
      errors: [
        { targets: [s003.ids.dns, s003.ids.albVip, 'alb-vip-pool'], severity: 'error', data: { role: 'dns-vs', purpose: 'se-vip-pool' } },
      ],
    },
    {
      name: 'seed 000 kubevip-endpoint-in-dhcp: endpoint 192.168.54.10',
      doc: withProps(kubevip.doc, kubevip.ids.tkgMgmt, { endpoint: { provider: 'kube-vip', address: '192.168.54.10' } }),
      errors: [{ targets: [kubevip.ids.tkgMgmt, kubevip.ids.data52, 'data52-dhcp'], data: { purpose: 'dhcp' } }],
    },
    {
      name: 'seed 001 endpoint-in-dhcp: endpoint 172.16.128.50',
      doc: withProps(s001.doc, s001.ids.cl1, { endpoint: { provider: 'kube-vip', address: '172.16.128.50' } }),
      errors: [{ targets: [s001.ids.cl1, 'overlay-dhcp'] }],
    },
    {
      name: 'seed 002 haproxy-workload-ip-in-vips: HAProxy workload IP 192.168.120.200',
      doc: withLink(s002.doc, s002.ids.hpWl, { address: '192.168.120.200' }),
      errors: [{ targets: [s002.ids.hp, s002.ids.hpWl, `${s002.ids.hp}/vip/0`], data: { purpose: 'haproxy-vip' } }],
    },
    {
      name: 'seed 000 vcenter-ip-clash (range form): the Controller inside a widened VIP pool',
      doc: withProps(one.doc, one.ids.mgmt, {
        ranges: [{ id: 'mgmt32-vip', purpose: 'vip-pool', start: '192.168.32.2', end: '192.168.32.255' }],
      }),
      errors: [{ targets: [one.ids.ctrl, 'mgmt32-vip'], data: { role: 'controller' } }],
    },
    {
      name: 'a VIP fixed inside the node DHCP scope',
      doc: withProps(two.doc, two.ids.nginx, { address: '192.168.50.10' }),
      errors: [{ targets: [two.ids.nginx, 'data48-dhcp'], data: { role: 'vip', purpose: 'dhcp' } }],
    },
    {
      name: 'the Supervisor management block in a DHCP scope is reported once',
      doc: withProps(s002.doc, s002.ids.mgmt, {
        ranges: [{ id: 'mgmt-dhcp', purpose: 'dhcp', start: '192.168.110.22', end: '192.168.110.99' }],
      }),
      errors: [{ targets: [s002.ids.sup, 'mgmt-dhcp'], data: { address: '192.168.110.22' } }],
    },
  ],
});
