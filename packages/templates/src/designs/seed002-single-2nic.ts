/**
 * Seed 002 (`/work/shared/seeds/002_517fa00d638c9ac3.txt`), 「HAProxy ネットワーク トポロジ」, topology 1 -
 * one workload network, HAProxy with 2 NICs (L61-75; digest `docs/seeds/002.md` §3.1): one port group
 * is the primary workload network and the namespaces' workload network; Supervisor, TKCs, HAProxy,
 * DevOps users and external services all sit on it (L68). Addresses from the /24 example (L23-29).
 *
 * [assumed]: workload-pg 192.168.120.0/24 gateway .1, namespace ns1 with TKC tkc-1 (1 + 2 nodes), the
 * shared management side (seed002-lab.ts).
 */
import { ID, buildSeed002 } from './seed002-lab.ts';
import { summary } from './common.ts';
import { el, link, mutation } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed002-single-2nic';
const title = 'vSphere with Tanzu + HAProxy: single workload network, 2 NICs';
const text = summary(
  'Topology 1: Supervisor, TKC nodes, HAProxy (Default, 2 NICs) and its VIPs 192.168.120.128/25 all on one workload port group 192.168.120.0/24.',
  'Seed 002: the simplest topology, no L2 isolation between Supervisor and TKCs; Frontend (3 NICs) is the production recommendation.',
);

const PRIMARY = 'workload-network-primary';

export const seed002Single2Nic: Template = {
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
      ],
      namespaces: [{ id: 'ns1', workloadNetwork: PRIMARY, tkc: 'tkc-1' }],
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
      id: 'haproxy-mgmt-dhcp',
      title: 'HAProxy management IP by DHCP',
      seedSays:
        'The HAProxy management IP must be a fixed IP on the management network; the Supervisor programs the Data Plane API there (L42).',
      ruleId: 'haproxy/management-ip-not-static',
      targets: [ID.haproxy, ID.haproxyMgmtNic],
      change: (doc) => {
        Object.assign(link(doc, ID.haproxyMgmtNic), { address: null, addressMode: 'dhcp' });
      },
    }),
    mutation({
      id: 'haproxy-gw-on-workload',
      title: 'HAProxy default gateway 192.168.120.1 on the workload network',
      seedSays: "The HAProxy VM's default gateway must be on the management network (L43).",
      ruleId: 'haproxy/gateway-not-on-management',
      targets: [ID.haproxy, ID.haproxyMgmtNic],
      change: (doc) => {
        link(doc, ID.haproxyMgmtNic).gateway = '192.168.120.1';
      },
    }),
    mutation({
      id: 'haproxy-no-gateway',
      title: 'HAProxy without any default gateway',
      seedSays: 'The HAProxy default gateway must be set, on the management network (L43).',
      ruleId: 'routing/no-default-gateway',
      targets: [ID.haproxy],
      change: (doc) => {
        for (const l of doc.links) if (l.from === ID.haproxy) l.gateway = null;
      },
    }),
    mutation({
      id: 'workload-same-subnet-as-mgmt',
      title: 'Workload port group configured with the management subnet 192.168.110.0/24',
      seedSays: 'The workload network must be a different subnet from the management network (L50).',
      ruleId: 'haproxy/workload-same-subnet-as-management',
      targets: [ID.haproxy, 'workload-pg'],
      change: (doc) => {
        el(doc, 'workload-pg', 'portGroup').props.subnet = '192.168.110.0/24';
      },
    }),
    mutation({
      id: 'dhcp-anywhere',
      title: 'DHCP on the workload network',
      seedSays: 'DHCP is not recommended in either the Default or the Frontend configuration (L37).',
      ruleId: 'haproxy/dhcp',
      targets: [ID.haproxy, 'workload-pg'],
      change: (doc) => {
        const pg = el(doc, 'workload-pg', 'portGroup');
        pg.props.dhcp = true;
        pg.props.ranges.push({ id: 'workload-pg-dhcp', purpose: 'dhcp', start: '192.168.120.61', end: '192.168.120.120' });
      },
    }),
    mutation({
      id: 'default-mode-in-production',
      title: 'Default (2-NIC) HAProxy in a production design',
      seedSays: 'For production the Frontend configuration (3 NICs) is recommended (L37, L56, L103).',
      ruleId: 'haproxy/default-topology-in-production',
      targets: [ID.haproxy],
      change: (doc) => {
        doc.environment = 'production';
      },
    }),
  ],
};
