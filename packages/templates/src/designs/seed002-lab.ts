/**
 * Seed 002 (`/work/shared/seeds/002_517fa00d638c9ac3.txt`, digest `docs/seeds/002.md` §3): the parts
 * shared by the HAProxy topologies of vSphere with Tanzu on a vSphere Distributed Switch - the
 * management network with the HAProxy appliance's static management IP, default gateway and DNS on it
 * (L39-44), the Supervisor (3 control-plane VMs taking addresses from the primary workload network,
 * L12), workload networks with their own ranges (exactly one primary, L9, L19), one vSphere namespace
 * and TanzuKubernetesCluster per workload network, an nginx LoadBalancer service, and the router that
 * connects the port groups to each other and to the clients.
 *
 * [assumed] (the seed gives none of them): mgmt-pg 192.168.110.0/24 (VLAN 110, gateway .1), vCenter
 * 192.168.110.10, HAProxy haproxy-01 management IP 192.168.110.5 with gateway 192.168.110.1, Supervisor
 * management addresses from 192.168.110.20, router l3-gw with the .1 of every port group, port-group
 * names and VLANs, gateways .1, each TKC 1 control plane + 2 workers with pods 100.96.0.0/11 and
 * services 100.64.0.0/13 (the TKC default 192.168.0.0/16 would overlap these 192.168.x networks).
 */
import { DesignBuilder, type TopologyDocument } from '@viplane/model';
import { rng, svi } from './common.ts';

export const ID = {
  mgmt: 'mgmt-pg',
  router: 'l3-gw',
  clients: 'clients',
  vcenter: 'vcenter',
  haproxy: 'haproxy-01',
  haproxyMgmtNic: 'haproxy-01--mgmt-pg',
  supervisor: 'supervisor',
  nginx: 'vs-nginx',
} as const;

export interface Seed002Design {
  id: string;
  title: string;
  summary: string;
  environment: TopologyDocument['environment'];
  /** Port groups other than management: `192.168.<octet>.0/24`, gateway `.1`, VLAN = octet. */
  portGroups: { id: string; octet: number }[];
  workloadNetworks: { id: string; name: string; portGroup: string; primary: boolean; start: string; end: string }[];
  /** One namespace (and one TKC in it) per entry. */
  namespaces: { id: string; workloadNetwork: string; tkc: string }[];
  haproxy: {
    topology: 'default' | 'frontend';
    vipRanges: string[];
    workload: { portGroup: string; address: string; gateway: string };
    frontend?: { portGroup: string; address: string; gateway: string };
  };
  /** The network the nginx VIP is allocated on (the one holding the VIP range). */
  vipNetwork: string;
}

export function buildSeed002(d: Seed002Design): TopologyDocument {
  const b = new DesignBuilder({ name: d.title, description: d.summary, environment: d.environment, origin: d.id });
  b.add(
    'portGroup',
    'mgmt-pg',
    { vlan: 110, subnet: '192.168.110.0/24', gateway: '192.168.110.1', dhcp: false, albRegistered: false, ranges: [] },
    { id: ID.mgmt },
  );
  for (const pg of d.portGroups)
    b.add(
      'portGroup',
      pg.id,
      {
        vlan: pg.octet,
        subnet: `192.168.${pg.octet}.0/24`,
        gateway: `192.168.${pg.octet}.1`,
        dhcp: false,
        albRegistered: false,
        ranges: [],
      },
      { id: pg.id },
    );
  b.add('clientNetwork', 'clients (DevOps users, external services)', { subnet: null, gateway: null }, { id: ID.clients });

  b.add('router', 'l3-gw', { staticRoutes: [] }, { id: ID.router });
  svi(b, ID.router, ID.mgmt, '192.168.110.1');
  for (const pg of d.portGroups) svi(b, ID.router, pg.id, `192.168.${pg.octet}.1`);
  svi(b, ID.router, ID.clients, null);

  b.add('vcenter', 'vCenter', { server: '192.168.110.10' }, { id: ID.vcenter });

  b.add('haproxy', 'haproxy-01', { topology: d.haproxy.topology, vipRanges: d.haproxy.vipRanges, dataPlanePort: 5556 }, { id: ID.haproxy });
  b.nic(ID.haproxy, ID.mgmt, {
    id: ID.haproxyMgmtNic,
    role: 'management',
    address: '192.168.110.5',
    addressMode: 'static',
    gateway: '192.168.110.1',
  });
  b.nic(ID.haproxy, d.haproxy.workload.portGroup, {
    role: 'workload',
    address: d.haproxy.workload.address,
    addressMode: 'static',
    gateway: d.haproxy.workload.gateway,
  });
  if (d.haproxy.frontend)
    b.nic(ID.haproxy, d.haproxy.frontend.portGroup, {
      role: 'frontend',
      address: d.haproxy.frontend.address,
      addressMode: 'static',
      gateway: d.haproxy.frontend.gateway,
    });

  const primary = d.workloadNetworks.find((w) => w.primary);
  b.add(
    'supervisor',
    'Supervisor',
    {
      loadBalancer: { provider: 'haproxy', haproxyId: ID.haproxy },
      managementNetworkId: ID.mgmt,
      managementStartAddress: '192.168.110.20',
      controlPlaneCount: 3,
      serviceCidr: '10.96.0.0/23',
    },
    { id: ID.supervisor },
  );
  b.nic(ID.supervisor, ID.mgmt, { role: 'management', address: '192.168.110.20', addressMode: 'static', gateway: '192.168.110.1' });
  if (primary) b.nic(ID.supervisor, primary.portGroup, { role: 'workload', address: null, addressMode: 'pool' });

  for (const w of d.workloadNetworks)
    b.add(
      'workloadNetwork',
      w.name,
      {
        supervisorId: ID.supervisor,
        portGroupId: w.portGroup,
        primary: w.primary,
        ranges: [rng(`${w.id}-range`, 'workload', w.start, w.end)],
      },
      { id: w.id },
    );
  for (const ns of d.namespaces) {
    b.add(
      'vsphereNamespace',
      ns.id,
      { supervisorId: ID.supervisor, workloadNetworkId: ns.workloadNetwork, networkOverride: null },
      { id: ns.id },
    );
    b.add(
      'tkc',
      ns.tkc,
      {
        namespaceId: ns.id,
        controlPlaneCount: 1,
        workerCount: 2,
        cni: 'antrea',
        podCidrBlocks: ['100.96.0.0/11'],
        serviceCidrBlocks: ['100.64.0.0/13'],
      },
      { id: ns.tkc },
    );
  }
  const firstTkc = d.namespaces[0]?.tkc ?? null;
  b.add(
    'virtualService',
    'nginx',
    { loadBalancerId: ID.haproxy, vipNetworkId: d.vipNetwork, address: null, backendClusterId: firstTkc, port: 80 },
    { id: ID.nginx },
  );
  return b.build();
}
