/**
 * Path trace: from an element or address to another, hop by hop, each hop with the route
 * that matched, or the place and reason the packet is dropped. Used by rules (reachability),
 * the canvas path tracer and `viplane trace`.
 */
import type { L3Model, L3Route } from '../l3/model.ts';
import { ip, type Ip } from '../l3/addr.ts';
import { Routing } from './routing.ts';
import { representativeAddress, sourceVrf } from './endpoints.ts';
import { mostSpecificNetwork, podClusterOf } from './networkIndex.ts';

export type TraceEndpoint = { elementId: string; vrf?: string } | { address: string };

export type DropReason = 'no-route' | 'next-hop-unresolved' | 'not-attached' | 'blackhole' | 'loop' | 'unknown-endpoint';

export interface HopRoute {
  prefix: string;
  nextHop: string | null;
  origin: L3Route['origin'];
  /** The document route / link / element the route comes from. */
  sourceId: string;
}

/**
 * A filter (firewall rule, router ACL) the packet met at a hop. `trace()` stays filter-blind (rules
 * call it for reachability alone); `tracePath()` fills this in on the load-balancer legs, where the
 * protocol and port are known (routing/trace/filtering.ts).
 */
export interface FilterMatch {
  /** The firewall (or router) whose rule list matched. */
  elementId: string;
  /** Index of the matching rule in its ordered list; `null` when the default action applied. */
  ruleIndex: number | null;
  action: 'allow' | 'deny';
  /** Return traffic of an allowed connection: let through by state, no rule evaluated (`ruleIndex` is `null`). */
  established?: true;
}

export interface Hop {
  /** The host that forwards (router, SE group, HAProxy, NSX-T gateway), or `null` for the sender. */
  hostId: string | null;
  name: string;
  vrf: string | null;
  /** The network the packet leaves on. */
  egressNetworkId: string | null;
  route: HopRoute | null;
  /** The firewall rule the packet matched here, when filters are modelled (see FilterMatch). */
  filter?: FilterMatch;
}

export interface TraceResult {
  source: string;
  destination: string;
  delivered: boolean;
  hops: Hop[];
  /** Where delivery ended: the network (and the element holding the address when known). */
  deliveredOn?: { networkId: string | null; elementId: string | null };
  drop?: { reason: DropReason; hostId: string | null; message: string };
}

const MAX_HOPS = 32;

interface Resolved {
  address: Ip;
  /** The network the endpoint sits on (senders start there). */
  networkId: string | null;
  /** A host element starts at its own table. */
  hostId: string | null;
  vrfId: string | null;
  elementId: string | null;
  /** An address inside a cluster's pod CIDR: its node network's nodes hold it. */
  pod?: boolean;
}

export function resolveEndpoint(model: L3Model, endpoint: TraceEndpoint): Resolved | string {
  if ('address' in endpoint) {
    const address = ip(endpoint.address);
    if (!address) return `"${endpoint.address}" is not an IP address`;
    const network = mostSpecificNetwork(model, address);
    if (network) return { address, networkId: network.id, hostId: null, vrfId: null, elementId: null };
    // Pods sit behind their node network.
    const cluster = podClusterOf(model, address);
    return {
      address,
      networkId: cluster?.nodeNetworkId ?? null,
      hostId: null,
      vrfId: null,
      elementId: cluster?.id ?? null,
      pod: cluster !== undefined,
    };
  }
  if (!model.elements.has(endpoint.elementId)) return `no element with id "${endpoint.elementId}"`;
  const rep = representativeAddress(model, endpoint.elementId);
  if (!rep) return `element "${endpoint.elementId}" has no address to trace from or to (attach it to a network with a subnet)`;
  const host = model.hostById.get(endpoint.elementId);
  const vrfId = host ? sourceVrf(host, endpoint.vrf) : null;
  return { address: rep.address, networkId: rep.networkId, hostId: host ? host.id : null, vrfId, elementId: endpoint.elementId };
}

/** Kept here for callers that imported it from the trace module. */
export { mostSpecificNetwork };

export function trace(model: L3Model, from: TraceEndpoint, to: TraceEndpoint, routing = new Routing(model)): TraceResult {
  // No closures in here: trace runs thousands of times per validation (every reachability rule),
  // and a closure per call is an allocation and, under keepNames transpilers, a defineProperty.
  const src = resolveEndpoint(model, from);
  const dst = resolveEndpoint(model, to);
  const result: TraceResult = { source: endpointLabel(from), destination: endpointLabel(to), delivered: false, hops: [] };
  if (typeof src === 'string') return dropped(result, 'unknown-endpoint', null, `source: ${src}`);
  if (typeof dst === 'string') return dropped(result, 'unknown-endpoint', null, `destination: ${dst}`);
  result.destination = `${endpointLabel(to)} (${dst.address.text})`;
  const target = dst.address;

  let hostId = src.hostId;
  let vrfId = src.vrfId;
  if (!hostId) {
    // A sender on a network: on-link, or to its network's gateway.
    const network = src.networkId ? model.networkById.get(src.networkId) : undefined;
    result.hops.push({ hostId: null, name: src.address.text, vrf: null, egressNetworkId: network?.id ?? null, route: null });
    if (!network) return dropped(result, 'not-attached', null, `${src.address.text} is on no network of the design`);
    if (sameDestinationNetwork(routing, network.id, dst)) return delivered(model, result, dst, network.id);
    // Clients on an unknown subnet reach whatever router they are cabled to.
    const owner = network.gateway
      ? routing.ownersOf(network.id, network.gateway)[0]
      : !network.subnet
        ? routing.interfacesOn(network.id)[0]
        : undefined;
    if (!network.gateway && network.subnet)
      return dropped(result, 'no-route', null, `network ${network.name} has no gateway, so ${src.address.text} cannot leave it`);
    if (!owner)
      return dropped(result, 'next-hop-unresolved', null, `no element holds gateway ${network.gateway?.text ?? ''} of ${network.name}`);
    hostId = owner.hostId;
    vrfId = owner.vrfId;
  }

  // A path has a handful of hops: an array beats a Set per trace.
  const visited: string[] = [];
  for (let n = 0; n < MAX_HOPS; n++) {
    const host = routing.host(hostId!)!;
    const vrf = routing.vrf(vrfId!);
    if (visited.includes(vrfId!)) return dropped(result, 'loop', host.id, `routing loop: ${host.name} (${vrf?.name}) is visited twice`);
    visited.push(vrfId!);
    const route = routing.lookup(vrfId!, target);
    const hop: Hop = { hostId: host.id, name: host.name, vrf: vrf?.name ?? null, egressNetworkId: null, route: null };
    result.hops.push(hop);
    if (!route) return dropped(result, 'no-route', host.id, `${host.name} (${vrf?.name} VRF) has no route to ${target.text}`);
    hop.route = { prefix: route.prefixText, nextHop: route.nextHopText, origin: route.origin, sourceId: route.sourceId };
    if (route.discard)
      return dropped(result, 'blackhole', host.id, `${host.name} discards ${target.text} (route ${route.prefixText} to null)`);
    if (route.origin === 'connected' || route.origin === 'cluster') {
      hop.egressNetworkId = route.networkId ?? null;
      return delivered(model, result, dst, route.networkId ?? null);
    }
    if (route.origin === 'internal') {
      const next = routing.host(route.viaHostId!);
      if (!next?.vrfs[0])
        return dropped(result, 'next-hop-unresolved', host.id, `${host.name} routes ${target.text} to a gateway that is not in the design`);
      hostId = next.id;
      vrfId = next.vrfs[0].id;
      continue;
    }
    const resolved = routing.resolveNextHop(vrfId!, route.nextHop!);
    if (!resolved.ok)
      return dropped(
        result,
        resolved.reason === 'blackhole' ? 'blackhole' : 'next-hop-unresolved',
        host.id,
        `${host.name}: next hop ${route.nextHopText} of ${route.prefixText} is not on a connected network`,
      );
    hop.egressNetworkId = resolved.networkId;
    if (sameDestinationNetwork(routing, resolved.networkId, dst) && dst.address === target && resolved.nextHop.value === target.value)
      return delivered(model, result, dst, resolved.networkId);
    const owner = routing.ownersOf(resolved.networkId, resolved.nextHop)[0];
    // `podCIDR -> node IP` routes (seed 001 Tier-1): nodes are not hosts, the node network holds the pods.
    if (!owner && dst.pod && dst.networkId === resolved.networkId) return delivered(model, result, dst, resolved.networkId);
    if (!owner) {
      const net = model.networkById.get(resolved.networkId);
      return dropped(
        result,
        'next-hop-unresolved',
        host.id,
        `${host.name}: no element holds next hop ${resolved.nextHop.text} on ${net?.name ?? resolved.networkId}`,
      );
    }
    hostId = owner.hostId;
    vrfId = owner.vrfId;
  }
  return dropped(result, 'loop', hostId, `more than ${MAX_HOPS} hops`);
}

function endpointLabel(e: TraceEndpoint): string {
  return 'address' in e ? e.address : e.elementId;
}

function dropped(result: TraceResult, reason: DropReason, hostId: string | null, message: string): TraceResult {
  result.drop = { reason, hostId, message };
  return result;
}

/** The packet arrives on `networkId`, unless that is a way out of the design to "clients anywhere". */
function delivered(model: L3Model, result: TraceResult, dst: Resolved, networkId: string | null): TraceResult {
  // A default route into "clients anywhere" does not reach an address that lives on a known
  // network of the design (e.g. overlay pod addresses): the packet leaves the design instead.
  const out = networkId === null ? undefined : model.networkById.get(networkId);
  if (out && out.kind === 'clientNetwork' && !out.subnet && dst.networkId !== null && dst.networkId !== networkId) {
    const home = model.networkById.get(dst.networkId);
    return dropped(
      result,
      'no-route',
      result.hops.at(-1)?.hostId ?? null,
      `${dst.address.text} lives on ${home?.name ?? dst.networkId}, but the route that matches it leads out to ${out.name}`,
    );
  }
  result.delivered = true;
  result.deliveredOn = { networkId, elementId: dst.elementId };
  return result;
}

function sameDestinationNetwork(routing: Routing, networkId: string, dst: Resolved): boolean {
  return routing.onNetwork(networkId, dst.address);
}
