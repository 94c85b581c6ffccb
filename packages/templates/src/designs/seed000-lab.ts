/**
 * Seed 000 (`/work/shared/seeds/000_9a0e695975ded898.txt`, digest `docs/seeds/000.md` §3.1):
 * the lab shared by the four TKG 1.4 + NSX-ALB reference designs, and the mutations that apply to
 * every one of them.
 *
 * Three distributed port groups delivered as trunk VLANs from one L3 switch that routes between
 * them (SVIs .1, L115-123): dp-mgmt-32 192.168.32.0/20, dp-data-48 192.168.48.0/22, dp-data-52
 * 192.168.52.0/22. One NSX-ALB Controller on dp-mgmt-32 with a data VRF (global) and a management
 * VRF; SE group Default-Group; a TKG management cluster tkg-mgmt and a workload cluster tkg-wc1 with
 * an nginx LoadBalancer service (the seed's verification, L24).
 *
 * [assumed] values (the seed's screenshots are lost): VLAN ids 32/48/52, dp-data-52's gateway
 * 192.168.52.1, vCenter 192.168.32.10, Controller 192.168.32.20, the pool and DHCP ranges, the
 * management VRF default route via 192.168.32.1, cluster names and sizes (plan dev, 1 + 1), the
 * IPAM profile name, the TKG default pod/service CIDRs.
 */
import { DesignBuilder, type AddressRange, type TopologyDocument } from '@viplane/model';
import { route, rng, svi } from './common.ts';
import { mutation, removeRoute, vrfRoutes } from '../edit.ts';
import type { Mutation } from '../template.ts';

export const LAB = {
  'dp-mgmt-32': { vlan: 32, subnet: '192.168.32.0/20', gateway: '192.168.32.1' },
  'dp-data-48': { vlan: 48, subnet: '192.168.48.0/22', gateway: '192.168.48.1' },
  'dp-data-52': { vlan: 52, subnet: '192.168.52.0/22', gateway: '192.168.52.1' },
} as const;
export type LabNetwork = keyof typeof LAB;

/** Element, link and nested ids every seed 000 design uses. */
export const ID = {
  l3: 'l3-switch',
  clients: 'clients',
  vcenter: 'vcenter',
  controller: 'avi-controller',
  se: 'se-group-default',
  mgmtCluster: 'management-cluster',
  workloadCluster: 'workload-cluster-1',
  nginx: 'vs-nginx',
  dataDefault: 'global-default',
  mgmtDefault: 'management-default',
} as const;

/** The Avi pools and DHCP scopes of the lab, by network (each design uses the ones it needs). */
export const POOL = {
  mgmtSe: rng('dp-mgmt-32-se-pool', 'se-pool', '192.168.33.10', '192.168.33.49'),
  mgmtVip: rng('dp-mgmt-32-vip-pool', 'vip-pool', '192.168.34.0', '192.168.34.255'),
  mgmtDhcp: rng('dp-mgmt-32-dhcp', 'dhcp', '192.168.40.1', '192.168.43.254'),
  data48Se: rng('dp-data-48-se-pool', 'se-pool', '192.168.48.10', '192.168.48.49'),
  data48Vip: rng('dp-data-48-vip-pool', 'vip-pool', '192.168.49.0', '192.168.49.255'),
  data48Dhcp: rng('dp-data-48-dhcp', 'dhcp', '192.168.50.1', '192.168.51.254'),
  data52Se: rng('dp-data-52-se-pool', 'se-pool', '192.168.52.10', '192.168.52.49'),
  data52Vip: rng('dp-data-52-vip-pool', 'vip-pool', '192.168.53.0', '192.168.53.255'),
  data52Dhcp: rng('dp-data-52-dhcp', 'dhcp', '192.168.54.1', '192.168.55.254'),
} as const;

export interface LabNetworkSpec {
  name: LabNetwork;
  /** Subnet + IP pool configured on the Controller (Infrastructure -> Network). */
  registered: boolean;
  /** A DHCP server for the TKG nodes answers here. */
  dhcp: boolean;
  ranges: AddressRange[];
}

export interface Seed000Design {
  id: string;
  title: string;
  summary: string;
  environment: TopologyDocument['environment'];
  networks: LabNetworkSpec[];
  /** The SE group's NICs (the Controller's "network used and registered" rule, L74). */
  seNics: { network: LabNetwork; role: 'management' | 'data' }[];
  /** Next hop of the data VRF's `0.0.0.0/0`: the gateway of the app-VIP interface (L93). */
  dataDefaultVia: string;
  /** Networks the IPAM profile hands VIPs out on. */
  ipamNetworks: LabNetwork[];
  /** VSPHERE_NETWORK. */
  nodeNetwork: LabNetwork;
  /** Workload VIP Network Name (AVI_DATA_NETWORK). */
  workloadVipNetwork: LabNetwork;
  /** Management VIP Network Name (k8s API VIPs; unused with kube-vip). */
  controlPlaneVipNetwork: LabNetwork;
  /** kube-vip endpoints (VSPHERE_CONTROL_PLANE_ENDPOINT); `null`: NSX-ALB allocates them. */
  kubeVip: { management: string; workload: string } | null;
  /** The nginx LoadBalancer VIP when the seed prints it; `null`: allocated from the pool. */
  nginxVip: string | null;
}

export function buildSeed000(d: Seed000Design): TopologyDocument {
  const b = new DesignBuilder({ name: d.title, description: d.summary, environment: d.environment, origin: d.id });

  for (const n of d.networks) {
    const lab = LAB[n.name];
    b.add(
      'portGroup',
      n.name,
      { vlan: lab.vlan, subnet: lab.subnet, gateway: lab.gateway, dhcp: n.dhcp, albRegistered: n.registered, ranges: n.ranges },
      { id: n.name },
    );
  }
  b.add('clientNetwork', 'clients (anywhere)', { subnet: null, gateway: null }, { id: ID.clients });

  // The L3 switch: one SVI (.1) per port group, and the way out to clients on any network.
  b.add('router', 'L3 switch', { staticRoutes: [] }, { id: ID.l3 });
  for (const n of d.networks) svi(b, ID.l3, n.name, LAB[n.name].gateway);
  svi(b, ID.l3, ID.clients, null);

  b.add('vcenter', 'vCenter', { server: '192.168.32.10' }, { id: ID.vcenter });

  b.add(
    'aviController',
    'NSX-ALB Controller',
    {
      cloudName: 'Default-Cloud',
      vcenterId: ID.vcenter,
      vrfs: [
        { name: 'global', staticRoutes: [route(ID.dataDefault, '0.0.0.0/0', d.dataDefaultVia)] },
        { name: 'management', staticRoutes: [route(ID.mgmtDefault, '0.0.0.0/0', LAB['dp-mgmt-32'].gateway)] },
      ],
      ipamProfile: { name: 'ipam-profile', usableNetworkIds: [...d.ipamNetworks] },
      dnsProfile: null,
    },
    { id: ID.controller },
  );
  b.nic(ID.controller, 'dp-mgmt-32', { role: 'management', address: '192.168.32.20', gateway: LAB['dp-mgmt-32'].gateway });

  b.add('seGroup', 'Default-Group', { controllerId: ID.controller, haMode: 'HA_MODE_SHARED', seCount: 2 }, { id: ID.se });
  for (const nic of d.seNics) b.nic(ID.se, nic.network, { role: nic.role, address: null, addressMode: 'pool' });

  const cluster = {
    vcenterId: ID.vcenter,
    plan: 'dev' as const,
    controlPlaneCount: 1,
    workerCount: 1,
    nodeNetworkId: d.nodeNetwork,
    controllerId: ID.controller,
    seGroupId: ID.se,
    workloadVipNetworkId: d.workloadVipNetwork,
    controlPlaneVipNetworkId: d.controlPlaneVipNetwork,
    podCidr: '100.96.0.0/11',
    serviceCidr: '100.64.0.0/13',
    cni: 'antrea' as const,
    routablePods: null,
  };
  b.add(
    'tkgCluster',
    'tkg-mgmt',
    {
      ...cluster,
      role: 'management',
      managementClusterId: null,
      endpoint: d.kubeVip ? { provider: 'kube-vip', address: d.kubeVip.management } : { provider: 'nsx-alb', address: null },
    },
    { id: ID.mgmtCluster },
  );
  b.add(
    'tkgCluster',
    'tkg-wc1',
    {
      ...cluster,
      role: 'workload',
      managementClusterId: ID.mgmtCluster,
      endpoint: d.kubeVip ? { provider: 'kube-vip', address: d.kubeVip.workload } : { provider: 'nsx-alb', address: null },
    },
    { id: ID.workloadCluster },
  );
  b.add(
    'virtualService',
    'nginx',
    { loadBalancerId: ID.se, vipNetworkId: d.workloadVipNetwork, address: d.nginxVip, backendClusterId: ID.workloadCluster, port: 80 },
    { id: ID.nginx },
  );
  return b.build();
}

/** Seed 000 L93, L147, L188, L212: every design needs the data default route. */
export function noDataDefaultRoute(): Mutation {
  return mutation({
    id: 'no-data-default-route',
    title: 'Data VRF without a default route',
    seedSays: 'Without a data default gateway the SE cannot return replies to clients on unknown networks; always set it (L93, L147).',
    ruleId: 'routing/no-default-gateway',
    targets: [ID.se, ID.controller],
    change: (doc) => removeRoute(vrfRoutes(doc, ID.controller, 'global'), ID.dataDefault),
  });
}
