/**
 * A valid starting value for every kind: what the palette drops on the canvas and what
 * templates and importers start from. Defaults follow the tools' own defaults where one
 * exists (TKG config_default.yaml, HAProxy OVA), and leave unknown addresses `null`.
 */
import type { ElementKind, PropsOf } from './schema/document.ts';

type Defaults = { [K in ElementKind]: () => PropsOf<K> };

const defaults: Defaults = {
  vcenter: () => ({ server: '', datacenter: '', datastore: '', folder: '', resourcePool: '', distributedSwitch: '' }),
  portGroup: () => ({ vlan: null, subnet: null, gateway: null, dhcp: false, albRegistered: false, ranges: [], routingDomain: 'default' }),
  router: () => ({ staticRoutes: [], routingDomain: 'default', acl: [] }),
  firewall: () => ({ staticRoutes: [], routingDomain: 'default', rules: [] }),
  clientNetwork: () => ({ subnet: null, gateway: null, routingDomain: 'default' }),
  aviController: () => ({
    version: '22.1.3',
    cloudName: 'Default-Cloud',
    vcenterId: null,
    vrfs: [
      { name: 'global', staticRoutes: [] },
      { name: 'management', staticRoutes: [] },
    ],
    ipamProfile: null,
    dnsProfile: null,
  }),
  seGroup: () => ({ controllerId: null, haMode: 'HA_MODE_SHARED', seCount: 2 }),
  virtualService: () => ({ loadBalancerId: null, vipNetworkId: null, address: null, backendClusterId: null, port: 443 }),
  aviDnsVs: () => ({ seGroupId: null, networkId: null, address: '', subdomains: [] }),
  haproxy: () => ({ topology: 'default', vipRanges: [], dataPlanePort: 5556 }),
  tkgCluster: () => ({
    role: 'workload',
    managementClusterId: null,
    vcenterId: null,
    plan: 'dev',
    controlPlaneCount: 1,
    workerCount: 1,
    nodeNetworkId: null,
    endpoint: { provider: 'nsx-alb', address: null },
    controllerId: null,
    seGroupId: null,
    workloadVipNetworkId: null,
    controlPlaneVipNetworkId: null,
    podCidr: '100.96.0.0/11',
    serviceCidr: '100.64.0.0/13',
    cni: 'antrea',
    routablePods: null,
  }),
  k8sCluster: () => ({ nodeNetworkId: null, nodes: [], podCidr: '10.244.0.0/16', serviceCidr: '10.96.0.0/12', cni: 'antrea', aciFabricId: null }),
  supervisor: () => ({
    loadBalancer: { provider: 'haproxy', haproxyId: null },
    managementNetworkId: null,
    managementStartAddress: null,
    controlPlaneCount: 3,
    serviceCidr: '10.96.0.0/23',
  }),
  workloadNetwork: () => ({ supervisorId: null, portGroupId: null, primary: false, ranges: [] }),
  vsphereNamespace: () => ({ supervisorId: null, workloadNetworkId: null, networkOverride: null }),
  tkc: () => ({
    namespaceId: null,
    tkr: 'v1.23.8---vmware.3-tkg.1',
    vmClass: 'best-effort-small',
    storageClass: '',
    controlPlaneCount: 1,
    workerCount: 3,
    cni: 'antrea',
    podCidrBlocks: ['192.168.0.0/16'],
    serviceCidrBlocks: ['10.96.0.0/12'],
  }),
  ako: () => ({
    clusterId: null,
    clusterName: '',
    mode: 'static-route',
    controllerId: null,
    seGroupId: null,
    vipNetworkId: null,
    nodeNetworkId: null,
    nodeSelectorLabels: {},
    ingress: { enabled: false, className: 'avi-lb', shardSize: 'LARGE', dnsVsId: null },
  }),
  nsxtTier0: () => ({ managerHost: '', staticRoutes: [] }),
  nsxtTier1: () => ({ tier0Id: null, routeAdvertisement: ['TIER1_STATIC_ROUTES', 'TIER1_CONNECTED'], staticRoutes: [] }),
  nsxtSegment: () => ({ tier1Id: null, subnet: null, gateway: null, dhcp: false, ranges: [] }),
  aciFabric: () => ({
    apicHosts: [],
    systemId: '',
    tenant: '',
    vrf: { name: '', tenant: 'common' },
    l3out: null,
    aep: '',
    infraVlanEnabled: true,
    vmmDomain: '',
    infraVlan: null,
    kubeApiVlan: null,
    serviceVlan: null,
    nodeSubnet: null,
    podSubnet: null,
    externDynamic: null,
    externStatic: null,
    nodeServiceSubnet: null,
  }),
  aciSwitch: () => ({ fabricId: null, role: 'leaf', nodeId: 101 }),
};

export function defaultProps<K extends ElementKind>(kind: K): PropsOf<K> {
  return defaults[kind]();
}
