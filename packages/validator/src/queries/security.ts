/**
 * Where a cluster's traffic lands, for the security/* rules (seed 000's four reference designs): the node network,
 * the networks its apps' VIPs are published on, the network of its Kubernetes API VIP, and the NSX-ALB management
 * networks (SE management NICs, the Controller). One shared reading so the three rules agree on which design is which:
 *
 * | design (seed 000)     | node | app VIPs | API VIP | SE mgmt | finding                     |
 * |-----------------------|------|----------|---------|---------|-----------------------------|
 * | 1-network             | 32   | 32       | 32      | 32      | security/single-network     |
 * | 2-network             | 48   | 48       | 48      | 32      | security/vip-on-node-network|
 * | 3-network, NSX-ALB    | 52   | 48       | 52      | 32      | none                        |
 * | 3-network, kube-vip   | 52   | 48       | (node)  | 32      | none                        |
 */
import type { Element } from '@viplane/model';
import type { L3Model } from '../l3/model.ts';

type Of<K extends Element['kind']> = Extract<Element, { kind: K }>;

/** Why a network carries a cluster's app VIPs. */
export interface AppVipSource {
  networkId: string;
  /** The element that puts the VIPs there: the cluster (AVI_DATA_NETWORK), an AKO, an HAProxy. */
  via: string;
  what: 'workload VIP network' | 'AKO VIP network' | 'HAProxy VIP range';
}

export interface ClusterPlacement {
  clusterId: string;
  name: string;
  kind: 'tkgCluster' | 'k8sCluster' | 'tkc';
  nodeNetworkId: string | null;
  appVips: AppVipSource[];
  /** TKG only: the network of the Kubernetes API VIP (kube-vip: the node network); `null` otherwise or unknown. */
  apiVipNetworkId: string | null;
  /** TKG only: whether NSX-ALB holds the API VIP (`nsx-alb` endpoint provider). */
  apiOnLoadBalancer: boolean;
  /** TKG only: networks of the SE management NICs of its SE group(s) and of its Controller. */
  managementNetworkIds: ReadonlySet<string>;
}

const cache = new WeakMap<L3Model, ClusterPlacement[]>();

/** Every cluster of the design with where its traffic lands. */
export function clusterPlacements(model: L3Model): readonly ClusterPlacement[] {
  let out = cache.get(model);
  if (out) return out;
  out = [];
  const nicNetworks = new Map<string, { networkId: string; role: string }[]>();
  for (let k = 0, all = model.document.links; k < all.length; k++) {
    const l = all[k]!;
    if (l.kind !== 'nic') continue;
    const list = nicNetworks.get(l.from);
    if (list) list.push({ networkId: l.to, role: l.role });
    else nicNetworks.set(l.from, [{ networkId: l.to, role: l.role }]);
  }
  const akosByCluster = new Map<string, Of<'ako'>[]>();
  for (const a of model.ofKind('ako')) {
    if (a.props.clusterId === null) continue;
    const list = akosByCluster.get(a.props.clusterId);
    if (list) list.push(a);
    else akosByCluster.set(a.props.clusterId, [a]);
  }
  const seGroups = model.ofKind('seGroup');
  // Maps instead of filtering every SE group per cluster (clusters × SE groups on a large estate).
  const seGroupById = new Map<string, (typeof seGroups)[number]>();
  const seGroupsByController = new Map<string, (typeof seGroups)[number][]>();
  for (const g of seGroups) {
    if (!seGroupById.has(g.id)) seGroupById.set(g.id, g);
    if (g.props.controllerId === null) continue;
    const list = seGroupsByController.get(g.props.controllerId);
    if (list) list.push(g);
    else seGroupsByController.set(g.props.controllerId, [g]);
  }
  const haproxyVips = new Map<string, AppVipSource[]>();
  for (let k = 0, all = model.ranges; k < all.length; k++) {
    const r = all[k]!;
    if (r.purpose !== 'haproxy-vip' || r.networkId === null) continue;
    const list = haproxyVips.get(r.ownerId);
    const s: AppVipSource = { networkId: r.networkId, via: r.ownerId, what: 'HAProxy VIP range' };
    if (list) list.push(s);
    else haproxyVips.set(r.ownerId, [s]);
  }

  for (const c of model.clusters) {
    const el = model.elements.get(c.id);
    if (!el) continue;
    const appVips: AppVipSource[] = [];
    const add = (s: AppVipSource) => {
      if (!appVips.some((x) => x.networkId === s.networkId)) appVips.push(s);
    };
    let nodeNetworkId = c.nodeNetworkId;
    let apiVipNetworkId: string | null = null;
    let apiOnLoadBalancer = false;
    const managementNetworkIds = new Set<string>();

    if (el.kind === 'tkgCluster') {
      const p = el.props;
      if (p.workloadVipNetworkId !== null) add({ networkId: p.workloadVipNetworkId, via: el.id, what: 'workload VIP network' });
      apiOnLoadBalancer = p.endpoint.provider === 'nsx-alb';
      apiVipNetworkId = apiOnLoadBalancer ? (p.controlPlaneVipNetworkId ?? p.workloadVipNetworkId) : p.nodeNetworkId;
      const byId = p.seGroupId !== null ? seGroupById.get(p.seGroupId) : undefined;
      const groups =
        p.seGroupId !== null ? (byId ? [byId] : []) : p.controllerId !== null ? (seGroupsByController.get(p.controllerId) ?? []) : [];
      for (const g of groups)
        for (const n of nicNetworks.get(g.id) ?? []) if (n.role === 'management') managementNetworkIds.add(n.networkId);
      const controllerIds = new Set<string>([
        ...(p.controllerId !== null ? [p.controllerId] : []),
        ...groups.map((g) => g.props.controllerId).filter((x): x is string => x !== null),
      ]);
      for (const id of controllerIds) for (const n of nicNetworks.get(id) ?? []) managementNetworkIds.add(n.networkId);
    }
    for (const a of akosByCluster.get(c.id) ?? []) {
      nodeNetworkId ??= a.props.nodeNetworkId;
      if (a.props.vipNetworkId !== null) add({ networkId: a.props.vipNetworkId, via: a.id, what: 'AKO VIP network' });
    }
    if (el.kind === 'tkc') for (const s of haproxyVipsOfTkc(model, el, haproxyVips)) add(s);

    out.push({
      clusterId: c.id,
      name: c.name,
      kind: c.kind,
      nodeNetworkId,
      appVips,
      apiVipNetworkId,
      apiOnLoadBalancer,
      managementNetworkIds,
    });
  }
  cache.set(model, out);
  return out;
}

/** The TKC's Supervisor's HAProxy VIP ranges, by the network that holds them. */
function haproxyVipsOfTkc(model: L3Model, tkc: Of<'tkc'>, haproxyVips: ReadonlyMap<string, AppVipSource[]>): AppVipSource[] {
  const ns = tkc.props.namespaceId === null ? undefined : model.elements.get(tkc.props.namespaceId);
  const sup = ns?.kind === 'vsphereNamespace' && ns.props.supervisorId !== null ? model.elements.get(ns.props.supervisorId) : undefined;
  if (sup?.kind !== 'supervisor' || sup.props.loadBalancer.provider !== 'haproxy' || sup.props.loadBalancer.haproxyId === null) return [];
  return haproxyVips.get(sup.props.loadBalancer.haproxyId) ?? [];
}

/**
 * Seed 000's 1-network design: a TKG cluster whose nodes, app VIPs and API VIP are all on one network, which is also
 * the NSX-ALB management network.
 */
export function isOneNetwork(p: ClusterPlacement): boolean {
  const node = p.nodeNetworkId;
  return (
    p.kind === 'tkgCluster' &&
    node !== null &&
    p.managementNetworkIds.has(node) &&
    p.apiVipNetworkId === node &&
    p.appVips.length > 0 &&
    p.appVips.every((v) => v.networkId === node)
  );
}

/** Networks on which some cluster publishes app VIPs for clients (TKG workload VIP networks, AKO VIP networks). */
export function appVipNetworkIds(model: L3Model): ReadonlyMap<string, AppVipSource> {
  const out = new Map<string, AppVipSource>();
  for (const p of clusterPlacements(model))
    for (const v of p.appVips) if (v.what !== 'HAProxy VIP range' && !out.has(v.networkId)) out.set(v.networkId, v);
  return out;
}

/** Items grouped by key, groups and members in first-seen order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** `Cluster tkg-wc1` / `Clusters tkg-mgmt and tkg-wc1` / `Clusters a, b and c`. */
export function clusterList(names: readonly string[]): string {
  if (names.length === 1) return `Cluster ${names[0]}`;
  return `Clusters ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
