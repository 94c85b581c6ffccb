/**
 * Seed 000 (`/work/shared/seeds/000_9a0e695975ded898.txt`), section 「3ネットワーク構成(NSX-ALB で k8s vip)」
 * (L200-233; digest `docs/seeds/000.md` §3.4), the recommended design (推奨構成, L17): management on
 * dp-mgmt-32, app VIPs in the DMZ dp-data-48, TKG nodes and the k8s API VIPs on the internal
 * dp-data-52. All three are registered with a pool and the SE attaches to all of them (L206, L210);
 * the data VRF has only the default route via 192.168.48.1, the app-VIP interface's gateway (L212).
 */
import { ID, POOL, buildSeed000, noDataDefaultRoute } from './seed000-lab.ts';
import { summary } from './common.ts';
import { el, link, mutation, range, removeRoute, vrfRoutes } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed000-3net-alb';
const title = 'TKG + NSX-ALB: 3-network design, NSX-ALB as k8s API VIP';
const text = summary(
  'Management dp-mgmt-32, app VIPs in the DMZ dp-data-48, TKG nodes and k8s API VIPs on the internal dp-data-52; the SE is on all three.',
  'Seed 000: the recommended production design - apps exposed in the DMZ, the k8s API only on the private network.',
);

export const seed000ThreeNetworkAlb: Template = {
  id,
  title,
  seed: '000',
  summary: text,
  build: () =>
    buildSeed000({
      id,
      title,
      summary: text,
      environment: 'production',
      networks: [
        { name: 'dp-mgmt-32', registered: true, dhcp: false, ranges: [POOL.mgmtSe] },
        { name: 'dp-data-48', registered: true, dhcp: false, ranges: [POOL.data48Se, POOL.data48Vip] },
        { name: 'dp-data-52', registered: true, dhcp: true, ranges: [POOL.data52Se, POOL.data52Vip, POOL.data52Dhcp] },
      ],
      seNics: [
        { network: 'dp-mgmt-32', role: 'management' },
        { network: 'dp-data-48', role: 'data' },
        { network: 'dp-data-52', role: 'data' },
      ],
      dataDefaultVia: '192.168.48.1',
      ipamNetworks: ['dp-data-48', 'dp-data-52'],
      nodeNetwork: 'dp-data-52',
      workloadVipNetwork: 'dp-data-48',
      controlPlaneVipNetwork: 'dp-data-52',
      kubeVip: null,
      nginxVip: null,
    }),
  expectedWarnings: [],
  mutations: [
    noDataDefaultRoute(),
    mutation({
      id: 'no-mgmt-default-route',
      title: 'Controller on another subnet and no management default route',
      seedSays: 'Besides the data default gateway, the management default gateway must be registered too (L64, L99).',
      ruleId: 'routing/no-management-route',
      targets: [ID.se, ID.controller],
      change: (doc) => {
        // [assumed] a routed infrastructure subnet 192.168.30.0/24 for the moved Controller.
        doc.elements.push({
          id: 'infra-30',
          kind: 'portGroup',
          name: 'infra-30',
          position: { x: 320, y: 560 },
          props: {
            vlan: 30,
            subnet: '192.168.30.0/24',
            gateway: '192.168.30.1',
            dhcp: false,
            albRegistered: false,
            ranges: [],
            routingDomain: 'default',
          },
        });
        doc.links.push({
          id: 'l3-switch--infra-30',
          kind: 'nic',
          from: ID.l3,
          to: 'infra-30',
          role: 'routed',
          address: '192.168.30.1',
          addressMode: 'static',
          gateway: null,
        });
        const nic = link(doc, 'avi-controller--dp-mgmt-32');
        Object.assign(nic, { to: 'infra-30', address: '192.168.30.20', gateway: '192.168.30.1' });
        removeRoute(vrfRoutes(doc, ID.controller, 'management'), ID.mgmtDefault);
      },
    }),
    mutation({
      id: 'vip-net-not-registered',
      title: 'Management VIP network dp-data-52 not registered on the Controller',
      seedSays: 'If a network is not registered on NSX-ALB, the load-balancer service cannot be deployed there (L52, L62).',
      ruleId: 'tkg/vip-network-not-registered',
      targets: [ID.mgmtCluster, 'dp-data-52'],
      change: (doc) => {
        const pg = el(doc, 'dp-data-52', 'portGroup');
        pg.props.albRegistered = false;
        pg.props.ranges = pg.props.ranges.filter((r) => r.purpose === 'dhcp');
      },
    }),
    mutation({
      id: 'network-without-pool',
      title: 'Workload VIP network dp-data-48 without a VIP pool',
      seedSays: 'Each network used needs its subnet and an IP pool for SE interface IPs and VIPs (L62, L85).',
      ruleId: 'tkg/vip-network-not-registered',
      targets: [ID.workloadCluster, 'dp-data-48'],
      change: (doc) => {
        const pg = el(doc, 'dp-data-48', 'portGroup');
        range(doc, 'dp-data-48', POOL.data48Vip.id);
        pg.props.ranges = pg.props.ranges.filter((r) => r.id !== POOL.data48Vip.id);
      },
    }),
    mutation({
      id: 'api-vip-on-app-net',
      title: 'k8s API VIPs on the external app network dp-data-48',
      seedSays:
        'With the k8s API LB on the app network the nodes are not reachable from outside directly but are through the API LB - not desirable (L206).',
      ruleId: 'security/api-vip-exposed',
      targets: [ID.mgmtCluster, ID.workloadCluster],
      change: (doc) => {
        for (const c of [ID.mgmtCluster, ID.workloadCluster]) el(doc, c, 'tkgCluster').props.controlPlaneVipNetworkId = 'dp-data-48';
      },
    }),
    mutation({
      id: 'apps-on-node-net',
      title: 'App VIPs on the internal node network dp-data-52',
      seedSays: 'Exposed apps on the same network as the k8s nodes complicate network security; use it only for internal services (L178).',
      ruleId: 'security/vip-on-node-network',
      targets: [ID.workloadCluster, 'dp-data-52'],
      change: (doc) => {
        for (const c of [ID.mgmtCluster, ID.workloadCluster]) el(doc, c, 'tkgCluster').props.workloadVipNetworkId = 'dp-data-52';
        el(doc, ID.nginx, 'virtualService').props.vipNetworkId = 'dp-data-52';
      },
    }),
    mutation({
      id: 'shared-vip-same-port',
      title: 'A second LoadBalancer service fixed at the nginx VIP 192.168.49.10 on the same port 80',
      seedSays:
        "User actions can create an IP that duplicates another holder's (L129); virtual services may share a VIP only on different ports.",
      ruleId: 'ipam/duplicate-ip',
      targets: [ID.nginx, 'vs-nginx-2'],
      change: (doc) => {
        const nginx = el(doc, ID.nginx, 'virtualService');
        nginx.props.address = '192.168.49.10';
        doc.elements.push({ ...(JSON.parse(JSON.stringify(nginx)) as typeof nginx), id: 'vs-nginx-2', name: 'nginx-2' });
      },
    }),
    mutation({
      id: 'gateway-typo',
      title: 'Gateway of dp-data-48 typed as 192.168.84.1',
      seedSays:
        'The data default gateway is the L3 switch SVI 192.168.48.1 on dp-data-48 (L93, L212); a gateway off the subnet is unreachable.',
      ruleId: 'ipam/gateway-outside-subnet',
      targets: ['dp-data-48'],
      change: (doc) => {
        el(doc, 'dp-data-48', 'portGroup').props.gateway = '192.168.84.1';
      },
    }),
    mutation({
      id: 'pool-mode-se-address',
      title: 'An address typed on the SE data NIC on dp-data-48, which takes its addresses from the SE pool',
      seedSays: 'The SEs take their data addresses from the se-pool 192.168.48.10-49 (L206); one typed address cannot serve the group.',
      ruleId: 'ipam/pool-mode-address',
      targets: [ID.se, 'se-group-default--dp-data-48'],
      change: (doc) => {
        link(doc, 'se-group-default--dp-data-48').address = '192.168.48.60';
      },
    }),
    mutation({
      id: 'service-cidr-too-wide',
      title: 'SERVICE_CIDR 100.64.0.0/10 on the workload cluster',
      seedSays:
        'The cluster CIDRs keep the TKG defaults (L168); kube-apiserver refuses a service range wider than /12 (tanzu-framework PRs #986, #2342).',
      ruleId: 'k8s/service-cidr-too-wide',
      targets: [ID.workloadCluster],
      change: (doc) => {
        el(doc, ID.workloadCluster, 'tkgCluster').props.serviceCidr = '100.64.0.0/10';
      },
    }),
    mutation({
      id: 'pod-cidr-covers-vcenter',
      title: 'CLUSTER_CIDR 192.168.32.0/24 holding vCenter 192.168.32.10',
      seedSays: 'Cluster CIDRs set to the management network (vCenter, Controller) make the build fail with duplicate IPs (L168).',
      ruleId: 'k8s/cidr-covers-infrastructure',
      targets: [ID.workloadCluster, ID.vcenter],
      change: (doc) => {
        el(doc, ID.workloadCluster, 'tkgCluster').props.podCidr = '192.168.32.0/24';
      },
    }),
    mutation({
      id: 'node-network-no-dhcp',
      title: 'DHCP turned off on the node network dp-data-52',
      seedSays: 'The TKG nodes take DHCP addresses on dp-data-52 (scope 192.168.54.1-192.168.55.254).',
      ruleId: 'tkg/node-network-no-addresses',
      targets: [ID.mgmtCluster, ID.workloadCluster, 'dp-data-52'],
      change: (doc) => {
        el(doc, 'dp-data-52', 'portGroup').props.dhcp = false;
      },
    }),
    mutation({
      id: 'node-network-in-docker-bridge',
      title: 'Node network dp-data-52 renumbered to 172.17.52.0/22',
      seedSays:
        'The management cluster is created from the bootstrap machine (kind in Docker), whose default bridge is 172.17.0.0/16 (openshift/installer#3882 refuses such a machine network).',
      ruleId: 'k8s/docker-bridge-overlap',
      targets: [ID.mgmtCluster, 'dp-data-52'],
      change: (doc) => {
        el(doc, 'dp-data-52', 'portGroup').props.subnet = '172.17.52.0/22';
      },
    }),
  ],
};
