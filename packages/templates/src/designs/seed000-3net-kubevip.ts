/**
 * Seed 000 (`/work/shared/seeds/000_9a0e695975ded898.txt`), section 「3ネットワーク構成(kube-vip で k8s vip)」
 * (L237-265; digest `docs/seeds/000.md` §3.5): the TKG 1.3-style design. The SE serves apps only and
 * sits on dp-mgmt-32 and dp-data-48; the node network dp-data-52 is deliberately NOT registered on the
 * Controller (subnet "None", L247) so the SE reaches it through the L3 switch: the data default route
 * 0.0.0.0/0 via 192.168.48.1 also covers 192.168.52.0/22 (L249). kube-vip holds the fixed endpoint
 * 192.168.52.100 on a control-plane node; the app VIP is 192.168.49.0 (L265).
 *
 * [assumed]: tkg-wc1's endpoint 192.168.52.101; the Management VIP network (set but unused, L259) =
 * dp-data-48, the only registered data network.
 */
import { ID, POOL, buildSeed000, noDataDefaultRoute } from './seed000-lab.ts';
import { summary } from './common.ts';
import { el, mutation } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed000-3net-kubevip';
const title = 'TKG + NSX-ALB: 3-network design, kube-vip as k8s API VIP';
const text = summary(
  'SE on dp-mgmt-32 and dp-data-48 only; node network dp-data-52 unregistered and reached via 192.168.48.1; kube-vip endpoint 192.168.52.100, app VIP 192.168.49.0.',
  'Seed 000: works (common with TKG 1.3), but for new TKG 1.4 builds the NSX-ALB endpoint design is recommended.',
);

export const seed000ThreeNetworkKubeVip: Template = {
  id,
  title,
  seed: '000',
  summary: text,
  build: () =>
    buildSeed000({
      id,
      title,
      summary: text,
      environment: 'lab',
      networks: [
        { name: 'dp-mgmt-32', registered: true, dhcp: false, ranges: [POOL.mgmtSe] },
        { name: 'dp-data-48', registered: true, dhcp: false, ranges: [POOL.data48Se, POOL.data48Vip] },
        { name: 'dp-data-52', registered: false, dhcp: true, ranges: [POOL.data52Dhcp] },
      ],
      seNics: [
        { network: 'dp-mgmt-32', role: 'management' },
        { network: 'dp-data-48', role: 'data' },
      ],
      dataDefaultVia: '192.168.48.1',
      ipamNetworks: ['dp-data-48'],
      nodeNetwork: 'dp-data-52',
      workloadVipNetwork: 'dp-data-48',
      controlPlaneVipNetwork: 'dp-data-48',
      kubeVip: { management: '192.168.52.100', workload: '192.168.52.101' },
      nginxVip: '192.168.49.0',
    }),
  expectedWarnings: [],
  mutations: [
    noDataDefaultRoute(),
    mutation({
      id: 'kubevip-node-net-registered',
      title: 'Node network dp-data-52 registered on the Controller',
      seedSays:
        'If NSX-ALB knows a subnet it attaches a NIC there directly instead of routing via 192.168.48.1, so dp-data-52 must stay "None" (L247).',
      ruleId: 'routing/unintended-direct-attach',
      targets: ['dp-data-52', ID.se],
      change: (doc) => {
        const pg = el(doc, 'dp-data-52', 'portGroup');
        pg.props.albRegistered = true;
        pg.props.ranges = [{ ...POOL.data52Se }, ...pg.props.ranges];
      },
    }),
    mutation({
      id: 'kubevip-no-endpoint',
      title: 'kube-vip without a control-plane endpoint',
      seedSays: 'kube-vip must be given a fixed representative IP, held by a master node in addition to its own (L253-255).',
      ruleId: 'tkg/endpoint-required',
      targets: [ID.mgmtCluster],
      change: (doc) => {
        el(doc, ID.mgmtCluster, 'tkgCluster').props.endpoint.address = null;
      },
    }),
    mutation({
      id: 'kubevip-endpoint-off-node-net',
      title: 'kube-vip endpoint 192.168.49.100 outside the node network',
      seedSays:
        'The endpoint is held by a control-plane node next to its own IP, so it must lie on the node network dp-data-52 (L255, L265).',
      ruleId: 'tkg/endpoint-not-on-node-network',
      targets: [ID.mgmtCluster, 'dp-data-52'],
      change: (doc) => {
        el(doc, ID.mgmtCluster, 'tkgCluster').props.endpoint.address = '192.168.49.100';
      },
    }),
    mutation({
      id: 'kubevip-endpoint-in-dhcp',
      title: 'kube-vip endpoint 192.168.54.10 inside the node DHCP scope',
      seedSays: 'The endpoint must be a fixed IP (L255); inside the DHCP scope a node can lease it too.',
      ruleId: 'ipam/static-ip-in-dynamic-range',
      targets: [ID.mgmtCluster, POOL.data52Dhcp.id],
      change: (doc) => {
        el(doc, ID.mgmtCluster, 'tkgCluster').props.endpoint.address = '192.168.54.10';
      },
    }),
  ],
};
