/**
 * Seed 001 (`/work/shared/seeds/001_b360c7a3b1652392.txt`), vSphere with Tanzu part (L240-319; digest
 * `docs/seeds/001.md` §3): a vSphere namespace with the cluster network override on and NAT off, its own
 * namespace network and subnet prefix (L242), and the TanzuKubernetesCluster `routablepods` with CNI
 * antrea-nsx-routed and an empty pods.cidrBlocks (manifest L248-281): 3 control-plane + 3 worker nodes
 * 172.16.96.34-172.16.96.39, each with a /24 podCIDR from the namespace network (L293-306), services
 * 10.97.0.0/24; the TKC API VIP 172.16.90.2 and the nginx LoadBalancer 172.16.90.3 come from the
 * namespace's ingress range, the Supervisor API is 10.44.186.2 (L283-319).
 *
 * The Supervisor here runs NSX-T networking: it has no workload networks (those are vDS networking),
 * and its load balancer is NSX-T's own, which the schema's provider field cannot name - it is set to
 * `nsx-alb` with no Controller. The VIPs are served by that NSX-T load balancer (no loadBalancerId).
 *
 * [assumed]: namespace name routable-ns, namespace network 172.16.96.0/20 with subnet prefix /28, the
 * TKC's node segment 172.16.96.32/28 (gateway 172.16.96.33, DHCP by NCP) on a namespace Tier-1, that
 * Tier-1's routes (the seed's podCIDR -> node pairs), the Supervisor service CIDR 10.96.0.0/23 (the
 * default), and the underlay of seed001-lab.ts.
 */
import { DesignBuilder } from '@viplane/model';
import { ID as NSX, addNsxtUnderlay } from './seed001-lab.ts';
import { route, routeId, summary } from './common.ts';
import { el, mutation } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed001-tkgs-routable';
const title = 'vSphere with Tanzu on NSX-T: routable pods (antrea-nsx-routed)';
const text = summary(
  'Namespace routable-ns with network override (NAT off, 172.16.96.0/20, /28 subnets); TKC routablepods with CNI antrea-nsx-routed, nodes 172.16.96.34-39, one /24 podCIDR per node.',
  'Seed 001: works - pods routable without NAT; pods.cidrBlocks must stay empty with antrea-nsx-routed.',
);

const ID = {
  t1: 'routable-ns-t1',
  segment: 'routablepods-segment',
  supervisor: 'supervisor',
  namespace: 'routable-ns',
  tkc: 'routablepods',
} as const;

/** podCIDR -> node INTERNAL-IP, in the order of `kubectl get node` (L293-306). */
const NODE_ROUTES: [string, string][] = [
  ['172.16.101.0/24', '172.16.96.38'],
  ['172.16.97.0/24', '172.16.96.34'],
  ['172.16.102.0/24', '172.16.96.39'],
  ['172.16.98.0/24', '172.16.96.36'],
  ['172.16.99.0/24', '172.16.96.35'],
  ['172.16.100.0/24', '172.16.96.37'],
];

function build() {
  const b = new DesignBuilder({ name: title, description: text, environment: 'lab', origin: id });
  addNsxtUnderlay(b, ['172.16.96.0/20']);
  b.add(
    'nsxtTier1',
    'routable-ns Tier-1',
    {
      tier0Id: NSX.t0,
      routeAdvertisement: ['TIER1_STATIC_ROUTES', 'TIER1_CONNECTED'],
      staticRoutes: NODE_ROUTES.map(([prefix, node]) => route(routeId(ID.t1, prefix), prefix, node)),
    },
    { id: ID.t1 },
  );
  b.add(
    'nsxtSegment',
    'routablepods node segment',
    { tier1Id: ID.t1, subnet: '172.16.96.32/28', gateway: '172.16.96.33', dhcp: true, ranges: [] },
    { id: ID.segment },
  );

  b.add(
    'supervisor',
    'Supervisor',
    {
      loadBalancer: { provider: 'nsx-alb', controllerId: null },
      managementNetworkId: null,
      managementStartAddress: null,
      controlPlaneCount: 3,
      serviceCidr: '10.96.0.0/23',
    },
    { id: ID.supervisor },
  );
  b.add(
    'vsphereNamespace',
    'routable-ns',
    {
      supervisorId: ID.supervisor,
      workloadNetworkId: null,
      networkOverride: { nat: false, namespaceNetwork: '172.16.96.0/20', subnetPrefix: 28 },
    },
    { id: ID.namespace },
  );
  b.add(
    'tkc',
    'routablepods',
    {
      namespaceId: ID.namespace,
      tkr: 'v1.21.2---vmware.1-tkg.1.ee25d55',
      vmClass: 'best-effort-medium',
      storageClass: 'k8s-policy',
      controlPlaneCount: 3,
      workerCount: 3,
      cni: 'antrea-nsx-routed',
      podCidrBlocks: [],
      serviceCidrBlocks: ['10.97.0.0/24'],
    },
    { id: ID.tkc },
  );
  const vip = (vsId: string, name: string, address: string, backend: string | null, port: number) =>
    b.add('virtualService', name, { loadBalancerId: null, vipNetworkId: null, address, backendClusterId: backend, port }, { id: vsId });
  vip('vs-supervisor-api', 'Supervisor API', '10.44.186.2', null, 6443);
  vip('vs-routablepods-api', 'routablepods API', '172.16.90.2', ID.tkc, 6443);
  vip('vs-nginx', 'nginx', '172.16.90.3', ID.tkc, 80);
  const doc = b.build();
  // DesignBuilder merges nested objects over the defaults, which would leave the default's
  // `haproxyId` beside `controllerId`; the load balancer is a union, so set it whole.
  el(doc, ID.supervisor, 'supervisor').props.loadBalancer = { provider: 'nsx-alb', controllerId: null };
  return doc;
}

export const seed001TkgsRoutable: Template = {
  id,
  title,
  seed: '001',
  summary: text,
  build,
  expectedWarnings: [],
  mutations: [
    mutation({
      id: 'tkc-routed-with-pods-cidr',
      title: 'antrea-nsx-routed TKC with pods.cidrBlocks 192.168.0.0/16',
      seedSays: 'pods.cidrBlocks value must be empty when antrea-nsx-routed is the CNI (manifest comment, L279).',
      ruleId: 'tkgs/routed-pods-cidr-set',
      targets: [ID.tkc],
      change: (doc) => {
        el(doc, ID.tkc, 'tkc').props.podCidrBlocks = ['192.168.0.0/16'];
      },
    }),
  ],
};
