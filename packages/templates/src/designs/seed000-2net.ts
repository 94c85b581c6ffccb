/**
 * Seed 000 (`/work/shared/seeds/000_9a0e695975ded898.txt`), section 「2ネットワーク構成」 (L174-196;
 * digest `docs/seeds/000.md` §3.3): management VMs on dp-mgmt-32, all data (app VIPs, k8s API VIPs,
 * TKG nodes) on dp-data-48. The SE is on both; the data VRF has only the default route via
 * 192.168.48.1 ("1ネットワーク構成のときと同様", L188).
 */
import { ID, POOL, buildSeed000, noDataDefaultRoute } from './seed000-lab.ts';
import { summary } from './common.ts';
import { el, mutation } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed000-2net';
const title = 'TKG + NSX-ALB: 2-network design';
const text = summary(
  'Management on dp-mgmt-32; app VIPs, k8s API VIPs and the TKG nodes together on dp-data-48 (192.168.48.0/22); SE on both.',
  'Seed 000: for internal services only - exposed apps share a network with the k8s nodes, so network security gets complicated; use 3 networks if you can.',
);

export const seed000TwoNetwork: Template = {
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
        { name: 'dp-data-48', registered: true, dhcp: true, ranges: [POOL.data48Se, POOL.data48Vip, POOL.data48Dhcp] },
      ],
      seNics: [
        { network: 'dp-mgmt-32', role: 'management' },
        { network: 'dp-data-48', role: 'data' },
      ],
      dataDefaultVia: '192.168.48.1',
      ipamNetworks: ['dp-data-48'],
      nodeNetwork: 'dp-data-48',
      workloadVipNetwork: 'dp-data-48',
      controlPlaneVipNetwork: 'dp-data-48',
      kubeVip: null,
      nginxVip: null,
    }),
  expectedWarnings: ['security/vip-on-node-network'],
  mutations: [
    noDataDefaultRoute(),
    mutation({
      id: 'nodes-on-mgmt-net',
      title: 'TKG nodes on the management network dp-mgmt-32',
      seedSays: 'The k8s nodes send and receive all app traffic, so the management network is not suitable for them (L182).',
      ruleId: 'security/single-network',
      targets: [ID.mgmtCluster, ID.workloadCluster, 'dp-mgmt-32'],
      change: (doc) => {
        for (const c of [ID.mgmtCluster, ID.workloadCluster]) el(doc, c, 'tkgCluster').props.nodeNetworkId = 'dp-mgmt-32';
      },
    }),
  ],
};
