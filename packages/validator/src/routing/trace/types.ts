/**
 * The shape of a path trace through load balancers (`tracePath`): the low-level `TraceResult`
 * of `trace()` (kept field for field, so callers of the old shape keep working) plus legs —
 * client → VIP, load balancer → backend, and the reply legs back — whose hops name the element,
 * the interfaces, the VRF and routing domain, the route used and the address translation.
 * Ids stay in the data for machines; every `…Name` field is what people read.
 */
import type { DropReason, Hop, TraceResult } from '../trace.ts';

/** Reasons beyond the routing engine's: what the load-balancer and pod steps add. */
/** `filtered`: a firewall rule or router ACL denies the leg's protocol and port. */
export type PathDropReason = DropReason | 'pods-not-routable' | 'no-backend' | 'filtered';

/** An interface a hop receives or sends on. */
export interface InterfaceRef {
  networkId: string;
  networkName: string;
  /** The interface's address; `null` when the design does not fix it (pool, DHCP) — `addressNote` says where it comes from. */
  address: string | null;
  addressNote?: string;
}

/** An address translation done at a hop. */
export interface Nat {
  /** `snat`: the source is rewritten; `dnat`: the destination. */
  kind: 'snat' | 'dnat';
  from: string;
  to: string;
  /** When the new address comes from a pool (SE interface addresses): the pool, e.g. `192.168.48.10-192.168.48.49`. */
  pool?: string;
  /** Why, in plain words (with the vendor source where one exists). */
  note: string;
}

export type PathHopKind =
  /** The client (or element) that sends. */
  | 'sender'
  /** A router, gateway or load balancer that forwards by its routing table. */
  | 'forward'
  /** The VIP that receives the client's connection (virtual service, DNS VS, HAProxy VIP, control-plane endpoint). */
  | 'vip'
  /** The load balancer that opens the connection to the backend (SE group, HAProxy). */
  | 'load-balancer'
  /** A Kubernetes node: NodePort, NodePortLocal, the API server, or the node that hosts a routed pod. */
  | 'node'
  /** The pod that answers. */
  | 'pod'
  /** Where a leg arrives (a network, the client, an SE interface). */
  | 'receiver';

/** A hop with names for people, on top of the low-level hop (whose `hostId`/`route` it keeps). */
export interface PathHop extends Hop {
  kind: PathHopKind;
  /** The element acting at this hop (host, VIP holder, cluster); `null` for a bare address. */
  elementId: string | null;
  elementName: string;
  /** The interface the packet arrives on. */
  ingress: InterfaceRef | null;
  /** The interface the packet leaves on. */
  egress: InterfaceRef | null;
  /** The routing domain of the network the hop sends on (or arrives on). */
  routingDomain: string | null;
  nat?: Nat[];
  /** What happens here, in plain words (e.g. "NodePort 30000-32767 on every node"). */
  note?: string;
}

export interface LegDrop {
  reason: PathDropReason;
  hostId: string | null;
  hostName: string | null;
  message: string;
}

/** One direction of one connection: the client's, the load balancer's to the backend, or a reply. */
export interface TraceLeg {
  kind: 'forward' | 'reply';
  /** e.g. "client → VIP", "Default-Group → tkg-wc1 (NodePort)", "reply: Default-Group → client". */
  title: string;
  /** Source and destination addresses of the packet on this leg (after translation). */
  from: string;
  to: string;
  hops: PathHop[];
  delivered: boolean;
  drop?: LegDrop;
}

/** How the load balancer reaches its backend (AKO `serviceType` / static-route sync, HAProxy, control plane). */
export type BackendMode = 'nodeport' | 'nodeportlocal' | 'static-route' | 'routable' | 'control-plane' | 'kube-vip' | 'self';

export interface PathTrace extends Omit<TraceResult, 'hops' | 'drop'> {
  /** The source and destination as people name them (element names, addresses). `source`/`destination` keep the ids. */
  sourceName: string;
  destinationName: string;
  /** Every forward hop of every forward leg, in order (the old flat list, now with names). */
  hops: PathHop[];
  drop?: { reason: PathDropReason; hostId: string | null; message: string };
  legs: TraceLeg[];
  /** How the load balancer reached the backend, when the destination is a VIP. */
  mode?: BackendMode;
  /** `true`/`false`: the reply gets back to the client or not; `null`: no reply traced (not a VIP, or the forward path failed). */
  replied: boolean | null;
}
