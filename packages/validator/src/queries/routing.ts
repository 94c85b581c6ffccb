/**
 * Shared questions of the routing, TKG and AKO rules: which load balancer serves which VIP
 * networks and which backends, which networks an SE group is directly on, whether a network is
 * usable by NSX-ALB, and reachability through the routing engine (direct attachment or a path
 * trace, both directions). Indexes are built once per L3 model and shared by every rule.
 */
import type { Element, ElementKind } from '@viplane/model';
import type { L3Cluster, L3Host, L3Model, L3Network, L3Range, L3Route, L3Vrf } from '../l3/model.ts';
import { ip, type Cidr, type Ip } from '../l3/addr.ts';
import { Routing } from '../routing/routing.ts';
import { trace, type TraceResult } from '../routing/trace.ts';

export type Of<K extends ElementKind> = Extract<Element, { kind: K }>;

/** The element with that id when it is of the wanted kind. */
export function elementOf<K extends ElementKind>(model: L3Model, id: string | null | undefined, kind: K): Of<K> | undefined {
  if (id === null || id === undefined) return undefined;
  const el = model.elements.get(id);
  return el && el.kind === kind ? (el as Of<K>) : undefined;
}

/** Avi IP pools: addresses the Controller hands out to SE interfaces and/or VIPs. */
export const AVI_POOL_PURPOSES: ReadonlySet<string> = new Set(['se-pool', 'vip-pool', 'se-vip-pool']);
/** Pools a VIP can be allocated from. */
export const VIP_POOL_PURPOSES: ReadonlySet<string> = new Set(['vip-pool', 'se-vip-pool']);

/** A load balancer (SE group or HAProxy) that puts VIPs on a network. */
export interface VipUse {
  lbId: string;
  networkId: string;
  /** The element that asks for the VIP (virtual service, DNS VS, TKG cluster, AKO, HAProxy range). */
  sourceId: string;
}

/** A load balancer that sends traffic to the nodes (or pods) of a cluster or workload network. */
export interface BackendUse {
  lbId: string;
  /** The cluster (or Supervisor workload network) whose nodes are the pool members. */
  backendId: string;
  backendName: string;
  nodeNetworkId: string;
  /** Set when the pool members are pod IPs that must be routable (AKO mode `routable`). */
  pods: L3Cluster | null;
  /** The element that creates the relation (TKG cluster, AKO, virtual service, Supervisor). */
  sourceId: string;
}

export interface LbIndex {
  seGroupsByController: ReadonlyMap<string, Of<'seGroup'>[]>;
  vipUses: readonly VipUse[];
  backends: readonly BackendUse[];
  clusterById: ReadonlyMap<string, L3Cluster>;
  rangesByNetwork: ReadonlyMap<string, L3Range[]>;
  /** The Controller's own address (its management NIC), by controller id. */
  controllerAddress: ReadonlyMap<string, { ip: Ip; networkId: string | null; linkId?: string }>;
  /** Networks where each SE group has an interface that carries data (see `seDataNetworks`). */
  seDataNetworks: ReadonlyMap<string, ReadonlySet<string>>;
  routing: Routing;
}

const cache = new WeakMap<L3Model, LbIndex>();

/** Built once per model: who serves what, and where SE groups are directly attached. */
export function lbIndex(model: L3Model): LbIndex {
  let index = cache.get(model);
  if (!index) {
    index = buildIndex(model);
    cache.set(model, index);
  }
  return index;
}

function buildIndex(model: L3Model): LbIndex {
  const seGroupsByController = new Map<string, Of<'seGroup'>[]>();
  for (const se of model.ofKind('seGroup')) {
    if (se.props.controllerId === null) continue;
    const list = seGroupsByController.get(se.props.controllerId);
    if (list) list.push(se);
    else seGroupsByController.set(se.props.controllerId, [se]);
  }
  const clusterById = new Map(model.clusters.map((c) => [c.id, c]));
  const rangesByNetwork = new Map<string, L3Range[]>();
  for (let k = 0, all = model.ranges; k < all.length; k++) {
    const r = all[k]!;
    if (r.networkId === null) continue;
    const list = rangesByNetwork.get(r.networkId);
    if (list) list.push(r);
    else rangesByNetwork.set(r.networkId, [r]);
  }

  const vipUses: VipUse[] = [];
  const backends: BackendUse[] = [];
  /** Networks an SE group uses for data beyond its VIP networks (k8s API VIPs). */
  const extraData = new Map<string, Set<string>>();
  const addExtra = (lbId: string, networkId: string | null) => {
    if (networkId === null) return;
    let set = extraData.get(lbId);
    if (!set) extraData.set(lbId, (set = new Set()));
    set.add(networkId);
  };
  const vip = (lbId: string | null, networkId: string | null, sourceId: string) => {
    if (lbId !== null && networkId !== null) vipUses.push({ lbId, networkId, sourceId });
  };
  const backend = (
    lbId: string | null,
    backendId: string,
    backendName: string,
    nodeNetworkId: string | null,
    pods: L3Cluster | null,
    sourceId: string,
  ) => {
    if (lbId !== null && nodeNetworkId !== null) backends.push({ lbId, backendId, backendName, nodeNetworkId, pods, sourceId });
  };

  for (const vs of model.ofKind('virtualService')) {
    vip(vs.props.loadBalancerId, vs.props.vipNetworkId, vs.id);
    const cluster = vs.props.backendClusterId ? clusterById.get(vs.props.backendClusterId) : undefined;
    if (cluster) backend(vs.props.loadBalancerId, cluster.id, cluster.name, cluster.nodeNetworkId, null, vs.id);
  }
  for (const dns of model.ofKind('aviDnsVs')) vip(dns.props.seGroupId, dns.props.networkId, dns.id);
  for (const c of model.ofKind('tkgCluster')) {
    vip(c.props.seGroupId, c.props.workloadVipNetworkId, c.id);
    if (c.props.seGroupId !== null && c.props.endpoint.provider === 'nsx-alb')
      addExtra(c.props.seGroupId, c.props.controlPlaneVipNetworkId);
    backend(c.props.seGroupId, c.id, c.name, c.props.nodeNetworkId, null, c.id);
  }
  for (const ako of model.ofKind('ako')) {
    vip(ako.props.seGroupId, ako.props.vipNetworkId, ako.id);
    const cluster = ako.props.clusterId ? clusterById.get(ako.props.clusterId) : undefined;
    if (cluster)
      backend(
        ako.props.seGroupId,
        cluster.id,
        cluster.name,
        akoNodeNetwork(ako, cluster),
        ako.props.mode === 'routable' ? cluster : null,
        ako.id,
      );
  }
  for (let k = 0, all = model.ranges; k < all.length; k++) {
    const r = all[k]!;
    if (r.purpose === 'haproxy-vip' && r.networkId !== null) vip(r.ownerId, r.networkId, r.id);
  }
  const workloadNets = model.ofKind('workloadNetwork');
  for (const sup of model.ofKind('supervisor')) {
    if (sup.props.loadBalancer.provider !== 'haproxy') continue;
    const haproxyId = sup.props.loadBalancer.haproxyId;
    for (const wn of workloadNets)
      if (wn.props.supervisorId === sup.id) backend(haproxyId, wn.id, wn.name, wn.props.portGroupId, null, sup.id);
  }

  const controllerAddress = new Map<string, { ip: Ip; networkId: string | null; linkId?: string }>();
  for (let k = 0, all = model.addresses; k < all.length; k++) {
    const a = all[k]!;
    if (a.role !== 'controller' || !a.ip) continue;
    const known = controllerAddress.get(a.ownerId);
    const isMgmt =
      model.hostById.get(a.ownerId)?.vrfs.some((v) => v.interfaces.some((i) => i.sourceId === a.linkId && i.role === 'management')) ??
      false;
    if (!known || isMgmt) controllerAddress.set(a.ownerId, { ip: a.ip, networkId: a.networkId, ...(a.linkId ? { linkId: a.linkId } : {}) });
  }

  // Where an SE group is directly attached for data: its data VRF interfaces, plus its
  // management interface on a network it also uses for data (seed 003: alb-mgmt is both the SE
  // management network and the node network the static routes point into).
  const usedForData = new Map<string, Set<string>>();
  const use = (lbId: string, networkId: string) => {
    let set = usedForData.get(lbId);
    if (!set) usedForData.set(lbId, (set = new Set()));
    set.add(networkId);
  };
  for (const u of vipUses) use(u.lbId, u.networkId);
  for (const b of backends) use(b.lbId, b.nodeNetworkId);
  for (const [lbId, nets] of extraData) for (const n of nets) use(lbId, n);
  const seDataNetworks = new Map<string, Set<string>>();
  for (const host of model.hosts) {
    if (host.kind !== 'seGroup') continue;
    const set = new Set<string>();
    for (const vrf of host.vrfs)
      for (const i of vrf.interfaces) if (vrf.name === 'global' || usedForData.get(host.id)?.has(i.networkId)) set.add(i.networkId);
    seDataNetworks.set(host.id, set);
  }

  return {
    seGroupsByController,
    vipUses,
    backends,
    clusterById,
    rangesByNetwork,
    controllerAddress,
    seDataNetworks,
    routing: new Routing(model),
  };
}

/** AKO's node network: its own nodeNetworkList entry, else the cluster's. */
export function akoNodeNetwork(ako: Of<'ako'>, cluster: L3Cluster | undefined): string | null {
  return ako.props.nodeNetworkId ?? cluster?.nodeNetworkId ?? null;
}

/** The Controller an AKO instance talks to (its own reference, else its SE group's). */
export function akoController(model: L3Model, ako: Of<'ako'>): string | null {
  if (ako.props.controllerId !== null) return ako.props.controllerId;
  return elementOf(model, ako.props.seGroupId, 'seGroup')?.props.controllerId ?? null;
}

/**
 * Networks where an SE group has an interface that carries data: every interface of its data
 * VRF, and its management interface when that network is also one it uses for data.
 */
export function seDataNetworks(model: L3Model, seGroupId: string): ReadonlySet<string> {
  return lbIndex(model).seDataNetworks.get(seGroupId) ?? new Set();
}

/** Networks a load balancer is directly on for data (SE group as above; HAProxy: every NIC). */
export function lbDirectNetworks(model: L3Model, lbId: string): ReadonlySet<string> {
  const host = model.hostById.get(lbId);
  if (!host) return new Set();
  if (host.kind === 'seGroup') return seDataNetworks(model, lbId);
  return new Set(host.vrfs.flatMap((v) => v.interfaces.map((i) => i.networkId)));
}

/** The VRF a load balancer forwards data from: the SE data VRF `global`, else the only one. */
export function lbDataVrf(host: L3Host): L3Vrf | undefined {
  return host.vrfs.find((v) => v.name === 'global') ?? host.vrfs[0];
}

export function vrfOf(host: L3Host | undefined, name: string): L3Vrf | undefined {
  return host?.vrfs.find((v) => v.name === name);
}

/** A network's subnet is registered on the NSX-ALB Controller (port groups: the flag; NSX-T segments: a known subnet). */
export function aviRegistered(network: L3Network): boolean {
  if (network.kind === 'portGroup') return network.albRegistered && network.subnet !== null;
  if (network.kind === 'nsxtSegment') return network.subnet !== null;
  return false;
}

export function hasVipPool(model: L3Model, networkId: string): boolean {
  return (lbIndex(model).rangesByNetwork.get(networkId) ?? []).some((r) => VIP_POOL_PURPOSES.has(r.purpose));
}

/** Default routes (prefix length 0) of one address family in a VRF. */
export function defaultRoutes(vrf: L3Vrf | undefined, family: 4 | 6): L3Route[] {
  return (vrf?.routes ?? []).filter((r) => r.prefix.prefix === 0 && r.prefix.family === family);
}

/** Address families of the subnets a VRF's interfaces are on (IPv4 when none is known). */
export function vrfFamilies(model: L3Model, vrf: L3Vrf, extraNetworks: Iterable<string> = []): (4 | 6)[] {
  const families = new Set<4 | 6>();
  const add = (networkId: string) => {
    const subnet = model.networkById.get(networkId)?.subnet;
    if (subnet) families.add(subnet.family);
  };
  for (const i of vrf.interfaces) add(i.networkId);
  for (const n of extraNetworks) add(n);
  if (families.size === 0) families.add(4);
  return [...families].sort();
}

/** Connected subnets a next hop may lie on. `null` when one of them is unknown (cannot judge). */
export function connectedSubnets(model: L3Model, vrf: L3Vrf, extraNetworks: Iterable<string> = []): Cidr[] | null {
  const out: Cidr[] = [];
  const ids = new Set<string>([...vrf.interfaces.map((i) => i.networkId), ...extraNetworks]);
  for (const id of ids) {
    const net = model.networkById.get(id);
    if (!net || !net.subnet) return null;
    out.push(net.subnet);
  }
  return out;
}

/** A host address inside a CIDR (its second address, or the only one), for traces to pods. */
export function hostAddressIn(c: Cidr): Ip {
  if (c.family === 4) {
    const value = (c.last as number) > (c.first as number) ? (c.first as number) + 1 : (c.first as number);
    return { family: 4, value, text: [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.') };
  }
  const value = (c.last as bigint) > (c.first as bigint) ? (c.first as bigint) + 1n : (c.first as bigint);
  const hex = value.toString(16).padStart(32, '0');
  return { family: 6, value, text: (hex.match(/.{4}/g) ?? []).map((g) => g.replace(/^0+(?=.)/, '')).join(':') };
}

/**
 * Delivered on the intended network? A trace also "delivers" onto a catch-all client network
 * (clients anywhere = a connected 0.0.0.0/0), which does not hold the design's own subnets.
 */
export function deliveredOn(result: TraceResult, networkId: string | null): boolean {
  return result.delivered && (networkId === null || result.deliveredOn?.networkId === networkId);
}

export interface Reach {
  /** `unknown`: a subnet or interface the answer depends on is not known; rules skip it. */
  status: 'direct' | 'routed' | 'unreachable' | 'unknown';
  /** The forward trace (routed or failed). */
  forward?: TraceResult;
  /** The reply trace, when asked for and the forward path is routed. */
  reverse?: TraceResult;
}

/**
 * Can a load balancer reach a network from its data VRF? Directly (an interface on it), else
 * through the routing engine; with `reverse`, the network must also route back to the network
 * the load balancer sends from (nodes reply to the SE's interface address).
 */
export function lbReachesNetwork(
  model: L3Model,
  lbId: string,
  networkId: string,
  options: { reverse?: boolean; address?: Ip | null } = {},
): Reach {
  const net = model.networkById.get(networkId);
  const host = model.hostById.get(lbId);
  if (!net || !net.subnet || !host) return { status: 'unknown' };
  if (lbDirectNetworks(model, lbId).has(networkId)) return { status: 'direct' };
  const vrf = lbDataVrf(host);
  if (!vrf || vrf.interfaces.length === 0 || connectedSubnets(model, vrf) === null) return { status: 'unknown' };
  const { routing } = lbIndex(model);
  // A real address on the network (a node's) when the caller knows one, else the network's representative address.
  const to = options.address ? { address: options.address.text } : { elementId: networkId };
  const forward = trace(model, { elementId: lbId, vrf: vrf.name }, to, routing);
  if (!deliveredOn(forward, networkId)) return { status: 'unreachable', forward };
  if (!options.reverse) return { status: 'routed', forward };
  const egress = forward.hops[0]?.egressNetworkId ?? null;
  if (egress === null || egress === networkId || !model.networkById.get(egress)?.subnet) return { status: 'routed', forward };
  const reverse = trace(model, to, { elementId: egress }, routing);
  return { status: deliveredOn(reverse, egress) ? 'routed' : 'unreachable', forward, reverse };
}

/** Can a load balancer reach the pods of a cluster (routable pod CIDRs)? */
export function lbReachesPods(model: L3Model, lbId: string, cluster: L3Cluster): { cidr: string; result: TraceResult }[] | 'unknown' {
  const host = model.hostById.get(lbId);
  const vrf = host ? lbDataVrf(host) : undefined;
  if (!host || !vrf || vrf.interfaces.length === 0 || connectedSubnets(model, vrf) === null) return 'unknown';
  const { routing } = lbIndex(model);
  const failed: { cidr: string; result: TraceResult }[] = [];
  for (const pod of cluster.podCidrs) {
    if (!pod.cidr) continue;
    const result = trace(model, { elementId: lbId, vrf: vrf.name }, { address: hostAddressIn(pod.cidr).text }, routing);
    if (!deliveredOn(result, cluster.nodeNetworkId)) failed.push({ cidr: pod.text, result });
  }
  return failed;
}

/** The drop message of a failed trace, for diagnostics. */
export function dropMessage(result: TraceResult | undefined, model?: L3Model): string {
  if (!result) return 'no path';
  if (result.drop) return result.drop.message;
  const last = [...result.hops].reverse().find((h) => h.hostId !== null);
  const where = result.deliveredOn?.networkId ?? null;
  const name = where === null ? 'another network' : (model?.networkById.get(where)?.name ?? where);
  return `${last?.name ?? 'the path'} sends ${result.destination} to ${name} instead`;
}

/** Parses an address field; `null` when empty or not an IP (e.g. an FQDN). */
export function parseAddress(text: string | null | undefined): Ip | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  return ip(text.trim());
}
