/**
 * The routing engine over the L3 model: per-VRF longest-prefix match, next-hop resolution
 * (recursive through static routes down to a connected one), and who answers an address on a
 * network. Tables are built lazily per VRF and kept for the life of the model.
 */
import type { L3Host, L3Interface, L3Model, L3Route, L3Vrf } from '../l3/model.ts';
import { inCidr, type Ip, type IpValue } from '../l3/addr.ts';
import { RouteTable } from './routeTable.ts';

const MAX_RECURSION = 8;

export type Resolution =
  | { ok: true; networkId: string; nextHop: Ip; via: L3Route[] }
  | { ok: false; reason: 'no-route' | 'blackhole' | 'not-connected' | 'recursion'; route?: L3Route };

export class Routing {
  private readonly tables = new Map<string, RouteTable>();
  /** Per VRF: whether each static route's next hop resolves (see `lookup`). */
  private readonly usableRoutes = new Map<string, Map<L3Route, boolean>>();
  private readonly vrfs = new Map<string, L3Vrf>();
  /**
   * network id -> address value -> interfaces holding it. Nested maps instead of one map keyed by
   * a `network|family|value` string: no string is built per interface or per lookup. IPv4 values
   * are numbers and IPv6 values bigints, so the two families never share a key.
   */
  private readonly owners = new Map<string, Map<IpValue, L3Interface[]>>();
  /** network id -> every interface on it, in host and VRF order; built on first use. */
  private byNetwork: Map<string, L3Interface[]> | undefined;

  constructor(readonly model: L3Model) {
    for (const host of model.hosts)
      for (const vrf of host.vrfs) {
        this.vrfs.set(vrf.id, vrf);
        for (const iface of vrf.interfaces)
          if (iface.address) {
            let byValue = this.owners.get(iface.networkId);
            if (!byValue) this.owners.set(iface.networkId, (byValue = new Map()));
            const list = byValue.get(iface.address.value);
            if (list) list.push(iface);
            else byValue.set(iface.address.value, [iface]);
          }
      }
  }

  vrf(id: string): L3Vrf | undefined {
    return this.vrfs.get(id);
  }

  host(id: string): L3Host | undefined {
    return this.model.hostById.get(id);
  }

  table(vrfId: string): RouteTable {
    let table = this.tables.get(vrfId);
    if (!table) {
      table = new RouteTable(this.vrfs.get(vrfId)?.routes ?? []);
      this.tables.set(vrfId, table);
    }
    return table;
  }

  /**
   * The route `address` takes in one VRF: the longest-prefix match among the routes that are usable. A static
   * route whose next hop does not resolve is not installed by a real router (nor used by an SE), so a route
   * behind it (an equal prefix listed later, or a shorter one) is taken instead; when no matching route is
   * usable, the longest match is returned, and the trace reports why it fails.
   */
  lookup(vrfId: string, address: Ip): L3Route | undefined {
    const table = this.table(vrfId);
    const first = table.lookup(address);
    if (!first || this.usable(vrfId, first)) return first;
    for (const route of table.routes) if (route !== first && inCidr(route.prefix, address) && this.usable(vrfId, route)) return route;
    return first;
  }

  /** Does a route's next hop resolve (connected routes and the like always do)? Cached per VRF and route. */
  private usable(vrfId: string, route: L3Route): boolean {
    if (route.origin !== 'static' || route.discard || !route.nextHop) return true;
    let known = this.usableRoutes.get(vrfId);
    if (!known) this.usableRoutes.set(vrfId, (known = new Map()));
    let ok = known.get(route);
    if (ok === undefined) known.set(route, (ok = this.resolveWith(vrfId, route.nextHop).ok));
    return ok;
  }

  /**
   * Where a next hop is reached from a VRF: the connected network it lies on, following
   * static routes recursively (a next hop behind another next hop) as routers do.
   */
  resolveNextHop(vrfId: string, nextHop: Ip): Resolution {
    return this.resolveWith(vrfId, nextHop);
  }

  /** Resolution by plain longest-prefix match (what decides whether a static route is usable at all). */
  private resolveWith(vrfId: string, nextHop: Ip): Resolution {
    const via: L3Route[] = [];
    let target = nextHop;
    for (let depth = 0; depth < MAX_RECURSION; depth++) {
      const route = this.table(vrfId).lookup(target);
      if (!route) return { ok: false, reason: depth === 0 ? 'not-connected' : 'no-route' };
      if (route.origin === 'connected' && route.networkId) return { ok: true, networkId: route.networkId, nextHop: target, via };
      if (route.discard) return { ok: false, reason: 'blackhole', route };
      if (!route.nextHop || route.origin === 'cluster' || route.origin === 'internal') return { ok: false, reason: 'not-connected', route };
      via.push(route);
      target = route.nextHop;
    }
    return { ok: false, reason: 'recursion' };
  }

  /** The host interfaces that hold `address` on a network (normally one). */
  ownersOf(networkId: string, address: Ip): readonly L3Interface[] {
    return this.owners.get(networkId)?.get(address.value) ?? NONE;
  }

  /** Every host interface on a network. */
  interfacesOn(networkId: string): L3Interface[] {
    if (!this.byNetwork) {
      this.byNetwork = new Map();
      for (const vrf of this.vrfs.values())
        for (const i of vrf.interfaces) {
          const list = this.byNetwork.get(i.networkId);
          if (list) list.push(i);
          else this.byNetwork.set(i.networkId, [i]);
        }
    }
    // A copy: callers own the array they get, as before the index.
    return this.byNetwork.get(networkId)?.slice() ?? [];
  }

  /** Is the address inside the network's subnet? */
  onNetwork(networkId: string, address: Ip): boolean {
    const subnet = this.model.networkById.get(networkId)?.subnet;
    return subnet ? inCidr(subnet, address) : false;
  }
}

const NONE: readonly L3Interface[] = [];
