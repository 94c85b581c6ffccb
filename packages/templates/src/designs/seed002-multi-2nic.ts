/**
 * Seed 002 (`/work/shared/seeds/002_517fa00d638c9ac3.txt`), 「HAProxy ネットワーク トポロジ」, topology 3 -
 * multiple workload networks, HAProxy with 2 NICs (L92-99; digest `docs/seeds/002.md` §3.3): a dedicated
 * primary workload network plus one port group per namespace as its workload network; HAProxy on the
 * primary (or any routable network, L94); all port groups routed.
 *
 * [assumed]: primary-pg 192.168.120.0/24 (range .31-.40), ns1-pg 192.168.121.0/24 and ns2-pg
 * 192.168.122.0/24 (ranges .31-.60), TKCs tkc-1 / tkc-2, HAProxy workload 192.168.120.5 with VIPs
 * 192.168.120.128/25, gateways .1 on l3-gw.
 */
import { ID, buildSeed002 } from './seed002-lab.ts';
import { summary } from './common.ts';
import { mutation, removeLink } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed002-multi-2nic';
const title = 'vSphere with Tanzu + HAProxy: workload network per namespace, 2 NICs';
const text = summary(
  'Topology 3: primary workload network 192.168.120.0/24 for the Supervisor, one port group per namespace (192.168.121.0/24, 192.168.122.0/24), HAProxy Default (2 NICs).',
  'Seed 002: L2 isolation between TKCs too; users can still route to nodes - 3-NIC HAProxy is the production recommendation.',
);

export const seed002Multi2Nic: Template = {
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
        { id: 'ns1-pg', octet: 121 },
        { id: 'ns2-pg', octet: 122 },
      ],
      workloadNetworks: [
        {
          id: 'workload-network-primary',
          name: 'Primary workload network',
          portGroup: 'primary-pg',
          primary: true,
          start: '192.168.120.31',
          end: '192.168.120.40',
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
        topology: 'default',
        vipRanges: ['192.168.120.128/25'],
        workload: { portGroup: 'primary-pg', address: '192.168.120.5', gateway: '192.168.120.1' },
      },
      vipNetwork: 'primary-pg',
    }),
  expectedWarnings: [],
  mutations: [
    mutation({
      id: 'ns-network-not-routed',
      title: 'ns2 port group not routed',
      seedSays: 'HAProxy and the Supervisor must reach every namespace workload network: the port groups must be routable (L94).',
      ruleId: 'supervisor/workload-networks-not-routed',
      targets: ['workload-network-ns2', ID.supervisor],
      change: (doc) => removeLink(doc, 'l3-gw--ns2-pg'),
    }),
    mutation({
      id: 'default-mode-in-production',
      title: 'Default (2-NIC) HAProxy in a production design',
      seedSays:
        'If users must not route directly to control-plane VMs and TKC nodes, use the 3-NIC HAProxy, recommended for production (L103, L120).',
      ruleId: 'haproxy/default-topology-in-production',
      targets: [ID.haproxy],
      change: (doc) => {
        doc.environment = 'production';
      },
    }),
  ],
};
