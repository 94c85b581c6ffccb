/**
 * Seed 002 (`/work/shared/seeds/002_517fa00d638c9ac3.txt`), 「IP アドレス範囲の割り当て」 (L14-31; digest
 * `docs/seeds/002.md` §3.0): the example of one /24 workload network - 192.168.120.0/24, HAProxy VIPs
 * 192.168.120.128/25, HAProxy workload interface 192.168.120.5, primary workload network range
 * 192.168.120.31-192.168.120.40 and another workload network's range 192.168.120.51-192.168.120.60, all
 * out of the first 128 addresses and never overlapping the VIP range (L27, L31). Both workload networks
 * are definitions on the same port group (no second subnet). HAProxy in Default mode (2 NICs).
 *
 * [assumed]: gateway 192.168.120.1 (outside the VIP range, L18), port group workload-pg VLAN 120, the
 * shared management side (seed002-lab.ts).
 */
import { ID, buildSeed002 } from './seed002-lab.ts';
import { summary } from './common.ts';
import { el, link, mutation, range } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed002-one-24';
const title = 'vSphere with Tanzu + HAProxy: one /24 workload network example';
const text = summary(
  'One /24 (192.168.120.0/24): VIPs 192.168.120.128/25, HAProxy workload IP .5, primary workload range .31-.40 and a second workload range .51-.60.',
  'Seed 002: a valid Default (2-NIC) address plan - ranges unique, outside the VIP range, gateway not in it; not the production recommendation.',
);

const PRIMARY = 'workload-network-primary';
const SECOND = 'workload-network-2';

export const seed002OneSlash24: Template = {
  id,
  title,
  seed: '002',
  summary: text,
  build: () =>
    buildSeed002({
      id,
      title,
      summary: text,
      environment: 'lab',
      portGroups: [{ id: 'workload-pg', octet: 120 }],
      workloadNetworks: [
        {
          id: PRIMARY,
          name: 'Primary workload network',
          portGroup: 'workload-pg',
          primary: true,
          start: '192.168.120.31',
          end: '192.168.120.40',
        },
        {
          id: SECOND,
          name: 'Workload network 2',
          portGroup: 'workload-pg',
          primary: false,
          start: '192.168.120.51',
          end: '192.168.120.60',
        },
      ],
      namespaces: [
        { id: 'ns1', workloadNetwork: PRIMARY, tkc: 'tkc-1' },
        { id: 'ns2', workloadNetwork: SECOND, tkc: 'tkc-2' },
      ],
      haproxy: {
        topology: 'default',
        vipRanges: ['192.168.120.128/25'],
        workload: { portGroup: 'workload-pg', address: '192.168.120.5', gateway: '192.168.120.1' },
      },
      vipNetwork: 'workload-pg',
    }),
  expectedWarnings: ['security/vip-on-node-network'],
  mutations: [
    mutation({
      id: 'haproxy-gw-in-vip-range',
      title: 'Gateway 192.168.120.129 inside the VIP range 192.168.120.128/25',
      seedSays: 'Do not configure a gateway inside the HAProxy VIP range: all routes to that gateway fail (L18).',
      ruleId: 'ipam/gateway-in-range',
      targets: ['workload-pg', ID.haproxy],
      change: (doc) => {
        el(doc, 'workload-pg', 'portGroup').props.gateway = '192.168.120.129';
        link(doc, 'l3-gw--workload-pg').address = '192.168.120.129';
        link(doc, 'haproxy-01--workload-pg').gateway = '192.168.120.129';
      },
    }),
    mutation({
      id: 'workload-range-overlaps-vips',
      title: 'Primary workload range 192.168.120.120-192.168.120.140 overlapping the VIPs',
      seedSays: 'Workload network ranges must not overlap the HAProxy VIP range (L31); VIP-range hosts answer only VIP traffic (L17).',
      ruleId: 'ipam/range-overlap',
      targets: [`${PRIMARY}-range`],
      change: (doc) => {
        Object.assign(range(doc, PRIMARY, `${PRIMARY}-range`), { start: '192.168.120.120', end: '192.168.120.140' });
      },
    }),
    mutation({
      id: 'haproxy-workload-ip-in-vips',
      title: 'HAProxy workload IP 192.168.120.200 inside its own VIP range',
      seedSays: 'Every host in the VIP range is reserved for VIP traffic and unreachable otherwise (L17).',
      ruleId: 'ipam/static-ip-in-dynamic-range',
      targets: [ID.haproxy, 'haproxy-01--workload-pg'],
      change: (doc) => {
        link(doc, 'haproxy-01--workload-pg').address = '192.168.120.200';
      },
    }),
    mutation({
      id: 'vip-range-on-management',
      title: 'HAProxy VIP range 192.168.120.128/25 written as 192.168.110.128/25, inside the management network',
      seedSays:
        "In the Default topology VIPs and node addresses both come from the workload network, in separate ranges (L21-31); the VIP range is the workload network's.",
      ruleId: 'ipam/range-outside-subnet',
      targets: [ID.haproxy, 'workload-pg'],
      change: (doc) => {
        el(doc, ID.haproxy, 'haproxy').props.vipRanges = ['192.168.110.128/25'];
      },
    }),
    mutation({
      id: 'workload-ranges-not-unique',
      title: 'Second workload network reusing the primary range 192.168.120.31-192.168.120.40',
      seedSays: 'Each workload network configured for a namespace must have a unique IP range (L19).',
      ruleId: 'ipam/range-overlap',
      targets: [`${PRIMARY}-range`, `${SECOND}-range`],
      change: (doc) => {
        Object.assign(range(doc, SECOND, `${SECOND}-range`), { start: '192.168.120.31', end: '192.168.120.40' });
      },
    }),
    mutation({
      id: 'primary-range-too-small',
      title: 'Primary workload range of 2 addresses for 3 control-plane VMs',
      seedSays: 'The Supervisor control-plane VMs use 3 addresses from the primary workload network range (L12, L19).',
      ruleId: 'supervisor/control-plane-ips',
      targets: [ID.supervisor, PRIMARY],
      change: (doc) => {
        Object.assign(range(doc, PRIMARY, `${PRIMARY}-range`), { start: '192.168.120.31', end: '192.168.120.32' });
      },
    }),
    mutation({
      id: 'no-primary-workload',
      title: 'No workload network flagged primary',
      seedSays: 'Each Supervisor needs exactly one primary workload network; one port group must be designated primary (L9).',
      ruleId: 'supervisor/no-primary-workload-network',
      targets: [ID.supervisor],
      change: (doc) => {
        el(doc, PRIMARY, 'workloadNetwork').props.primary = false;
      },
    }),
  ],
};
