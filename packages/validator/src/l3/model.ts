/**
 * The L3 model: the vendor-independent view every rule asks questions of (design.md). Built
 * once per document by lower(); addresses are parsed once there and kept as numbers
 * (IPv4) or bigints (IPv6), so rules never parse or call ip-address in a loop.
 */
import type { ElementKind, Element, TopologyDocument, NetworkKind, RangePurpose } from '@viplane/model';
import type { Ip, Cidr } from './addr.ts';

export interface L3Network {
  /** The network element's id. */
  id: string;
  kind: NetworkKind;
  name: string;
  subnetText: string | null;
  /** `null` when unknown or malformed (malformed ones are reported by ipam/invalid-cidr). */
  subnet: Cidr | null;
  gatewayText: string | null;
  gateway: Ip | null;
  routingDomain: string;
  dhcp: boolean;
  /** Registered on the NSX-ALB Controller (port groups only). */
  albRegistered: boolean;
  vlan: number | null;
}

export type L3RangePurpose = RangePurpose | 'haproxy-vip';

export interface L3Range {
  /** The range's own id (nested id in the document, or `<haproxy id>/vip/<n>`). */
  id: string;
  /** The element that declares it (port group, workload network, segment, HAProxy). */
  ownerId: string;
  /** The network it is on; `null` when the owner is not attached to one. */
  networkId: string | null;
  purpose: L3RangePurpose;
  text: string;
  start: Ip | null;
  end: Ip | null;
  /** Where the range came from in the document, to point the user at the field. */
  path: string;
}

export type AddressRole =
  | 'interface'
  | 'controller'
  | 'se-interface'
  | 'haproxy-interface'
  | 'endpoint'
  | 'vip'
  | 'dns-vs'
  | 'node'
  | 'supervisor-management'
  /** A server the design names by address (vCenter, NSX Manager): held, on no modelled network (see heldValues). */
  | 'infrastructure';

/** An address that something holds statically (gateways are on L3Network). */
export interface L3Address {
  text: string;
  ip: Ip | null;
  ownerId: string;
  ownerKind: ElementKind;
  role: AddressRole;
  /** The network the holder declares it on (a nic link's `to`, a cluster's node network). */
  networkId: string | null;
  linkId?: string;
  /** Nested item id (e.g. a cluster node), for targets. */
  itemId?: string;
  /** Consecutive addresses held from `ip` on: the Supervisor's management block (managementBlockSize); 1 otherwise. */
  block?: number;
  path: string;
}

export type RouteOrigin = 'connected' | 'static' | 'gateway' | 'cluster' | 'internal';

export interface L3Route {
  prefixText: string;
  prefix: Cidr;
  /** `null` for connected routes, internal links and discard routes. */
  nextHopText: string | null;
  nextHop: Ip | null;
  origin: RouteOrigin;
  /** Connected and cluster routes: the network the prefix is delivered on. */
  networkId?: string;
  /** Internal links (NSX-T Tier-1 -> Tier-0, Tier-0 -> Tier-1): the host routed to. */
  viaHostId?: string;
  /** Cluster routes: the cluster whose pods the prefix holds. */
  clusterId?: string;
  /** The document route (static) or link (connected) it comes from. */
  sourceId: string;
  /** The element that configures it (controller for SE VRFs). */
  ownerId: string;
  /** A static route with `nextHop: null` in the document. */
  discard: boolean;
}

export interface L3Interface {
  hostId: string;
  vrfId: string;
  networkId: string;
  addressText: string | null;
  address: Ip | null;
  role: string;
  /** The nic link, or the segment for a Tier-1 downlink. */
  sourceId: string;
  gateway: Ip | null;
}

export interface L3Vrf {
  /** `<host id>/<vrf name>` */
  id: string;
  hostId: string;
  name: string;
  interfaces: L3Interface[];
  routes: L3Route[];
}

export type HostKind = 'router' | 'firewall' | 'seGroup' | 'haproxy' | 'nsxtTier0' | 'nsxtTier1' | 'aviController' | 'supervisor';

export interface L3Host {
  id: string;
  kind: HostKind;
  name: string;
  vrfs: L3Vrf[];
}

/** Kubernetes clusters of every flavour, reduced to what addressing and routing need. */
export interface L3Cluster {
  id: string;
  kind: 'tkgCluster' | 'k8sCluster' | 'tkc';
  name: string;
  nodeNetworkId: string | null;
  podCidrs: { text: string; cidr: Cidr | null; path: string }[];
  serviceCidrs: { text: string; cidr: Cidr | null; path: string }[];
  /** Node addresses a DHCP scope or range must provide (control plane + workers + 1 surge). */
  nodeDemand: number;
  /** NSX-T routable pods: the Tier-1 that gets `podCIDR -> node` routes. */
  routableTier1Id: string | null;
}

export interface L3Model {
  document: TopologyDocument;
  elements: ReadonlyMap<string, Element>;
  networks: L3Network[];
  networkById: ReadonlyMap<string, L3Network>;
  ranges: L3Range[];
  addresses: L3Address[];
  hosts: L3Host[];
  hostById: ReadonlyMap<string, L3Host>;
  clusters: L3Cluster[];
  /** Elements of one kind, in document order. */
  ofKind<K extends ElementKind>(kind: K): Extract<Element, { kind: K }>[];
}
