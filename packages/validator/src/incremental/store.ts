/**
 * The IPAM part of the L3 model, kept per element so one edit replaces only what the edited
 * element lowers to (its network, ranges, held addresses, cluster), plus the indexes the
 * incremental rules' neighbourhoods are found with: ranges and addresses per network, duplicate
 * groups, gateways by value, and per-domain subnet sets (binary search + neighbour scan).
 *
 * Entities come from `lower()` itself (on the whole document once, then on the few elements an
 * edit touches), so they are exactly what a full run sees. Each carries an order key: its
 * position in the full model's arrays, because rules' output (pair orientation, target order,
 * which of two equal gateways wins) depends on that order.
 */
import type { Element, Link, TopologyDocument } from '@viplane/model';
import type { L3Address, L3Cluster, L3Model, L3Network, L3Range } from '../l3/model.ts';
import { forEachHeld } from '../queries/ipam.ts';
import { listIndexOf } from '../l3/records.ts';
import type { Ip } from '../l3/addr.ts';
import { IntervalSet } from './intervalSet.ts';

const NETWORK_RANK: Record<string, number> = { portGroup: 0, nsxtSegment: 1, clientNetwork: 2 };
const RANGE_RANK: Record<string, number> = { portGroup: 0, nsxtSegment: 1, workloadNetwork: 2, haproxy: 3 };
// lower() emits held addresses in this order: nic links, TKG endpoints, nodes, VIPs, DNS VS, Supervisor.
const ADDRESS_RANK: Record<string, number> = { tkgCluster: 1, k8sCluster: 2, virtualService: 3, aviDnsVs: 4, supervisor: 5 };
const SLOT = 2 ** 13; // nested items per element (nodes ≤ 5,000, ranges ≤ 1,000)
const GROUP = 2 ** 40;

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
function deleteFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  const set = map.get(key);
  if (set && set.delete(value) && set.size === 0) map.delete(key);
}
/** The nested position at the end of a JSON pointer such as `/elements/3/props/nodes/7/address`. */
function nestedIndex(path: string, list: string): number {
  const at = path.indexOf(`/${list}/`);
  return at < 0 ? 0 : parseInt(path.slice(at + list.length + 2), 10) || 0;
}
/** nestedIndex of a lowered node address or range, without building its path when lower() kept the index. */
function itemPosition(x: L3Address | L3Range, list: string): number {
  return listIndexOf(x) ?? nestedIndex(x.path, list);
}
export function valueKey(domain: string, ip: Ip): string {
  return `${domain}|${ip.family}|${ip.value}`;
}

/** What one element (or one nic link) lowers to. */
export interface Lowered {
  network?: L3Network;
  ranges: L3Range[];
  addresses: L3Address[];
  cluster?: L3Cluster;
}

export class IpamStore {
  readonly elements = new Map<string, Element>();
  readonly elementIndex = new Map<string, number>();
  readonly links = new Map<string, Link>();
  readonly linkIndex = new Map<string, number>();
  readonly linksFrom = new Map<string, Set<string>>();
  readonly linksTo = new Map<string, Set<string>>();
  readonly networks = new Map<string, L3Network>();
  readonly rangesOwned = new Map<string, L3Range[]>();
  readonly rangesOn = new Map<string, Set<L3Range>>();
  readonly rangeById = new Map<string, L3Range>();
  readonly addressesOwned = new Map<string, L3Address[]>();
  readonly addressOfLink = new Map<string, L3Address>();
  /** Nested items' addresses (cluster nodes) by item id. */
  readonly addressOfItem = new Map<string, L3Address>();
  readonly addressesOn = new Map<string, Set<L3Address>>();
  readonly clusters = new Map<string, L3Cluster>();
  /**
   * Duplicate-ip groups: `domain|family|value` -> its held addresses (Supervisor blocks expanded).
   * Most values have one holder: that holder is the entry itself, a list only from the second on
   * (a Set per value was most of the store's build time on a large estate). Read with holdersOf.
   */
  private readonly groups = new Map<string, L3Address | L3Address[]>();
  /** Each address's group keys: one string, or a list for a Supervisor block. Read with groupKeysOf. */
  private readonly groupKeys = new Map<L3Address, string | string[]>();
  /** Networks by the value of their own gateway. */
  readonly gatewayNetworks = new Map<string, Set<string>>();
  private readonly subnets = new Map<string, IntervalSet<number> | IntervalSet<bigint>>();
  readonly order = new WeakMap<object, number>();

  constructor(public document: TopologyDocument) {}

  /** Fill from a full lowering of `document`. */
  static fromModel(model: L3Model): IpamStore {
    const store = new IpamStore(model.document);
    model.document.elements.forEach((el, i) => store.setElement(el, i));
    model.document.links.forEach((l, i) => store.setLink(l, i));
    for (const n of model.networks) store.addNetwork(n);
    for (const r of model.ranges) store.addRange(r);
    for (const a of model.addresses) store.addAddress(a);
    for (const c of model.clusters) store.clusters.set(c.id, c);
    store.groupAll(model);
    return store;
  }

  setElement(el: Element, index: number) {
    this.elements.set(el.id, el);
    this.elementIndex.set(el.id, index);
  }
  deleteElement(id: string) {
    this.elements.delete(id);
    this.elementIndex.delete(id);
  }
  setLink(l: Link, index: number) {
    this.links.set(l.id, l);
    this.linkIndex.set(l.id, index);
    addTo(this.linksFrom, l.from, l.id);
    if (l.kind === 'nic') addTo(this.linksTo, l.to, l.id);
  }
  deleteLink(id: string) {
    const l = this.links.get(id);
    if (!l) return;
    this.links.delete(id);
    this.linkIndex.delete(id);
    deleteFrom(this.linksFrom, l.from, id);
    deleteFrom(this.linksTo, l.to, id);
  }

  // ---- entities ------------------------------------------------------------------------------

  private subnetSet(domain: string, family: 4 | 6) {
    const key = `${domain}|${family}`;
    let set = this.subnets.get(key);
    if (!set) this.subnets.set(key, (set = family === 4 ? new IntervalSet<number>(0) : new IntervalSet<bigint>(0n)));
    return set as IntervalSet<number | bigint>;
  }

  addNetwork(n: L3Network) {
    this.networks.set(n.id, n);
    this.order.set(n, (NETWORK_RANK[n.kind] ?? 3) * GROUP + (this.elementIndex.get(n.id) ?? 0));
    if (n.gateway) addTo(this.gatewayNetworks, valueKey(n.routingDomain, n.gateway), n.id);
    if (n.subnet) this.subnetSet(n.routingDomain, n.subnet.family).insert(n.subnet.first, n.subnet.last, n.id);
  }
  removeNetwork(n: L3Network) {
    this.networks.delete(n.id);
    if (n.gateway) deleteFrom(this.gatewayNetworks, valueKey(n.routingDomain, n.gateway), n.id);
    if (n.subnet) this.subnetSet(n.routingDomain, n.subnet.family).remove(n.subnet.first, n.id);
  }

  addRange(r: L3Range) {
    const list = this.rangesOwned.get(r.ownerId);
    if (list) list.push(r);
    else this.rangesOwned.set(r.ownerId, [r]);
    if (r.networkId !== null) addTo(this.rangesOn, r.networkId, r);
    this.rangeById.set(r.id, r);
    const owner = this.elements.get(r.ownerId);
    const j = itemPosition(r, owner?.kind === 'haproxy' ? 'vipRanges' : 'ranges');
    this.order.set(r, (RANGE_RANK[owner?.kind ?? ''] ?? 4) * GROUP + (this.elementIndex.get(r.ownerId) ?? 0) * SLOT + j);
  }
  removeRange(r: L3Range) {
    if (r.networkId !== null) deleteFrom(this.rangesOn, r.networkId, r);
    if (this.rangeById.get(r.id) === r) this.rangeById.delete(r.id);
  }

  addAddress(a: L3Address) {
    if (a.linkId) {
      this.addressOfLink.set(a.linkId, a);
      this.order.set(a, (this.linkIndex.get(a.linkId) ?? 0) * SLOT);
    } else {
      const list = this.addressesOwned.get(a.ownerId);
      if (list) list.push(a);
      else this.addressesOwned.set(a.ownerId, [a]);
      if (a.itemId) this.addressOfItem.set(a.itemId, a);
      const rank = ADDRESS_RANK[a.ownerKind] ?? 6;
      this.order.set(a, rank * GROUP + (this.elementIndex.get(a.ownerId) ?? 0) * SLOT + (a.itemId ? itemPosition(a, 'nodes') : 0));
    }
    if (a.networkId !== null) addTo(this.addressesOn, a.networkId, a);
  }
  removeAddress(a: L3Address) {
    if (a.linkId && this.addressOfLink.get(a.linkId) === a) this.addressOfLink.delete(a.linkId);
    if (a.itemId && this.addressOfItem.get(a.itemId) === a) this.addressOfItem.delete(a.itemId);
    if (a.networkId !== null) deleteFrom(this.addressesOn, a.networkId, a);
    this.ungroup(a);
  }

  /** Drop what `id` lowered to (element: network, ranges, own addresses, cluster). */
  removeElementEntities(id: string) {
    const n = this.networks.get(id);
    if (n) this.removeNetwork(n);
    for (const r of this.rangesOwned.get(id) ?? []) this.removeRange(r);
    this.rangesOwned.delete(id);
    for (const a of this.addressesOwned.get(id) ?? []) this.removeAddress(a);
    this.addressesOwned.delete(id);
    this.clusters.delete(id);
  }
  removeLinkEntities(id: string) {
    const a = this.addressOfLink.get(id);
    if (a) this.removeAddress(a);
  }
  /**
   * Replace only the nested ranges or node addresses `ids` of `ownerId` with their new lowering
   * (an edit inside one item of a list); returns the new addresses, to regroup.
   */
  replaceItems(ownerId: string, part: Lowered, list: 'ranges' | 'nodes', ids: ReadonlySet<string>): L3Address[] {
    if (list === 'ranges') {
      const owned = this.rangesOwned.get(ownerId) ?? [];
      for (const r of owned) if (ids.has(r.id)) this.removeRange(r);
      this.rangesOwned.set(
        ownerId,
        owned.filter((r) => !ids.has(r.id)),
      );
      for (const r of part.ranges) if (ids.has(r.id)) this.addRange(r);
      return [];
    }
    const owned = this.addressesOwned.get(ownerId) ?? [];
    const isItem = (a: L3Address) => a.itemId !== undefined && ids.has(a.itemId);
    for (const a of owned) if (isItem(a)) this.removeAddress(a);
    this.addressesOwned.set(
      ownerId,
      owned.filter((a) => !isItem(a)),
    );
    const fresh = part.addresses.filter(isItem);
    for (const a of fresh) this.addAddress(a);
    return fresh;
  }

  /** The element a nested target (node, range, link) belongs to, when known. */
  containerOf(kind: string, id: string): string | undefined {
    if (kind === 'node') return this.addressOfItem.get(id)?.ownerId;
    if (kind === 'range') return this.rangeById.get(id)?.ownerId;
    if (kind === 'link') return this.links.get(id)?.from;
    return undefined;
  }

  addLowered(part: Lowered) {
    if (part.network) this.addNetwork(part.network);
    for (const r of part.ranges) this.addRange(r);
    for (const a of part.addresses) this.addAddress(a);
    if (part.cluster) this.clusters.set(part.cluster.id, part.cluster);
  }

  // ---- duplicate groups ----------------------------------------------------------------------

  /** The held addresses of a duplicate group. */
  holdersOf(key: string): readonly L3Address[] {
    const g = this.groups.get(key);
    return g === undefined ? [] : Array.isArray(g) ? g : [g];
  }
  /** The duplicate groups an address is in. */
  groupKeysOf(a: L3Address): readonly string[] {
    const k = this.groupKeys.get(a);
    return k === undefined ? [] : typeof k === 'string' ? [k] : k;
  }

  private groupAll(model: L3Model) {
    forEachHeld(model, (address, ip, domain) => {
      const key = valueKey(domain, ip);
      const g = this.groups.get(key);
      if (g === undefined) this.groups.set(key, address);
      else if (Array.isArray(g)) {
        if (!g.includes(address)) g.push(address);
      } else if (g !== address) this.groups.set(key, [g, address]);
      const keys = this.groupKeys.get(address);
      if (keys === undefined) this.groupKeys.set(address, key);
      else if (typeof keys === 'string') this.groupKeys.set(address, [keys, key]);
      else keys.push(key);
    });
  }
  private ungroup(a: L3Address) {
    for (const key of this.groupKeysOf(a)) {
      const g = this.groups.get(key);
      if (g === a) this.groups.delete(key);
      else if (Array.isArray(g)) {
        const rest = g.filter((x) => x !== a);
        if (rest.length === 0) this.groups.delete(key);
        else this.groups.set(key, rest.length === 1 ? rest[0]! : rest);
      }
    }
    this.groupKeys.delete(a);
  }
  /**
   * (Re)compute the duplicate groups of these addresses with the rules' own held-address walk
   * (it decides the routing domain and expands the Supervisor's block) on a model of just them.
   */
  regroup(addresses: Iterable<L3Address>) {
    const list = [...addresses];
    if (list.length === 0) return;
    for (const a of list) this.ungroup(a);
    this.groupAll(this.tinyModel(list));
  }
  private tinyModel(addresses: L3Address[]): L3Model {
    const doc = { ...this.document, elements: [], links: [] };
    return {
      document: doc,
      elements: this.elements,
      networks: [],
      networkById: this.networks,
      ranges: [],
      addresses,
      hosts: [],
      hostById: new Map(),
      clusters: [],
      ofKind: () => [],
    };
  }

  /** Networks of the same routing domain whose subnet shares addresses with `n`'s. */
  subnetNeighbours(n: L3Network, out: string[] = []): string[] {
    if (!n.subnet) return out;
    return this.subnetSet(n.routingDomain, n.subnet.family).overlapping(n.subnet.first, n.subnet.last, out);
  }
}
