/**
 * Seed 003 (`/work/shared/seeds/003_74e3eadc3bfb3a1f.txt`, digest `docs/seeds/003.md` §3): the AKO lab in
 * static-route mode (L51). Controller 172.16.250.1 (L124); the node network alb-mgmt is also the SE
 * management network (L55, L169) with nodes avi-master1-3 172.16.250.11-13 and avi-node1-3
 * 172.16.250.21-23 (L63-70); VIP network alb-vip 172.16.251.0/24 with the pool 172.16.251.1-100
 * (L117-119, L148, L241); AKO clusterName avi-cluster, shardVSSize SMALL (L115, L121); LoadBalancer
 * nginx1 at 172.16.251.1, the shared Ingress VS (class avi-lb) at 172.16.251.4, and the DNS VS
 * 172.16.251.253 - outside the pool - authoritative for ako.example.com (L148, L204-206, L243).
 *
 * [assumed]: subnet 172.16.250.0/24 and gateways 172.16.250.254 / 172.16.251.254 (.1 is taken on both
 * networks), the router and clients, the SE management pool 172.16.250.101-150, the VIP pool serving SE
 * data interfaces too (se-vip-pool), 2 SEs, pod CIDR 10.244.0.0/16 and service CIDR 10.96.0.0/12
 * (kubeadm defaults), static node addressing, the cluster name k8s (VS name "k8s--default-nginx1", L173),
 * profile names, the data VRF default via 172.16.251.254 and management default via 172.16.250.254.
 */
import { DesignBuilder, type TopologyDocument } from '@viplane/model';
import { rng, route, summary, svi } from './common.ts';
import { el, link, mutation, removeRoute, vrfRoutes } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed003-ako-static-route';
const title = 'AKO in static-route mode: LoadBalancer, Ingress and a DNS virtual service';
const text = summary(
  'kubeadm cluster (3 + 3 nodes on alb-mgmt 172.16.250.0/24, pods 10.244.0.0/16); SE on alb-mgmt and alb-vip; AKO programs podCIDR -> node routes; VIPs from 172.16.251.1-100, DNS VS 172.16.251.253.',
  'Seed 003: works - static-route mode needs the SE on the node network; the DNS VS address is assigned by hand outside the pool.',
);

const ID = {
  mgmt: 'alb-mgmt',
  vip: 'alb-vip',
  vipPool: 'alb-vip-pool',
  router: 'router',
  clients: 'clients',
  controller: 'avi-controller',
  se: 'se-group-default',
  cluster: 'k8s-cluster',
  ako: 'ako',
  dns: 'dns-vs',
} as const;

const NODES = [
  ['avi-master1', 'control-plane', '172.16.250.11'],
  ['avi-master2', 'control-plane', '172.16.250.12'],
  ['avi-master3', 'control-plane', '172.16.250.13'],
  ['avi-node1', 'worker', '172.16.250.21'],
  ['avi-node2', 'worker', '172.16.250.22'],
  ['avi-node3', 'worker', '172.16.250.23'],
] as const;

function build(): TopologyDocument {
  const b = new DesignBuilder({ name: title, description: text, environment: 'lab', origin: id });
  b.add(
    'portGroup',
    'alb-mgmt',
    {
      vlan: null,
      subnet: '172.16.250.0/24',
      gateway: '172.16.250.254',
      dhcp: false,
      albRegistered: true,
      ranges: [rng('alb-mgmt-se-pool', 'se-pool', '172.16.250.101', '172.16.250.150')],
    },
    { id: ID.mgmt },
  );
  b.add(
    'portGroup',
    'alb-vip',
    {
      vlan: null,
      subnet: '172.16.251.0/24',
      gateway: '172.16.251.254',
      dhcp: false,
      albRegistered: true,
      ranges: [rng(ID.vipPool, 'se-vip-pool', '172.16.251.1', '172.16.251.100')],
    },
    { id: ID.vip },
  );
  b.add('clientNetwork', 'clients (anywhere)', { subnet: null, gateway: null }, { id: ID.clients });
  b.add('router', 'router', { staticRoutes: [] }, { id: ID.router });
  svi(b, ID.router, ID.mgmt, '172.16.250.254');
  svi(b, ID.router, ID.vip, '172.16.251.254');
  svi(b, ID.router, ID.clients, null);

  b.add(
    'aviController',
    'Avi Controller',
    {
      version: '20.1.3',
      cloudName: 'Default-Cloud',
      vcenterId: null,
      vrfs: [
        { name: 'global', staticRoutes: [route('global-default', '0.0.0.0/0', '172.16.251.254')] },
        { name: 'management', staticRoutes: [route('management-default', '0.0.0.0/0', '172.16.250.254')] },
      ],
      ipamProfile: { name: 'ipam-profile', usableNetworkIds: [ID.vip] },
      dnsProfile: { name: 'dns-profile', domain: 'ako.example.com' },
    },
    { id: ID.controller },
  );
  b.nic(ID.controller, ID.mgmt, { role: 'management', address: '172.16.250.1', gateway: '172.16.250.254' });
  b.add('seGroup', 'Default-Group', { controllerId: ID.controller, haMode: 'HA_MODE_SHARED', seCount: 2 }, { id: ID.se });
  b.nic(ID.se, ID.mgmt, { role: 'management', address: null, addressMode: 'pool' });
  b.nic(ID.se, ID.vip, { role: 'data', address: null, addressMode: 'pool' });

  b.add(
    'k8sCluster',
    'k8s',
    {
      nodeNetworkId: ID.mgmt,
      nodes: NODES.map(([name, role, address]) => ({ id: name, name, role, address, leafId: null })),
      podCidr: '10.244.0.0/16',
      serviceCidr: '10.96.0.0/12',
      cni: 'antrea',
      aciFabricId: null,
    },
    { id: ID.cluster },
  );
  b.add(
    'aviDnsVs',
    'DNS virtual service',
    { seGroupId: ID.se, networkId: ID.vip, address: '172.16.251.253', subdomains: ['ako.example.com'] },
    { id: ID.dns },
  );
  b.add(
    'ako',
    'AKO',
    {
      clusterId: ID.cluster,
      clusterName: 'avi-cluster',
      mode: 'static-route',
      controllerId: ID.controller,
      seGroupId: ID.se,
      vipNetworkId: ID.vip,
      nodeNetworkId: ID.mgmt,
      nodeSelectorLabels: {},
      ingress: { enabled: true, className: 'avi-lb', shardSize: 'SMALL', dnsVsId: ID.dns },
    },
    { id: ID.ako },
  );
  b.add(
    'virtualService',
    'k8s--default-nginx1',
    { loadBalancerId: ID.se, vipNetworkId: ID.vip, address: '172.16.251.1', backendClusterId: ID.cluster, port: 80 },
    { id: 'vs-nginx1' },
  );
  b.add(
    'virtualService',
    'shared L7 Ingress (nginx1/httpd1.ako.example.com)',
    { loadBalancerId: ID.se, vipNetworkId: ID.vip, address: '172.16.251.4', backendClusterId: ID.cluster, port: 80 },
    { id: 'vs-ingress' },
  );
  return b.build();
}

/** A second kubeadm cluster k8s-2 on alb-mgmt with its own AKO (clusterName k8s-2) on the same Controller and SE group. */
function addSecondCluster(doc: TopologyDocument, o: { podCidr?: string; clusterName?: string } = {}): void {
  doc.elements.push(
    {
      id: 'k8s-cluster-2',
      kind: 'k8sCluster',
      name: 'k8s-2',
      position: { x: 1280, y: 280 },
      props: {
        nodeNetworkId: ID.mgmt,
        nodes: [
          { id: 'k8s2-master1', name: 'k8s2-master1', role: 'control-plane', address: '172.16.250.31', leafId: null },
          { id: 'k8s2-node1', name: 'k8s2-node1', role: 'worker', address: '172.16.250.41', leafId: null },
        ],
        podCidr: o.podCidr ?? '10.245.0.0/16',
        serviceCidr: '10.96.0.0/12',
        cni: 'antrea',
        aciFabricId: null,
      },
    },
    {
      id: 'ako-2',
      kind: 'ako',
      name: 'AKO k8s-2',
      position: { x: 1280, y: 420 },
      props: {
        ...el(doc, ID.ako, 'ako').props,
        clusterId: 'k8s-cluster-2',
        clusterName: o.clusterName ?? 'k8s-2',
        ingress: { enabled: false, className: 'avi-lb', shardSize: 'SMALL', dnsVsId: null },
      },
    },
  );
}

export const seed003AkoStaticRoute: Template = {
  id,
  title,
  seed: '003',
  summary: text,
  build,
  expectedWarnings: [],
  mutations: [
    mutation({
      id: 'dns-vs-in-pool',
      title: 'DNS VS at 172.16.251.50, inside the VIP pool',
      seedSays:
        'The DNS VS address 172.16.251.253 is assigned by hand outside the pool 172.16.251.1-100, which hands out the VIPs (L148, L206, L241).',
      ruleId: 'ako/dns-vs-in-pool',
      targets: [ID.dns, ID.vipPool],
      change: (doc) => {
        el(doc, ID.dns, 'aviDnsVs').props.address = '172.16.251.50';
      },
    }),
    mutation({
      id: 'se-not-on-node-network',
      title: 'Nodes moved to a port group the SE is not on, AKO still in static-route mode',
      seedSays: 'Static-route mode needs the SE on the same network as the k8s nodes (L42-43); otherwise use NodePort (L44).',
      ruleId: 'ako/static-route-needs-node-network',
      targets: [ID.ako, ID.se],
      change: (doc) => {
        doc.elements.push({
          id: 'k8s-nodes',
          kind: 'portGroup',
          name: 'k8s-nodes',
          position: { x: 320, y: 420 },
          props: {
            vlan: null,
            subnet: '172.16.252.0/24',
            gateway: '172.16.252.254',
            dhcp: false,
            albRegistered: false,
            ranges: [],
            routingDomain: 'default',
          },
        });
        doc.links.push({
          id: 'router--k8s-nodes',
          kind: 'nic',
          from: ID.router,
          to: 'k8s-nodes',
          role: 'routed',
          address: '172.16.252.254',
          addressMode: 'static',
          gateway: null,
        });
        const cluster = el(doc, ID.cluster, 'k8sCluster');
        cluster.props.nodeNetworkId = 'k8s-nodes';
        for (const n of cluster.props.nodes) n.address = n.address ? n.address.replace('172.16.250.', '172.16.252.') : null;
        el(doc, ID.ako, 'ako').props.nodeNetworkId = 'k8s-nodes';
      },
    }),
    mutation({
      id: 'nodeport-no-selector',
      title: 'AKO in NodePort mode without nodeSelectorLabels',
      seedSays: 'In NodePort mode the nodes used for load balancing are selected by nodeSelectorLabels key/value set at install (L45).',
      ruleId: 'ako/nodeport-no-selector',
      targets: [ID.ako],
      change: (doc) => {
        el(doc, ID.ako, 'ako').props.mode = 'nodeport';
      },
    }),
    mutation({
      id: 'routable-pods-with-static-routes',
      title: 'Routable CNI (antrea-nsx-routed) with static-route programming left on',
      seedSays:
        'With routable pod subnets (NSX-T, AWS, Azure CNI) nothing special is needed and Static Route Programming can be disabled (L46-47).',
      ruleId: 'ako/routable-pods-static-routes',
      targets: [ID.ako, ID.cluster],
      change: (doc) => {
        el(doc, ID.cluster, 'k8sCluster').props.cni = 'antrea-nsx-routed';
      },
    }),
    mutation({
      id: 'cluster-name-duplicate',
      title: 'A second cluster on the same Controller with clusterName avi-cluster',
      seedSays: 'clusterName is "A unique identifier for the kubernetes cluster" (L115).',
      ruleId: 'ako/cluster-name-duplicate',
      targets: [ID.ako, 'ako-2'],
      // The second AKO keeps the first one's clusterName (its props are copied).
      change: (doc) => addSecondCluster(doc, { clusterName: el(doc, ID.ako, 'ako').props.clusterName }),
    }),
    mutation({
      id: 'second-cluster-same-se-group',
      title: 'A second cluster k8s-2 with AKO in static-route mode on the same SE group Default-Group',
      seedSays:
        'Static-route mode programs the pod routes on the SE group (L42-43); AKO labels that group for one cluster and disables sync in a second one (AKO #435; README: one SE group per cluster).',
      ruleId: 'ako/se-group-shared-static-route',
      targets: [ID.se, ID.ako, 'ako-2'],
      change: (doc) => addSecondCluster(doc),
    }),
    mutation({
      id: 'cluster-name-prefix',
      title: 'A second cluster named avi-cluster-2: avi-cluster is a prefix of it',
      seedSays:
        'clusterName is "A unique identifier for the kubernetes cluster" (L115); AKO matched static routes by name prefix (AKO PR #1108).',
      ruleId: 'ako/cluster-name-prefix',
      targets: [ID.ako, 'ako-2', ID.controller],
      change: (doc) => addSecondCluster(doc, { clusterName: 'avi-cluster-2' }),
    }),
    mutation({
      id: 'pod-cidr-overlap-in-vrf',
      title: 'A second cluster with the same pod CIDR 10.244.0.0/16 (kubeadm default)',
      seedSays:
        'AKO writes 10.244.x.0/24 -> node IP routes into the SE data VRF (L42-43): two clusters with one pod CIDR give the VRF two routes for the same pods.',
      ruleId: 'ako/pod-cidr-overlap-in-vrf',
      targets: [ID.cluster, 'k8s-cluster-2'],
      change: (doc) => addSecondCluster(doc, { podCidr: '10.244.0.0/16' }),
    }),
    mutation({
      id: 'ako-no-vip-network',
      title: 'AKO without vipNetworkList',
      seedSays: 'AKO takes its VIPs from the VIP network alb-vip (L117-119); without one AKO reboots on invalid input and stops syncing.',
      ruleId: 'ako/no-vip-network',
      targets: [ID.ako],
      change: (doc) => {
        el(doc, ID.ako, 'ako').props.vipNetworkId = null;
      },
    }),
    mutation({
      id: 'no-ipam-profile',
      title: 'Controller without an IPAM profile',
      seedSays:
        'The VIPs are handed out from the pool on alb-vip through the IPAM profile (L117-119, L148); AKO README: the network must be part of the IPAM.',
      ruleId: 'avi/ipam-profile',
      targets: [ID.controller, ID.vip, ID.ako],
      change: (doc) => {
        el(doc, ID.controller, 'aviController').props.ipamProfile = null;
      },
    }),
    mutation({
      id: 'vip-only-pool',
      title: 'alb-vip pool typed as VIP-only (STATIC_IPS_FOR_VIP): the SE data NIC gets no address',
      seedSays:
        'SE data interfaces take their addresses from the pool on alb-vip as the VIPs do (seed 000 L85); a VIP-only range is not for SEs.',
      ruleId: 'avi/se-network-no-addresses',
      targets: [ID.se, ID.vip],
      change: (doc) => {
        const pool = el(doc, ID.vip, 'portGroup').props.ranges.find((r) => r.id === ID.vipPool);
        if (!pool) throw new Error('no VIP pool');
        pool.purpose = 'vip-pool';
      },
    }),
    mutation({
      id: 'se-pool-no-buffer',
      title: 'SE management pool 172.16.250.101-102: room for the 2 SEs, not for the buffer SE',
      seedSays:
        'The SE management addresses come from the pool on alb-mgmt; an N+M group also creates its buffer SE there (Avi buffer_se, formats.md §3.4).',
      ruleId: 'avi/se-pool-below-scale',
      targets: [ID.mgmt, ID.se],
      change: (doc) => {
        const pool = el(doc, ID.mgmt, 'portGroup').props.ranges[0];
        if (!pool) throw new Error('no SE pool');
        pool.end = '172.16.250.102';
      },
    }),
    mutation({
      id: 'controller-no-address',
      title: 'Controller management NIC without an address',
      seedSays: 'AKO connects to the Controller at 172.16.250.1 (controllerIP, L124).',
      ruleId: 'avi/management-address-missing',
      targets: [ID.controller],
      change: (doc) => {
        const nic = doc.links.find((l) => l.from === ID.controller && l.role === 'management');
        if (!nic) throw new Error('no Controller NIC');
        nic.address = null;
      },
    }),
    mutation({
      id: 'vip-outside-vip-network',
      title: 'LoadBalancer VIP typed as 172.16.250.120, on alb-mgmt inside the SE pool',
      seedSays:
        'The LoadBalancer VIP 172.16.251.1 lies in the VIP network alb-vip (L148); alb-mgmt holds the nodes and the SE management pool.',
      ruleId: 'avi/vip-outside-network',
      targets: ['vs-nginx1', ID.vip, 'alb-mgmt-se-pool'],
      change: (doc) => {
        el(doc, 'vs-nginx1', 'virtualService').props.address = '172.16.250.120';
      },
    }),
    mutation({
      id: 'vip-gw-in-pool',
      title: 'alb-vip gateway 172.16.251.1 (the ".1 habit"), the first pool address',
      seedSays: 'The pool 172.16.251.1-100 hands out .1 as the first LoadBalancer VIP (L148), so the gateway cannot be .1.',
      ruleId: 'ipam/reserved-address',
      targets: [ID.vip, ID.vipPool],
      change: (doc) => {
        el(doc, ID.vip, 'portGroup').props.gateway = '172.16.251.1';
        link(doc, 'router--alb-vip').address = '172.16.251.1';
        vrfRoutes(doc, ID.controller, 'global')[0]!.nextHop = '172.16.251.1';
      },
    }),
    mutation({
      id: 'pod-cidr-overlaps-node-net',
      title: 'Pod CIDR 172.16.0.0/16 covering the node and VIP networks',
      seedSays: 'AKO routes each node podCIDR via the node IP (L43); pod CIDRs must not overlap the physical networks (domain §7).',
      ruleId: 'ipam/cluster-cidr-overlap',
      targets: [ID.cluster, ID.mgmt],
      change: (doc) => {
        el(doc, ID.cluster, 'k8sCluster').props.podCidr = '172.16.0.0/16';
      },
    }),
    mutation({
      id: 'vip-pool-exhausted',
      title: 'VIP pool 172.16.251.1-172.16.251.3 for 2 SE interfaces and 2 VIPs',
      seedSays: 'SE interface IPs and VIPs both come from the pool configured on the VIP network (L84-92, L148, L241).',
      ruleId: 'ipam/pool-exhausted',
      targets: [ID.vip],
      change: (doc) => {
        const pool = el(doc, ID.vip, 'portGroup').props.ranges.find((r) => r.id === ID.vipPool);
        if (!pool) throw new Error('no VIP pool');
        pool.end = '172.16.251.3';
        el(doc, 'vs-ingress', 'virtualService').props.address = null;
      },
    }),
    mutation({
      id: 'no-data-default-route',
      title: 'Data VRF without a default route',
      seedSays: 'Replies to clients on other networks need the data default gateway (seed 000 L93).',
      ruleId: 'routing/no-default-gateway',
      targets: [ID.se, ID.controller],
      change: (doc) => removeRoute(vrfRoutes(doc, ID.controller, 'global'), 'global-default'),
    }),
    mutation({
      id: 'vip-net-not-on-controller',
      title: 'alb-vip not configured (no subnet/pool) on the Controller',
      seedSays: "The Controller needs an IP address pool on the VIP network's port group (L84).",
      ruleId: 'tkg/vip-network-not-registered',
      targets: [ID.vip],
      change: (doc) => {
        const pg = el(doc, ID.vip, 'portGroup');
        pg.props.albRegistered = false;
        pg.props.ranges = [];
        for (const vs of ['vs-nginx1', 'vs-ingress']) el(doc, vs, 'virtualService').props.address = null;
      },
    }),
  ],
};
