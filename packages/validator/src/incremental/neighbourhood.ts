/**
 * The neighbourhood of an edit: a small L3 model holding everything the incremental rules need
 * to report, exactly as a full run would, every diagnostic that names one of the `subjects`
 * (element, link, range or node ids). The rules then run unchanged on it, so the session reuses
 * their logic instead of keeping a second implementation in step with it.
 *
 * What each rule needs for a diagnostic naming X (see session.ts for the list):
 *   - X itself (an element): its network, ranges, held addresses, cluster, and its nic links (invalid-cidr).
 *   - A network X ("full"): its ranges, the nic links that set a gateway on it, the addresses
 *     on it inside one of those ranges (static-ip-in-dynamic-range), the networks whose subnet overlaps it in its routing
 *     domain (subnet-overlap), and the duplicate group at its gateway (duplicate-ip).
 *   - The network of a range owned by X: full, since range rules compare with every range,
 *     gateway and address of that network.
 *   - The network an address of X sits on ("ranged"): its ranges and gateways
 *     (static-ip-in-dynamic-range), and the address's whole duplicate group (duplicate-ip).
 *   - X a range or a node (an edit inside one item of a list): just that range with its
 *     network (full), or that node's address (as an address of X above).
 * Arrays keep the full model's order (store order keys): rules' output depends on it.
 */
import type { Element, Link } from '@viplane/model';
import type { L3Address, L3Cluster, L3Model, L3Network, L3Range } from '../l3/model.ts';
import { valueKey, type IpamStore } from './store.ts';

export function neighbourhood(store: IpamStore, subjects: ReadonlySet<string>): L3Model {
  const elements = new Set<Element>();
  const links = new Set<Link>();
  const networks = new Set<L3Network>();
  const ranges = new Set<L3Range>();
  const addresses = new Set<L3Address>();
  const clusters: L3Cluster[] = [];
  const ranged = new Set<string>();
  const full = new Set<string>();
  const grouped = new Set<string>();

  const network = (id: string | null) => {
    const n = id === null ? undefined : store.networks.get(id);
    if (n) networks.add(n);
    return n;
  };
  const group = (key: string) => {
    if (grouped.has(key)) return;
    grouped.add(key);
    for (const a of store.holdersOf(key)) {
      addresses.add(a);
      network(a.networkId);
    }
    for (const id of store.gatewayNetworks.get(key) ?? []) network(id);
  };
  const withRanges = (id: string | null) => {
    if (id === null || ranged.has(id)) return;
    ranged.add(id);
    network(id);
    for (const r of store.rangesOn.get(id) ?? []) ranges.add(r);
    for (const lid of store.linksTo.get(id) ?? []) {
      const l = store.links.get(lid);
      if (l && l.gateway !== null) links.add(l);
    }
  };
  const fully = (id: string | null) => {
    if (id === null || full.has(id)) return;
    full.add(id);
    withRanges(id);
    // Only addresses inside one of its ranges can have a diagnostic naming the network or a
    // range (static-ip-in-dynamic-range); those that were inside before are named by their old
    // diagnostics and join as partners. A node network's hundreds of static nodes stay out.
    const on = [...(store.rangesOn.get(id) ?? [])];
    for (const a of store.addressesOn.get(id) ?? [])
      if (a.role === 'supervisor-management' || on.some((r) => holds(r, a))) addresses.add(a);
    const n = store.networks.get(id);
    if (!n) return;
    for (const other of store.subnetNeighbours(n)) network(other);
    if (n.gateway) group(valueKey(n.routingDomain, n.gateway));
  };
  const held = (a: L3Address | undefined) => {
    if (!a) return;
    addresses.add(a);
    withRanges(a.networkId);
    for (const key of store.groupKeysOf(a)) group(key);
  };
  const link = (l: Link) => {
    links.add(l);
    held(store.addressOfLink.get(l.id));
    if (l.gateway !== null) withRanges(l.to);
  };

  for (const id of subjects) {
    const el = store.elements.get(id);
    if (el) {
      elements.add(el);
      if (store.networks.has(id)) fully(id);
      for (const r of store.rangesOwned.get(id) ?? []) {
        ranges.add(r);
        fully(r.networkId);
      }
      for (const a of store.addressesOwned.get(id) ?? []) held(a);
      const c = store.clusters.get(id);
      if (c) clusters.push(c);
      for (const lid of store.linksFrom.get(id) ?? []) link(store.links.get(lid)!);
      continue;
    }
    const l = store.links.get(id);
    if (l) {
      link(l);
      continue;
    }
    // One range or one node of an element (an edit inside a list): that item alone.
    const r = store.rangeById.get(id);
    if (r) {
      ranges.add(r);
      fully(r.networkId);
      continue;
    }
    held(store.addressOfItem.get(id));
    // Route ids always come with their owner element, which covers them.
  }

  const byOrder = <T extends object>(set: Set<T>): T[] => {
    const keyed = [...set].map((x) => ({ x, k: store.order.get(x) ?? 0 }));
    return keyed.sort((a, b) => a.k - b.k).map((e) => e.x);
  };
  const subElements = [...elements].sort((a, b) => (store.elementIndex.get(a.id) ?? 0) - (store.elementIndex.get(b.id) ?? 0));
  const subLinks = [...links].sort((a, b) => (store.linkIndex.get(a.id) ?? 0) - (store.linkIndex.get(b.id) ?? 0));
  const networkList = byOrder(networks);
  return {
    document: { ...store.document, elements: subElements, links: subLinks },
    // The live map of every element: rules look up names and kinds of any target.
    elements: store.elements,
    networks: networkList,
    networkById: new Map(networkList.map((n) => [n.id, n])),
    ranges: byOrder(ranges),
    addresses: byOrder(addresses),
    hosts: [],
    hostById: new Map(),
    clusters,
    ofKind: <K extends Element['kind']>(kind: K) => subElements.filter((e): e is Extract<Element, { kind: K }> => e.kind === kind),
  };
}

/** Does the range hold the address? (The Supervisor's 5-address block is let in whole above.) */
function holds(r: L3Range, a: L3Address): boolean {
  const ip = a.ip;
  return (
    ip !== null &&
    r.start !== null &&
    r.end !== null &&
    r.start.family === ip.family &&
    r.end.family === ip.family &&
    r.start.value <= ip.value &&
    ip.value <= r.end.value
  );
}
