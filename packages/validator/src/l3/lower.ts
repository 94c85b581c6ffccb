/**
 * lower(): document -> L3 model. Each system contributes what it adds to the shared view:
 * networks, ranges, held addresses, hosts with VRFs and routes, clusters. Rules then ask the
 * one view instead of knowing every element kind (design.md: Batfish-style).
 */
import type { Element, ElementKind, TopologyDocument, Route } from '@viplane/model';
import { networkKinds } from '@viplane/model';
import { ip, cidr, cidrFromRange, type Cidr } from './addr.ts';
import { HeldAddress, LoweredRange } from './records.ts';
import { managementBlockSize } from './supervisorBlock.ts';
import { routeAppliesTo } from './labels.ts';
import type { L3Address, L3Cluster, L3Host, L3Interface, L3Model, L3Network, L3Range, L3Route, L3Vrf, AddressRole } from './model.ts';

const DEFAULT_V4 = cidr('0.0.0.0/0') as Cidr;
/** Networks that name no routing domain share this one (queries/ipam.ts DEFAULT_DOMAIN). */
const DEFAULT_ROUTING_DOMAIN = 'default';

type Of<K extends ElementKind> = Extract<Element, { kind: K }>;

export function lower(document: TopologyDocument): L3Model {
  const elements = new Map<string, Element>();
  const byKind = new Map<ElementKind, Element[]>();
  const indexOf = new Map<string, number>();
  for (let i = 0; i < document.elements.length; i++) {
    const el = document.elements[i]!;
    elements.set(el.id, el);
    indexOf.set(el.id, i);
    let list = byKind.get(el.kind);
    if (!list) byKind.set(el.kind, (list = []));
    list.push(el);
  }
  const ofKind = <K extends ElementKind>(kind: K) => (byKind.get(kind) ?? []) as Of<K>[];
  const pathOf = (id: string) => `/elements/${indexOf.get(id)}/props`;
  const indexOfElement = (id: string) => indexOf.get(id) ?? -1;

  const networks: L3Network[] = [];
  for (const kind of networkKinds) {
    for (const el of ofKind(kind as 'portGroup' | 'nsxtSegment' | 'clientNetwork')) {
      const p = el.props as {
        subnet: string | null;
        gateway: string | null;
        routingDomain?: string;
        dhcp?: boolean;
        albRegistered?: boolean;
        vlan?: number | null;
      };
      networks.push({
        id: el.id,
        kind: el.kind,
        name: el.name,
        subnetText: p.subnet,
        subnet: p.subnet === null ? null : cidr(p.subnet),
        gatewayText: p.gateway,
        gateway: p.gateway === null ? null : ip(p.gateway),
        routingDomain: routingDomainOf(p.routingDomain),
        dhcp: p.dhcp ?? false,
        albRegistered: p.albRegistered ?? false,
        vlan: p.vlan ?? null,
      });
    }
  }
  const networkById = new Map<string, L3Network>();
  for (const n of networks) networkById.set(n.id, n);
  const network = (id: string | null) => networkOf(networkById, id);

  const ranges: L3Range[] = [];
  for (const pg of ofKind('portGroup')) addRanges(ranges, pg.id, pg.id, pg.props.ranges, pathOf);
  for (const seg of ofKind('nsxtSegment')) addRanges(ranges, seg.id, seg.id, seg.props.ranges, pathOf);
  for (const wn of ofKind('workloadNetwork')) addRanges(ranges, wn.id, wn.props.portGroupId, wn.props.ranges, pathOf);

  const addresses: L3Address[] = [];
  // An element's own address field: `/elements/<i>/props/<field>`.
  const hold = (text: string, owner: { id: string; kind: ElementKind }, role: AddressRole, networkId: string | null, field: string) =>
    holdAddress(addresses, text, owner, role, networkId, '/elements/', indexOfElement(owner.id), `/props/${field}`);
  const linkIndex = new Map<string, number>();
  for (let i = 0; i < document.links.length; i++) linkIndex.set(document.links[i]!.id, i);

  // HAProxy VIP ranges are CIDRs on the network HAProxy answers VIPs on: the frontend network (Frontend
  // topology) or the primary workload network (Default topology), never whichever network contains them,
  // so a range outside that network's subnet is ipam/range-outside-subnet there.
  const haproxies = ofKind('haproxy');
  const primaryOf = haproxies.length > 0 ? primaryWorkloadNetworks(ofKind) : new Map<string, string>();
  for (const hp of haproxies) {
    const vipNetworkId = haproxyVipNetwork(hp, document.links, primaryOf);
    hp.props.vipRanges.forEach((text, j) => {
      const parsed = cidr(text);
      const bounds = parsed ? cidrFromRange(parsed) : null;
      ranges.push(
        new LoweredRange(
          `${hp.id}/vip/${j}`,
          hp.id,
          vipNetworkId && network(vipNetworkId) ? vipNetworkId : null,
          'haproxy-vip',
          text,
          null,
          bounds?.start ?? null,
          bounds?.end ?? null,
          `${pathOf(hp.id)}/vipRanges/`,
          j,
          '',
        ),
      );
    });
  }

  const roleOfHolder: Partial<Record<ElementKind, AddressRole>> = {
    aviController: 'controller',
    seGroup: 'se-interface',
    haproxy: 'haproxy-interface',
    supervisor: 'supervisor-management',
  };
  for (let k = 0, all = document.links; k < all.length; k++) {
    const link = all[k]!;
    if (link.kind !== 'nic' || link.address === null || link.addressMode === 'pool' || link.addressMode === 'dhcp') continue;
    const holder = elements.get(link.from);
    if (!holder) continue;
    holdAddress(
      addresses,
      link.address,
      holder,
      roleOfHolder[holder.kind] ?? 'interface',
      link.to,
      '/links/',
      linkIndex.get(link.id) ?? k,
      '/address',
      link.id,
    );
  }
  for (const c of ofKind('tkgCluster')) {
    if (c.props.endpoint.address !== null)
      hold(
        c.props.endpoint.address,
        c,
        'endpoint',
        c.props.endpoint.provider === 'kube-vip'
          ? c.props.nodeNetworkId
          : (c.props.controlPlaneVipNetworkId ?? c.props.workloadVipNetworkId),
        'endpoint/address',
      );
  }
  for (const c of ofKind('k8sCluster')) {
    const nodes = c.props.nodes;
    const base = `${pathOf(c.id)}/nodes/`; // once per cluster, not per node
    for (let j = 0; j < nodes.length; j++) {
      const n = nodes[j]!;
      if (n.address !== null) holdAddress(addresses, n.address, c, 'node', c.props.nodeNetworkId, base, j, '/address', undefined, n.id);
    }
  }
  for (const vs of ofKind('virtualService'))
    if (vs.props.address !== null) hold(vs.props.address, vs, 'vip', vs.props.vipNetworkId, 'address');
  for (const dns of ofKind('aviDnsVs')) hold(dns.props.address, dns, 'dns-vs', dns.props.networkId, 'address');
  for (const sup of ofKind('supervisor')) {
    const start = sup.props.managementStartAddress;
    if (start !== null)
      addresses.push(
        new HeldAddress(
          start,
          ip(start),
          sup.id,
          sup.kind,
          'supervisor-management',
          sup.props.managementNetworkId,
          '/elements/',
          indexOfElement(sup.id),
          '/props/managementStartAddress',
          undefined,
          undefined,
          managementBlockSize(sup.props.controlPlaneCount),
        ),
      );
  }

  // Servers the design gives by address are addresses too (an endpoint equal to vCenter is a duplicate).
  // Their network is not modelled: they are held in the default routing domain (heldValues.ts). A host
  // name is not an address and is not held (nor reported as malformed).
  for (const vc of ofKind('vcenter')) if (ip(vc.props.server.trim())) hold(vc.props.server.trim(), vc, 'infrastructure', null, 'server');
  for (const t0 of ofKind('nsxtTier0'))
    if (ip(t0.props.managerHost.trim())) hold(t0.props.managerHost.trim(), t0, 'infrastructure', null, 'managerHost');

  const { hosts, addTier0s } = lowerHosts(document, ofKind, networkById, elements);
  const clusters = lowerClusters(ofKind, pathOf);
  addClusterRoutes(hosts, clusters, ofKind);
  // Tier-0s learn what Tier-1s advertise, including the pod routes added just above.
  addTier0s();

  return {
    document,
    elements,
    networks,
    networkById,
    ranges,
    addresses,
    hosts,
    hostById: new Map(hosts.map((h) => [h.id, h])),
    clusters,
    ofKind,
  };
}

/** HAProxy id -> the port group of the primary workload network of a Supervisor it balances for. */
function primaryWorkloadNetworks(ofKind: <K extends ElementKind>(kind: K) => Of<K>[]): Map<string, string> {
  const haproxyOf = new Map<string, string>();
  for (const s of ofKind('supervisor'))
    if (s.props.loadBalancer.provider === 'haproxy' && s.props.loadBalancer.haproxyId) haproxyOf.set(s.id, s.props.loadBalancer.haproxyId);
  const out = new Map<string, string>();
  for (const wn of ofKind('workloadNetwork')) {
    const hp = wn.props.supervisorId === null ? undefined : haproxyOf.get(wn.props.supervisorId);
    if (wn.props.primary && hp !== undefined && wn.props.portGroupId !== null && !out.has(hp)) out.set(hp, wn.props.portGroupId);
  }
  return out;
}

/**
 * The network of an HAProxy's VIP ranges (seed 002): Frontend topology, its frontend NIC's network;
 * Default topology, the primary workload network of the Supervisor it serves, else its workload NIC's.
 */
function haproxyVipNetwork(hp: Of<'haproxy'>, links: TopologyDocument['links'], primaryOf: ReadonlyMap<string, string>): string | null {
  const role = hp.props.topology === 'frontend' ? 'frontend' : 'workload';
  if (role === 'workload') {
    const primary = primaryOf.get(hp.id);
    if (primary !== undefined) return primary;
  }
  for (const l of links) if (l.kind === 'nic' && l.from === hp.id && l.role === role) return l.to;
  return null;
}

/** The network's routing domain: an empty (or blank) field is not set, so the network is in the default domain like one without the field. */
function routingDomainOf(text: string | undefined): string {
  const name = text?.trim() ?? '';
  return name === '' ? DEFAULT_ROUTING_DOMAIN : name;
}

// Per-item helpers live at module level, not as closures inside lower(): a closure is a new
// function per call, and V8 re-optimizes closures of a function that runs once per validation
// for several runs (measured: run 1 of a large estate 3-5× slower than with these helpers).

function networkOf(networkById: ReadonlyMap<string, L3Network>, id: string | null): L3Network | undefined {
  return id === null ? undefined : networkById.get(id);
}

/** A range list of an element, in document order; `pathOf` gives an element's `/elements/<i>/props`. */
function addRanges(
  out: L3Range[],
  ownerId: string,
  networkId: string | null,
  list: readonly { id: string; purpose: L3Range['purpose']; start: string; end: string }[],
  pathOf: (id: string) => string,
) {
  if (list.length === 0) return;
  const base = `${pathOf(ownerId)}/ranges/`; // once per owner, not per range
  for (let j = 0; j < list.length; j++) {
    const r = list[j]!;
    out.push(new LoweredRange(r.id, ownerId, networkId, r.purpose, r.start, r.end, ip(r.start), ip(r.end), base, j, ''));
  }
}

/** One held address, its document path in parts (see records.ts), from positional arguments: no argument object per address. */
function holdAddress(
  out: L3Address[],
  text: string,
  owner: { id: string; kind: ElementKind },
  role: AddressRole,
  networkId: string | null,
  pathBase: string,
  pathIndex: number,
  pathTail: string,
  linkId?: string,
  itemId?: string,
) {
  out.push(new HeldAddress(text, ip(text), owner.id, owner.kind, role, networkId, pathBase, pathIndex, pathTail, linkId, itemId));
}

type Link = TopologyDocument['links'][number];

function lowerInterface(hostId: string, vrfId: string, l: Link): L3Interface {
  return {
    hostId,
    vrfId,
    networkId: l.to,
    addressText: l.address,
    address: l.address === null ? null : ip(l.address),
    role: l.role,
    sourceId: l.id,
    gateway: l.gateway === null ? null : ip(l.gateway),
  };
}

/** A VRF: an interface per link, their connected routes, then `extra` routes. */
function lowerVrf(
  networkById: ReadonlyMap<string, L3Network>,
  hostId: string,
  name: string,
  links: readonly Link[],
  extra: readonly L3Route[] = [],
): L3Vrf {
  const id = `${hostId}/${name}`;
  const interfaces: L3Interface[] = [];
  for (let k = 0; k < links.length; k++) interfaces.push(lowerInterface(hostId, id, links[k]!));
  const routes: L3Route[] = [];
  for (const i of interfaces) for (const r of connected(i, networkOf(networkById, i.networkId), hostId)) routes.push(r);
  for (const r of extra) routes.push(r);
  return { id, hostId, name, interfaces, routes };
}

function oneCidr(text: string, path: string): { text: string; cidr: Cidr | null; path: string }[] {
  return [{ text, cidr: cidr(text), path }];
}

/**
 * A route is installed only when it is complete: its prefix and (unless it is a discard route,
 * `nextHop: null`) its next hop parse. An empty next hop is not set, not a discard route; a malformed
 * one is ipam/invalid-cidr's to report. So every installed forwarding route has a parsed `nextHop`,
 * the invariant the routing engine and the routing rules rely on.
 */
function staticRoutes(routes: readonly Route[], ownerId: string): L3Route[] {
  const out: L3Route[] = [];
  for (const r of routes) {
    const prefix = cidr(r.prefix);
    if (!prefix) continue;
    const nextHop = r.nextHop === null ? null : ip(r.nextHop);
    if (r.nextHop !== null && nextHop === null) continue;
    out.push({
      prefixText: r.prefix,
      prefix,
      nextHopText: r.nextHop,
      nextHop,
      origin: 'static',
      sourceId: r.id,
      ownerId,
      discard: r.nextHop === null,
    });
  }
  return out;
}

function connected(iface: L3Interface, net: L3Network | undefined, ownerId: string): L3Route[] {
  // "Clients anywhere" (no subnet) are everything beyond that interface: a default route.
  const prefix = net?.subnet ?? (net?.kind === 'clientNetwork' ? DEFAULT_V4 : null);
  if (!net || !prefix) return [];
  return [
    {
      prefixText: prefix.text,
      prefix,
      nextHopText: null,
      nextHop: null,
      origin: 'connected',
      networkId: net.id,
      sourceId: iface.sourceId,
      ownerId,
      discard: false,
    },
  ];
}

function lowerHosts(
  document: TopologyDocument,
  ofKind: <K extends ElementKind>(kind: K) => Of<K>[],
  networkById: ReadonlyMap<string, L3Network>,
  elements: ReadonlyMap<string, Element>,
): { hosts: L3Host[]; addTier0s: () => void } {
  const network = (id: string | null) => networkOf(networkById, id);
  const hosts: L3Host[] = [];
  const nicsOf = new Map<string, typeof document.links>();
  for (let k = 0, all = document.links; k < all.length; k++) {
    const l = all[k]!;
    if (l.kind !== 'nic') continue;
    let list = nicsOf.get(l.from);
    if (!list) nicsOf.set(l.from, (list = []));
    list.push(l);
  }
  const vrf = (hostId: string, name: string, links: readonly Link[], extra?: readonly L3Route[]) =>
    lowerVrf(networkById, hostId, name, links, extra);

  for (const r of ofKind('router'))
    hosts.push({
      id: r.id,
      kind: 'router',
      name: r.name,
      vrfs: [vrf(r.id, 'default', nicsOf.get(r.id) ?? [], staticRoutes(r.props.staticRoutes, r.id))],
    });
  // A firewall forwards like a router; what it lets through is routing/filters.ts's business.
  for (const f of ofKind('firewall'))
    hosts.push({
      id: f.id,
      kind: 'firewall',
      name: f.name,
      vrfs: [vrf(f.id, 'default', nicsOf.get(f.id) ?? [], staticRoutes(f.props.staticRoutes, f.id))],
    });

  // SE groups: seed 000 — only registered networks are connected routes; the controller's
  // VRF contexts hold the static routes (global = data, management = SE management).
  for (const se of ofKind('seGroup')) {
    const controller = se.props.controllerId ? (elements.get(se.props.controllerId) as Of<'aviController'> | undefined) : undefined;
    // Labelled routes apply only to the SE groups carrying their labels (labels.ts).
    const routesOf = (name: 'global' | 'management') =>
      staticRoutes(
        (controller?.props.vrfs.find((v) => v.name === name)?.staticRoutes ?? []).filter((r) => routeAppliesTo(r.labels, se.props.labels)),
        controller?.id ?? se.id,
      );
    const nics = nicsOf.get(se.id) ?? [];
    // Registration is a port-group flag; NSX-T segments (seed 001's tanzu-overlay) stay attached.
    const registered = (id: string) => network(id)?.kind !== 'portGroup' || network(id)?.albRegistered === true;
    const mgmt = nics.filter((l) => l.role === 'management');
    const dataNics = nics.filter((l) => l.role !== 'management' && registered(l.to));
    // Seed 000 1-network design: one interface serves both VRFs when the group has no data NIC.
    const data = nics.some((l) => l.role !== 'management') ? dataNics : mgmt.filter((l) => registered(l.to));
    hosts.push({
      id: se.id,
      kind: 'seGroup',
      name: se.name,
      vrfs: [vrf(se.id, 'global', data, routesOf('global')), vrf(se.id, 'management', mgmt, routesOf('management'))],
    });
  }

  // HAProxy: one table; its default route is the management gateway (seed 002).
  for (const hp of ofKind('haproxy')) {
    const nics = nicsOf.get(hp.id) ?? [];
    const mgmt = nics.find((l) => l.role === 'management');
    const extra: L3Route[] =
      mgmt?.gateway != null && ip(mgmt.gateway)
        ? [
            {
              prefixText: '0.0.0.0/0',
              prefix: DEFAULT_V4,
              nextHopText: mgmt.gateway,
              nextHop: ip(mgmt.gateway),
              origin: 'gateway',
              sourceId: mgmt.id,
              ownerId: hp.id,
              discard: false,
            },
          ]
        : [];
    hosts.push({ id: hp.id, kind: 'haproxy', name: hp.name, vrfs: [vrf(hp.id, 'default', nics, extra)] });
  }

  // Controller and Supervisor are end hosts: connected networks plus a default via the
  // interface gateway or, failing that, the network's gateway.
  for (const kind of ['aviController', 'supervisor'] as const)
    for (const el of ofKind(kind)) {
      const nics = nicsOf.get(el.id) ?? [];
      const gw = nics.map((l) => (l.gateway !== null ? l.gateway : (network(l.to)?.gatewayText ?? null))).find((g) => g !== null) ?? null;
      const extra: L3Route[] =
        gw && ip(gw)
          ? [
              {
                prefixText: '0.0.0.0/0',
                prefix: DEFAULT_V4,
                nextHopText: gw,
                nextHop: ip(gw),
                origin: 'gateway',
                sourceId: el.id,
                ownerId: el.id,
                discard: false,
              },
            ]
          : [];
      hosts.push({ id: el.id, kind, name: el.name, vrfs: [vrf(el.id, 'default', nics, extra)] });
    }

  // NSX-T: Tier-1 downlinks are its segments' gateways; Tier-1 <-> Tier-0 is an internal link.
  const segments = ofKind('nsxtSegment');
  const tier1s = ofKind('nsxtTier1');
  for (const t1 of tier1s) {
    const id = `${t1.id}/default`;
    const interfaces: L3Interface[] = segments
      .filter((s) => s.props.tier1Id === t1.id)
      .map((s) => ({
        hostId: t1.id,
        vrfId: id,
        networkId: s.id,
        addressText: s.props.gateway,
        address: s.props.gateway === null ? null : ip(s.props.gateway),
        role: 'downlink',
        sourceId: s.id,
        gateway: null,
      }));
    const routes = interfaces.flatMap((i) => connected(i, network(i.networkId), t1.id)).concat(staticRoutes(t1.props.staticRoutes, t1.id));
    if (t1.props.tier0Id !== null)
      routes.push({
        prefixText: '0.0.0.0/0',
        prefix: DEFAULT_V4,
        nextHopText: null,
        nextHop: null,
        origin: 'internal',
        viaHostId: t1.props.tier0Id,
        sourceId: t1.id,
        ownerId: t1.id,
        discard: false,
      });
    hosts.push({ id: t1.id, kind: 'nsxtTier1', name: t1.name, vrfs: [{ id, hostId: t1.id, name: 'default', interfaces, routes }] });
  }
  const addTier0s = () => {
    for (const t0 of ofKind('nsxtTier0')) {
      // What a Tier-1 advertises reaches the Tier-0 (seed 001: "All Static Routes",
      // "All Connected Segments & Service Ports").
      const learned: L3Route[] = [];
      for (const t1 of tier1s.filter((t) => t.props.tier0Id === t0.id)) {
        const t1Host = hosts.find((h) => h.id === t1.id);
        for (const r of t1Host?.vrfs[0]?.routes ?? []) {
          const advertised =
            (r.origin === 'connected' && t1.props.routeAdvertisement.includes('TIER1_CONNECTED')) ||
            ((r.origin === 'static' || r.origin === 'cluster') && t1.props.routeAdvertisement.includes('TIER1_STATIC_ROUTES'));
          if (advertised)
            learned.push({
              ...r,
              origin: 'internal',
              viaHostId: t1.id,
              nextHop: null,
              nextHopText: null,
              networkId: undefined,
              ownerId: t0.id,
            });
        }
      }
      hosts.push({
        id: t0.id,
        kind: 'nsxtTier0',
        name: t0.name,
        vrfs: [vrf(t0.id, 'default', nicsOf.get(t0.id) ?? [], [...staticRoutes(t0.props.staticRoutes, t0.id), ...learned])],
      });
    }
  };
  return { hosts, addTier0s };
}

function lowerClusters(ofKind: <K extends ElementKind>(kind: K) => Of<K>[], pathOf: (id: string) => string): L3Cluster[] {
  const one = oneCidr;
  const clusters: L3Cluster[] = [];
  for (const c of ofKind('tkgCluster'))
    clusters.push({
      id: c.id,
      kind: c.kind,
      name: c.name,
      nodeNetworkId: c.props.nodeNetworkId,
      podCidrs: one(c.props.podCidr, `${pathOf(c.id)}/podCidr`),
      serviceCidrs: one(c.props.serviceCidr, `${pathOf(c.id)}/serviceCidr`),
      nodeDemand: c.props.controlPlaneCount + c.props.workerCount + 1,
      routableTier1Id: c.props.routablePods?.tier1Id ?? null,
    });
  for (const c of ofKind('k8sCluster'))
    clusters.push({
      id: c.id,
      kind: c.kind,
      name: c.name,
      nodeNetworkId: c.props.nodeNetworkId,
      podCidrs: one(c.props.podCidr, `${pathOf(c.id)}/podCidr`),
      serviceCidrs: one(c.props.serviceCidr, `${pathOf(c.id)}/serviceCidr`),
      nodeDemand: c.props.nodes.length,
      routableTier1Id: null,
    });
  const namespaces = new Map(ofKind('vsphereNamespace').map((n) => [n.id, n]));
  const workloadNets = new Map(ofKind('workloadNetwork').map((w) => [w.id, w]));
  for (const c of ofKind('tkc')) {
    const ns = c.props.namespaceId ? namespaces.get(c.props.namespaceId) : undefined;
    const wn = ns?.props.workloadNetworkId ? workloadNets.get(ns.props.workloadNetworkId) : undefined;
    clusters.push({
      id: c.id,
      kind: c.kind,
      name: c.name,
      nodeNetworkId: wn?.props.portGroupId ?? null,
      podCidrs: c.props.podCidrBlocks.map((t, j) => ({ text: t, cidr: cidr(t), path: `${pathOf(c.id)}/podCidrBlocks/${j}` })),
      serviceCidrs: c.props.serviceCidrBlocks.map((t, j) => ({ text: t, cidr: cidr(t), path: `${pathOf(c.id)}/serviceCidrBlocks/${j}` })),
      nodeDemand: c.props.controlPlaneCount + c.props.workerCount + 1,
      routableTier1Id: null,
    });
  }
  return clusters;
}

/**
 * Routes that Kubernetes programs for pods: AKO in static-route mode puts `podCIDR via node`
 * into the SE group's global VRF (seed 003); the vSphere CPI puts them on the cluster's
 * Tier-1 with routable pods (seed 001). Per-node next hops are DHCP addresses that a design
 * does not know, so the route delivers to the node network.
 */
function addClusterRoutes(hosts: L3Host[], clusters: L3Cluster[], ofKind: <K extends ElementKind>(kind: K) => Of<K>[]) {
  const clusterById = new Map(clusters.map((c) => [c.id, c]));
  // A map, not `hosts.find` per cluster: that was hosts × clusters on a large estate.
  const hostById = new Map<string, L3Host>();
  for (const h of hosts) if (!hostById.has(h.id)) hostById.set(h.id, h);
  const add = (hostId: string | null, vrfName: string, cluster: L3Cluster, ownerId: string) => {
    const vrf = (hostId === null ? undefined : hostById.get(hostId))?.vrfs.find((v) => v.name === vrfName);
    if (!vrf || cluster.nodeNetworkId === null) return;
    for (const pod of cluster.podCidrs)
      if (pod.cidr)
        vrf.routes.push({
          prefixText: pod.text,
          prefix: pod.cidr,
          nextHopText: null,
          nextHop: null,
          origin: 'cluster',
          networkId: cluster.nodeNetworkId,
          clusterId: cluster.id,
          sourceId: ownerId,
          ownerId,
          discard: false,
        });
  };
  for (const ako of ofKind('ako')) {
    const cluster = ako.props.clusterId ? clusterById.get(ako.props.clusterId) : undefined;
    if (cluster && ako.props.mode === 'static-route') add(ako.props.seGroupId, 'global', cluster, ako.id);
  }
  for (const cluster of clusters) if (cluster.routableTier1Id) add(cluster.routableTier1Id, 'default', cluster, cluster.id);
}
