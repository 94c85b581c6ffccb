/**
 * Seed 002 (`/work/shared/seeds/002_517fa00d638c9ac3.txt`), 「HAProxy ネットワーク トポロジ」, topology 4 -
 * multiple workload networks, HAProxy with 3 NICs (L101-106; digest `docs/seeds/002.md` §3.4): as
 * topology 3, plus a frontend network on which DevOps users and external services reach the VIPs
 * (L51-57, L103). Recommended for production (L37, L56, L103).
 *
 * [assumed]: frontend-pg 192.168.130.0/24 (VLAN 130, gateway .1) with VIPs 192.168.130.128/25 and the
 * HAProxy frontend IP 192.168.130.5; primary range 192.168.120.31-192.168.120.60; the rest as topology 3.
 */
import { ID, buildSeed002 } from './seed002-lab.ts';
import { summary } from './common.ts';
import { el, mutation, removeLink } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed002-multi-3nic';
const title = 'vSphere with Tanzu + HAProxy: workload network per namespace, 3 NICs (Frontend)';
const text = summary(
  'Topology 4: primary + per-namespace workload networks, HAProxy Frontend (3 NICs) with VIPs 192.168.130.128/25 on a separate frontend network 192.168.130.0/24.',
  'Seed 002: recommended for production - clients reach only the VIPs on the frontend network, never the nodes directly.',
);

export const seed002Multi3Nic: Template = {
  id,
  title,
  seed: '002',
  summary: text,
  build: () =>
    buildSeed002({
      id,
      title,
      summary: text,
      environment: 'production',
      portGroups: [
        { id: 'primary-pg', octet: 120 },
        { id: 'ns1-pg', octet: 121 },
        { id: 'ns2-pg', octet: 122 },
        { id: 'frontend-pg', octet: 130 },
      ],
      workloadNetworks: [
        {
          id: 'workload-network-primary',
          name: 'Primary workload network',
          portGroup: 'primary-pg',
          primary: true,
          start: '192.168.120.31',
          end: '192.168.120.60',
        },
        {
          id: 'workload-network-ns1',
          name: 'ns1 workload network',
          portGroup: 'ns1-pg',
          primary: false,
          start: '192.168.121.31',
          end: '192.168.121.60',
        },
        {
          id: 'workload-network-ns2',
          name: 'ns2 workload network',
          portGroup: 'ns2-pg',
          primary: false,
          start: '192.168.122.31',
          end: '192.168.122.60',
        },
      ],
      namespaces: [
        { id: 'ns1', workloadNetwork: 'workload-network-ns1', tkc: 'tkc-1' },
        { id: 'ns2', workloadNetwork: 'workload-network-ns2', tkc: 'tkc-2' },
      ],
      haproxy: {
        topology: 'frontend',
        vipRanges: ['192.168.130.128/25'],
        workload: { portGroup: 'primary-pg', address: '192.168.120.5', gateway: '192.168.120.1' },
        frontend: { portGroup: 'frontend-pg', address: '192.168.130.5', gateway: '192.168.130.1' },
      },
      vipNetwork: 'frontend-pg',
    }),
  expectedWarnings: [],
  mutations: [
    mutation({
      id: 'clients-no-route-to-vip',
      title: 'Frontend network not routed to the clients',
      seedSays:
        'DevOps users and external services reach the load-balanced services through the VIPs on the frontend network (L53-57, L103).',
      ruleId: 'routing/unreachable-vip',
      targets: [ID.clients, 'frontend-pg'],
      change: (doc) => removeLink(doc, 'l3-gw--frontend-pg'),
    }),
    mutation({
      id: 'haproxy-gw-in-vip-range',
      title: 'VIP range 192.168.130.0/25 holding the frontend gateway 192.168.130.1',
      seedSays: 'Do not configure a gateway inside the HAProxy VIP range: all routes to that gateway fail (L18).',
      ruleId: 'ipam/gateway-in-range',
      targets: [ID.haproxy, 'frontend-pg'],
      change: (doc) => {
        el(doc, ID.haproxy, 'haproxy').props.vipRanges = ['192.168.130.0/25'];
      },
    }),
  ],
};
