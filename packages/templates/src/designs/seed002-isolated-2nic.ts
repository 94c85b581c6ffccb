/**
 * Seed 002 (`/work/shared/seeds/002_517fa00d638c9ac3.txt`), 「HAProxy ネットワーク トポロジ」, topology 2 -
 * isolated workload network, HAProxy with 2 NICs (L77-90; digest `docs/seeds/002.md` §3.2): the primary
 * workload network carries the Supervisor control-plane VMs, a second workload network is assigned to
 * all namespaces and carries the TKC nodes; the two port groups must be routable at L3 (L83). HAProxy's
 * workload NIC may sit on either, or on a VM network routable to both (L82) - here on the primary.
 *
 * [assumed]: primary-pg 192.168.120.0/24 (range .31-.40), workload-pg 192.168.121.0/24 (range .31-.60),
 * HAProxy workload 192.168.120.5 with VIPs 192.168.120.128/25, gateways .1 on l3-gw.
 */
import { buildSeed002 } from './seed002-lab.ts';
import { summary } from './common.ts';
import { mutation, range, removeLink } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed002-isolated-2nic';
const title = 'vSphere with Tanzu + HAProxy: isolated workload network, 2 NICs';
const text = summary(
  'Topology 2: Supervisor on the primary workload network 192.168.120.0/24, all TKCs on a separate workload network 192.168.121.0/24, routed at L3 by l3-gw.',
  'Seed 002: L2 isolation between Supervisor and TKCs; the port groups must route to each other; 2-NIC HAProxy is not the production recommendation.',
);

const PRIMARY = 'workload-network-primary';
const WORKLOAD = 'workload-network';

export const seed002Isolated2Nic: Template = {
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
      portGroups: [
        { id: 'primary-pg', octet: 120 },
        { id: 'workload-pg', octet: 121 },
      ],
      workloadNetworks: [
        {
          id: PRIMARY,
          name: 'Primary workload network',
          portGroup: 'primary-pg',
          primary: true,
          start: '192.168.120.31',
          end: '192.168.120.40',
        },
        {
          id: WORKLOAD,
          name: 'Workload network',
          portGroup: 'workload-pg',
          primary: false,
          start: '192.168.121.31',
          end: '192.168.121.60',
        },
      ],
      namespaces: [{ id: 'ns1', workloadNetwork: WORKLOAD, tkc: 'tkc-1' }],
      haproxy: {
        topology: 'default',
        vipRanges: ['192.168.120.128/25'],
        workload: { portGroup: 'primary-pg', address: '192.168.120.5', gateway: '192.168.120.1' },
      },
      vipNetwork: 'primary-pg',
    }),
  expectedWarnings: [],
  mutations: [
    mutation({
      id: 'isolated-not-routed',
      title: 'Workload port group not routed to the primary one',
      seedSays: "The primary and the namespaces' workload port groups must be routable to each other at L3 (L83).",
      ruleId: 'supervisor/workload-networks-not-routed',
      targets: [WORKLOAD, PRIMARY],
      change: (doc) => removeLink(doc, 'l3-gw--workload-pg'),
    }),
    mutation({
      id: 'workload-range-exhausted',
      title: 'Namespace workload range of 3 addresses for a 1 + 2 node TKC',
      seedSays: "Each TKC node takes one address from the range of its namespace's workload network (L12, L19).",
      ruleId: 'ipam/pool-exhausted',
      targets: [WORKLOAD],
      change: (doc) => {
        Object.assign(range(doc, WORKLOAD, `${WORKLOAD}-range`), { start: '192.168.121.31', end: '192.168.121.33' });
      },
    }),
  ],
};
