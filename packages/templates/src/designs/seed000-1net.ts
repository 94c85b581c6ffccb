/**
 * Seed 000 (`/work/shared/seeds/000_9a0e695975ded898.txt`), section 「1ネットワーク構成」 (L127-170;
 * digest `docs/seeds/000.md` §3.2): management, exposed LB services and Kubernetes all on dp-mgmt-32.
 * The SE has one NIC there that serves both VRFs ("両者に同一インターフェースを指定することも可能", L99);
 * data default route 0.0.0.0/0 via 192.168.32.1 (L147); NSX-ALB endpoint left blank (L155).
 */
import { ID, POOL, buildSeed000, noDataDefaultRoute } from './seed000-lab.ts';
import { summary } from './common.ts';
import { el, mutation } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed000-1net';
const title = 'TKG + NSX-ALB: 1-network design';
const text = summary(
  'Management, app VIPs, the k8s API VIPs and the TKG nodes all on dp-mgmt-32 (192.168.32.0/20); one SE NIC carries data and management.',
  'Seed 000: only for unimportant small environments, PoCs and developer sandboxes - accident-prone (e.g. a user can create an IP that clashes with vCenter).',
);

export const seed000OneNetwork: Template = {
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
      networks: [{ name: 'dp-mgmt-32', registered: true, dhcp: true, ranges: [POOL.mgmtSe, POOL.mgmtVip, POOL.mgmtDhcp] }],
      seNics: [{ network: 'dp-mgmt-32', role: 'management' }],
      dataDefaultVia: '192.168.32.1',
      ipamNetworks: ['dp-mgmt-32'],
      nodeNetwork: 'dp-mgmt-32',
      workloadVipNetwork: 'dp-mgmt-32',
      controlPlaneVipNetwork: 'dp-mgmt-32',
      kubeVip: null,
      nginxVip: null,
    }),
  expectedWarnings: ['security/single-network'],
  mutations: [
    mutation({
      id: 'pod-cidr-on-mgmt-subnet',
      title: "Cluster pod CIDR set to dp-mgmt-32's subnet",
      seedSays:
        'The pod/service CIDRs may stay at their defaults unless the organisation uses them; a clash makes the build fail with duplicate IPs (L168).',
      ruleId: 'ipam/cluster-cidr-overlap',
      targets: [ID.mgmtCluster, 'dp-mgmt-32'],
      change: (doc) => {
        el(doc, ID.mgmtCluster, 'tkgCluster').props.podCidr = '192.168.32.0/20';
      },
    }),
    noDataDefaultRoute(),
  ],
};
