/**
 * Seed 001 (`/work/shared/seeds/001_b360c7a3b1652392.txt`), TKG part (L28-238; digest
 * `docs/seeds/001.md` §2): TKG on NSX-T with Antrea routable pods. Tier-1 tanzu-cl1 connected to the
 * Tier-0 and advertising All Static Routes + All Connected Segments (L33-35); node segment tanzu-overlay
 * 172.16.128.0/21 with a gateway and DHCP (L37-39, L56); management cluster mgmt with kube-vip endpoint
 * 172.16.135.240 and non-routable CLUSTER_CIDR 100.96.0.0/11 (L49, L62-79); workload cluster cl1
 * (endpoint 172.16.135.250, CLUSTER_CIDR 172.16.136.0/21, NSXT_POD_ROUTING_ENABLED, router path
 * /infra/tier-1s/tanzu-cl1, L91-125) and cl2 (CLUSTER_CIDR 172.16.144.0/21, L152). The vSphere CPI's
 * per-node routes for cl1 as observed (L139-150): 172.16.136.0/24 -> 172.16.128.63, 172.16.137.0/24 ->
 * 172.16.128.126, 172.16.138.0/24 -> 172.16.128.35. NSX-ALB Controller 192.168.30.250 with the VIP
 * network tanzu-overlay; nginx LoadBalancer 172.16.129.2 (L207).
 *
 * [assumed]: alb-mgmt 192.168.30.0/24 (gateway .1, SE pool .100-.119); segment gateway 172.16.128.1,
 * DHCP 172.16.128.10-172.16.128.254, Avi pool 172.16.129.1-172.16.129.254; SE data default via
 * 172.16.128.1 and management default via 192.168.30.1; node counts (dev plan: mgmt 1 + 1, cl1 1 + 2 as
 * in the seed, cl2 1 + 2); cl2 endpoint 172.16.135.251, on the same Tier-1 and segment, with node routes
 * 172.16.144-146.0/24 -> 172.16.128.70-72; the underlay of seed001-lab.ts.
 */
import { DesignBuilder } from '@viplane/model';
import { ID as NSX, addNsxtUnderlay } from './seed001-lab.ts';
import { rng, route, routeId, summary, svi } from './common.ts';
import { el, mutation } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed001-tkg-routable';
const title = 'TKG on NSX-T: routable pods (Antrea noEncap, Tier-1 static routes)';
const text = summary(
  'Workload clusters cl1 (172.16.136.0/21) and cl2 (172.16.144.0/21) route pods through Tier-1 tanzu-cl1 (node /24 -> node IP, advertised to the Tier-0); nodes on tanzu-overlay 172.16.128.0/21 by DHCP.',
  'Seed 001: works - pods reachable without NAT; CLUSTER_CIDR must be /24 or larger, sized for the nodes, unique per cluster; routes of deleted clusters must be removed by hand.',
);

export const ID = {
  t1: 'tanzu-cl1',
  segment: 'tanzu-overlay',
  albMgmt: 'alb-mgmt',
  controller: 'avi-controller',
  se: 'se-group-default',
  mgmt: 'management-cluster',
  cl1: 'workload-cluster-1',
  cl2: 'workload-cluster-2',
  dhcp: 'tanzu-overlay-dhcp',
} as const;

const t1Route = (prefix: string, nextHop: string) => route(routeId(ID.t1, prefix), prefix, nextHop);
const CL2_ROUTES = [
  t1Route('172.16.144.0/24', '172.16.128.70'),
  t1Route('172.16.145.0/24', '172.16.128.71'),
  t1Route('172.16.146.0/24', '172.16.128.72'),
];

function build() {
  const b = new DesignBuilder({ name: title, description: text, environment: 'lab', origin: id });
  addNsxtUnderlay(b, ['172.16.128.0/18']);

  b.add(
    'nsxtTier1',
    'tanzu-cl1',
    {
      tier0Id: NSX.t0,
      routeAdvertisement: ['TIER1_STATIC_ROUTES', 'TIER1_CONNECTED'],
      staticRoutes: [
        t1Route('172.16.136.0/24', '172.16.128.63'),
        t1Route('172.16.137.0/24', '172.16.128.126'),
        t1Route('172.16.138.0/24', '172.16.128.35'),
        ...CL2_ROUTES,
      ],
    },
    { id: ID.t1 },
  );
  b.add(
    'nsxtSegment',
    'tanzu-overlay',
    {
      tier1Id: ID.t1,
      subnet: '172.16.128.0/21',
      gateway: '172.16.128.1',
      dhcp: true,
      ranges: [
        rng(ID.dhcp, 'dhcp', '172.16.128.10', '172.16.128.254'),
        rng('tanzu-overlay-avi-pool', 'se-vip-pool', '172.16.129.1', '172.16.129.254'),
      ],
    },
    { id: ID.segment },
  );

  b.add(
    'portGroup',
    'alb-mgmt',
    {
      vlan: null,
      subnet: '192.168.30.0/24',
      gateway: '192.168.30.1',
      dhcp: false,
      albRegistered: true,
      ranges: [rng('alb-mgmt-se-pool', 'se-pool', '192.168.30.100', '192.168.30.119')],
    },
    { id: ID.albMgmt },
  );
  svi(b, NSX.router, ID.albMgmt, '192.168.30.1');

  b.add(
    'aviController',
    'NSX-ALB Controller',
    {
      cloudName: 'Default-Cloud',
      vcenterId: NSX.vcenter,
      vrfs: [
        { name: 'global', staticRoutes: [route('global-default', '0.0.0.0/0', '172.16.128.1')] },
        { name: 'management', staticRoutes: [route('management-default', '0.0.0.0/0', '192.168.30.1')] },
      ],
      ipamProfile: { name: 'ipam-profile', usableNetworkIds: [ID.segment] },
      dnsProfile: null,
    },
    { id: ID.controller },
  );
  b.nic(ID.controller, ID.albMgmt, { role: 'management', address: '192.168.30.250', gateway: '192.168.30.1' });
  b.add('seGroup', 'Default-Group', { controllerId: ID.controller, haMode: 'HA_MODE_SHARED', seCount: 2 }, { id: ID.se });
  b.nic(ID.se, ID.albMgmt, { role: 'management', address: null, addressMode: 'pool' });
  b.nic(ID.se, ID.segment, { role: 'data', address: null, addressMode: 'pool' });

  const common = {
    vcenterId: NSX.vcenter,
    plan: 'dev' as const,
    controlPlaneCount: 1,
    nodeNetworkId: ID.segment,
    controllerId: ID.controller,
    seGroupId: ID.se,
    workloadVipNetworkId: ID.segment,
    controlPlaneVipNetworkId: null,
    serviceCidr: '100.64.0.0/13',
    cni: 'antrea' as const,
  };
  b.add(
    'tkgCluster',
    'mgmt',
    {
      ...common,
      role: 'management',
      managementClusterId: null,
      workerCount: 1,
      endpoint: { provider: 'kube-vip', address: '172.16.135.240' },
      podCidr: '100.96.0.0/11',
      routablePods: null,
    },
    { id: ID.mgmt },
  );
  b.add(
    'tkgCluster',
    'cl1',
    {
      ...common,
      role: 'workload',
      managementClusterId: ID.mgmt,
      workerCount: 2,
      endpoint: { provider: 'kube-vip', address: '172.16.135.250' },
      podCidr: '172.16.136.0/21',
      routablePods: { tier1Id: ID.t1 },
    },
    { id: ID.cl1 },
  );
  b.add(
    'tkgCluster',
    'cl2',
    {
      ...common,
      role: 'workload',
      managementClusterId: ID.mgmt,
      workerCount: 2,
      endpoint: { provider: 'kube-vip', address: '172.16.135.251' },
      podCidr: '172.16.144.0/21',
      routablePods: { tier1Id: ID.t1 },
    },
    { id: ID.cl2 },
  );
  b.add(
    'virtualService',
    'nginx',
    { loadBalancerId: ID.se, vipNetworkId: ID.segment, address: '172.16.129.2', backendClusterId: ID.cl1, port: 80 },
    { id: 'vs-nginx' },
  );
  return b.build();
}

export const seed001TkgRoutable: Template = {
  id,
  title,
  seed: '001',
  summary: text,
  build,
  // Not a warning seed 001 writes: seed 000's (2-network design) applied to this lab, where the app
  // VIP network AVI_DATA_NETWORK and the node network VSPHERE_NETWORK are both tanzu-overlay (L55, L75).
  expectedWarnings: ['security/vip-on-node-network'],
  mutations: [
    mutation({
      id: 'cluster-cidr-25',
      title: 'cl1 CLUSTER_CIDR 172.16.136.0/25',
      seedSays: 'Each node gets a /24 podCIDR from CLUSTER_CIDR, so it must be /24 or larger (L127).',
      ruleId: 'nsxt/pod-cidr-too-small',
      targets: [ID.cl1],
      change: (doc) => {
        el(doc, ID.cl1, 'tkgCluster').props.podCidr = '172.16.136.0/25';
      },
    }),
    mutation({
      id: 'cluster-cidr-too-few-nodes',
      title: 'cl1 CLUSTER_CIDR 172.16.136.0/23 for 1 + 2 nodes (+1 surge)',
      seedSays: 'Choose CLUSTER_CIDR with the number of nodes in mind: one /24 per node (L127).',
      ruleId: 'nsxt/pod-cidr-capacity',
      targets: [ID.cl1],
      change: (doc) => {
        el(doc, ID.cl1, 'tkgCluster').props.podCidr = '172.16.136.0/23';
      },
    }),
    mutation({
      id: 'cl1-cl2-cidr-overlap',
      title: 'cl2 CLUSTER_CIDR 172.16.136.0/21, the same as cl1',
      seedSays: 'Several workload clusters need non-overlapping CLUSTER_CIDRs, e.g. 172.16.136.0/21 and 172.16.144.0/21 (L152).',
      ruleId: 'ipam/cluster-cidr-overlap',
      targets: [ID.cl1, ID.cl2],
      change: (doc) => {
        el(doc, ID.cl2, 'tkgCluster').props.podCidr = '172.16.136.0/21';
      },
    }),
    mutation({
      id: 'cluster-cidr-overlaps-segment',
      title: 'cl1 CLUSTER_CIDR 172.16.128.0/21, the node segment itself',
      seedSays: 'Pod routes must not shadow the node segment tanzu-overlay 172.16.128.0/21 (derived from L56, L127).',
      ruleId: 'ipam/cluster-cidr-overlap',
      targets: [ID.cl1, ID.segment],
      change: (doc) => {
        el(doc, ID.cl1, 'tkgCluster').props.podCidr = '172.16.128.0/21';
      },
    }),
    mutation({
      id: 't1-no-static-route-adv',
      title: 'Tier-1 tanzu-cl1 not advertising All Static Routes',
      seedSays: 'The Tier-1 must advertise all static routes so the pod routes reach the Tier-0 and the outside (L35, L43).',
      ruleId: 'nsxt/t1-route-advertisement',
      targets: [ID.t1],
      change: (doc) => {
        const t1 = el(doc, ID.t1, 'nsxtTier1');
        t1.props.routeAdvertisement = t1.props.routeAdvertisement.filter((a) => a !== 'TIER1_STATIC_ROUTES');
      },
    }),
    mutation({
      id: 't1-no-connected-adv',
      title: 'Tier-1 tanzu-cl1 not advertising All Connected Segments',
      seedSays: 'The Tier-1 must advertise all connected segments and service ports (L35).',
      ruleId: 'nsxt/t1-route-advertisement',
      targets: [ID.t1],
      change: (doc) => {
        const t1 = el(doc, ID.t1, 'nsxtTier1');
        t1.props.routeAdvertisement = t1.props.routeAdvertisement.filter((a) => a !== 'TIER1_CONNECTED');
      },
    }),
    mutation({
      id: 't1-not-on-t0',
      title: 'Tier-1 tanzu-cl1 not connected to the Tier-0',
      seedSays: 'The Tier-1 for the Tanzu clusters must be connected to the Tier-0 (L34).',
      ruleId: 'nsxt/t1-no-uplink',
      targets: [ID.t1],
      change: (doc) => {
        el(doc, ID.t1, 'nsxtTier1').props.tier0Id = null;
      },
    }),
    mutation({
      id: 'segment-no-dhcp',
      title: 'Segment tanzu-overlay without a DHCP server',
      seedSays: 'The segment needs a DHCP server: the cluster nodes take their addresses by DHCP (L39).',
      ruleId: 'nsxt/segment-no-dhcp',
      targets: [ID.segment],
      change: (doc) => {
        const seg = el(doc, ID.segment, 'nsxtSegment');
        seg.props.dhcp = false;
        seg.props.ranges = seg.props.ranges.filter((r) => r.purpose !== 'dhcp');
      },
    }),
    mutation({
      id: 'stale-routes-after-delete',
      title: 'cl2 deleted, its Tier-1 routes left behind',
      seedSays: "Deleting a cluster does not delete its nodes' static routes on the Tier-1: remove them by hand (L222).",
      ruleId: 'nsxt/stale-routes',
      targets: [ID.t1, ...CL2_ROUTES.map((r) => r.id)],
      change: (doc) => {
        doc.elements = doc.elements.filter((e) => e.id !== ID.cl2);
      },
    }),
    mutation({
      id: 'endpoint-in-dhcp',
      title: 'mgmt endpoint 172.16.128.50 inside the DHCP scope',
      seedSays: 'The kube-vip endpoint is a fixed address on the node segment (L71, L75), so it must stay out of the DHCP scope.',
      ruleId: 'ipam/static-ip-in-dynamic-range',
      targets: [ID.mgmt, ID.dhcp],
      change: (doc) => {
        el(doc, ID.mgmt, 'tkgCluster').props.endpoint.address = '172.16.128.50';
      },
    }),
    mutation({
      id: 'endpoint-off-segment',
      title: 'mgmt endpoint 172.16.136.240 outside tanzu-overlay',
      seedSays: 'The endpoints 172.16.135.240/.250 lie on the node segment 172.16.128.0/21, held by a control-plane node (L56, L71, L100).',
      ruleId: 'tkg/endpoint-not-on-node-network',
      targets: [ID.mgmt, ID.segment],
      change: (doc) => {
        el(doc, ID.mgmt, 'tkgCluster').props.endpoint.address = '172.16.136.240';
      },
    }),
    mutation({
      id: 'kubevip-no-endpoint',
      title: 'cl1 without VSPHERE_CONTROL_PLANE_ENDPOINT',
      seedSays: 'With AVI_CONTROL_PLANE_HA_PROVIDER false the cluster needs VSPHERE_CONTROL_PLANE_ENDPOINT (L97, L100).',
      ruleId: 'tkg/endpoint-required',
      targets: [ID.cl1],
      change: (doc) => {
        el(doc, ID.cl1, 'tkgCluster').props.endpoint.address = null;
      },
    }),
    mutation({
      id: 'ako-static-routes-with-routable',
      title: 'AKO static-route sync on the routable-pods cluster cl1',
      seedSays: "TKG's AKO balances to NodePorts (L216); with routable pods static-route programming is unnecessary (seed 003 L47).",
      ruleId: 'ako/routable-pods-static-routes',
      targets: ['ako-cl1', ID.cl1],
      change: (doc) => {
        doc.elements.push({
          id: 'ako-cl1',
          kind: 'ako',
          name: 'AKO cl1',
          position: { x: 1280, y: 0 },
          props: {
            clusterId: ID.cl1,
            clusterName: 'cl1',
            mode: 'static-route',
            controllerId: ID.controller,
            seGroupId: ID.se,
            vipNetworkId: ID.segment,
            nodeNetworkId: ID.segment,
            nodeSelectorLabels: {},
            ingress: { enabled: false, className: 'avi-lb', shardSize: 'LARGE', dnsVsId: null },
          },
        });
      },
    }),
  ],
};
