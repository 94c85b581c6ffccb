/**
 * Which fields of which kinds point at which other kinds. One table serves restore()'s
 * integrity check, the validator's lowering and the canvas (each reference is drawn as an edge).
 */
import type { ElementKind } from './document.ts';

const NETWORK_KINDS = ['portGroup', 'nsxtSegment', 'clientNetwork'] as const satisfies readonly ElementKind[];
export const networkKinds: readonly ElementKind[] = NETWORK_KINDS;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

/**
 * Networks that can carry cluster nodes (VMs on a port group or an NSX-T segment). A client
 * network stands for users anywhere, never for VMs. Pickers offer only these for a node network;
 * restore() still accepts any network kind there (older documents), the validator judges it.
 */
export const nodeNetworkKinds: readonly ElementKind[] = ['portGroup', 'nsxtSegment'];

export interface ReferenceField {
  /** Dotted path inside `props`, e.g. `endpoint.address` or `routablePods.tier1Id`. */
  path: string;
  targets: readonly ElementKind[];
  /** Canvas handle role of the edge drawn for it. */
  role: 'management' | 'data' | 'workload' | 'frontend' | 'uplink' | 'member' | 'leaf';
}

const net = NETWORK_KINDS;
const vcenterRef: ReferenceField = { path: 'vcenterId', targets: ['vcenter'], role: 'member' };

export const referenceFields: Partial<Record<ElementKind, readonly ReferenceField[]>> = {
  aviController: [vcenterRef],
  seGroup: [{ path: 'controllerId', targets: ['aviController'], role: 'member' }],
  virtualService: [
    { path: 'loadBalancerId', targets: ['seGroup', 'haproxy'], role: 'member' },
    { path: 'vipNetworkId', targets: net, role: 'data' },
    { path: 'backendClusterId', targets: ['tkgCluster', 'k8sCluster', 'tkc'], role: 'workload' },
  ],
  aviDnsVs: [
    { path: 'seGroupId', targets: ['seGroup'], role: 'member' },
    { path: 'networkId', targets: net, role: 'data' },
  ],
  tkgCluster: [
    { path: 'managementClusterId', targets: ['tkgCluster'], role: 'member' },
    vcenterRef,
    { path: 'nodeNetworkId', targets: net, role: 'workload' },
    { path: 'controllerId', targets: ['aviController'], role: 'member' },
    { path: 'seGroupId', targets: ['seGroup'], role: 'member' },
    { path: 'workloadVipNetworkId', targets: net, role: 'data' },
    { path: 'controlPlaneVipNetworkId', targets: net, role: 'data' },
    { path: 'routablePods.tier1Id', targets: ['nsxtTier1'], role: 'uplink' },
  ],
  k8sCluster: [
    { path: 'nodeNetworkId', targets: net, role: 'workload' },
    { path: 'aciFabricId', targets: ['aciFabric'], role: 'member' },
  ],
  supervisor: [
    { path: 'loadBalancer.haproxyId', targets: ['haproxy'], role: 'member' },
    { path: 'loadBalancer.controllerId', targets: ['aviController'], role: 'member' },
    { path: 'managementNetworkId', targets: net, role: 'management' },
  ],
  workloadNetwork: [
    { path: 'supervisorId', targets: ['supervisor'], role: 'member' },
    { path: 'portGroupId', targets: ['portGroup', 'nsxtSegment'], role: 'workload' },
  ],
  vsphereNamespace: [
    { path: 'supervisorId', targets: ['supervisor'], role: 'member' },
    { path: 'workloadNetworkId', targets: ['workloadNetwork'], role: 'workload' },
  ],
  tkc: [{ path: 'namespaceId', targets: ['vsphereNamespace'], role: 'member' }],
  ako: [
    { path: 'clusterId', targets: ['tkgCluster', 'k8sCluster', 'tkc'], role: 'member' },
    { path: 'controllerId', targets: ['aviController'], role: 'member' },
    { path: 'seGroupId', targets: ['seGroup'], role: 'member' },
    { path: 'vipNetworkId', targets: net, role: 'data' },
    { path: 'nodeNetworkId', targets: net, role: 'workload' },
    { path: 'ingress.dnsVsId', targets: ['aviDnsVs'], role: 'member' },
  ],
  nsxtTier1: [{ path: 'tier0Id', targets: ['nsxtTier0'], role: 'uplink' }],
  nsxtSegment: [{ path: 'tier1Id', targets: ['nsxtTier1'], role: 'uplink' }],
  aciSwitch: [{ path: 'fabricId', targets: ['aciFabric'], role: 'member' }],
};

/** Reads a dotted path inside props; `undefined` when an intermediate value is absent. */
export function readPath(props: unknown, path: string): unknown {
  let value: unknown = props;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Which kinds may hold a `nic` link, and on which networks (`to`). */
export const nicHolders: readonly ElementKind[] = [
  'router',
  'firewall',
  'aviController',
  'seGroup',
  'haproxy',
  'nsxtTier0',
  'supervisor',
];
