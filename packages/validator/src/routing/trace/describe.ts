/**
 * Names for people: turns one low-level `trace()` result into a leg whose hops say which element
 * forwards, on which interfaces (network name and address, or the pool an SE takes it from), in
 * which VRF and routing domain. The routing engine stays id-only and allocation-light for the
 * rules; only the surfaces (canvas, CLI, API) pay for names.
 */
import type { L3Model } from '../../l3/model.ts';
import type { TraceResult } from '../trace.ts';
import type { InterfaceRef, PathHop, TraceLeg } from './types.ts';

/** Pools an SE takes its interface addresses from (Avi IP pools). */
const SE_POOLS: ReadonlySet<string> = new Set(['se-pool', 'se-vip-pool']);

export function elementName(model: L3Model, id: string | null | undefined): string {
  if (id === null || id === undefined) return '—';
  return model.elements.get(id)?.name ?? id;
}

/** The first SE pool on a network, as `start-end`, with its first address (what an SE interface takes there). */
export function sePool(model: L3Model, networkId: string): { first: string; text: string } | null {
  for (const r of model.ranges)
    if (r.networkId === networkId && SE_POOLS.has(r.purpose) && r.start && r.end)
      return { first: r.start.text, text: `${r.start.text}-${r.end.text}` };
  return null;
}

/** A host's interface on a network: its address, or where the address comes from. */
export function interfaceOf(model: L3Model, hostId: string | null, networkId: string | null): InterfaceRef | null {
  if (networkId === null) return null;
  const network = model.networkById.get(networkId);
  const ref: InterfaceRef = { networkId, networkName: network?.name ?? networkId, address: null };
  const host = hostId === null ? undefined : model.hostById.get(hostId);
  const iface = host?.vrfs.flatMap((v) => v.interfaces).find((i) => i.networkId === networkId);
  if (iface?.addressText) ref.address = iface.addressText;
  else if (host?.kind === 'seGroup') {
    const pool = sePool(model, networkId);
    ref.addressNote = pool ? `from the SE pool ${pool.text}` : `no SE pool on ${ref.networkName}`;
  } else if (iface && network?.kind === 'clientNetwork' && !network.subnet) ref.addressNote = 'towards clients on any network';
  else if (iface) ref.addressNote = 'address not set';
  return ref;
}

function routingDomain(model: L3Model, ...networkIds: (string | null)[]): string | null {
  for (const id of networkIds) {
    const net = id === null ? undefined : model.networkById.get(id);
    if (net) return net.routingDomain;
  }
  return null;
}

export interface LegOptions {
  kind: TraceLeg['kind'];
  title: string;
  from: string;
  to: string;
  /** The element that sends, for the sender hop (a client network, a cluster). */
  senderId: string | null;
}

/** A leg from one low-level trace. */
export function describeLeg(model: L3Model, result: TraceResult, options: LegOptions): TraceLeg {
  const hops: PathHop[] = [];
  let previousEgress: string | null = null;
  for (const hop of result.hops) {
    if (hop.hostId === null) {
      const egress = interfaceOf(model, null, hop.egressNetworkId);
      if (egress) egress.address = hop.name;
      hops.push({
        ...hop,
        kind: 'sender',
        elementId: options.senderId,
        elementName: options.senderId ? `${elementName(model, options.senderId)} (${hop.name})` : hop.name,
        ingress: null,
        egress,
        routingDomain: routingDomain(model, hop.egressNetworkId),
      });
    } else {
      hops.push({
        ...hop,
        kind: 'forward',
        elementId: hop.hostId,
        elementName: hop.name,
        ingress: interfaceOf(model, hop.hostId, previousEgress),
        egress: interfaceOf(model, hop.hostId, hop.egressNetworkId),
        routingDomain: routingDomain(model, hop.egressNetworkId, previousEgress),
      });
    }
    previousEgress = hop.egressNetworkId;
  }
  const leg: TraceLeg = { kind: options.kind, title: options.title, from: options.from, to: options.to, hops, delivered: result.delivered };
  if (result.drop)
    leg.drop = {
      reason: result.drop.reason,
      hostId: result.drop.hostId,
      hostName: result.drop.hostId === null ? null : elementName(model, result.drop.hostId),
      message: result.drop.message,
    };
  return leg;
}

/** A hop that is not a routing step (VIP, node, pod, receiver): names and interfaces only. */
export function stepHop(
  model: L3Model,
  step: Pick<PathHop, 'kind' | 'elementId' | 'elementName'> &
    Partial<Pick<PathHop, 'ingress' | 'egress' | 'nat' | 'note' | 'vrf' | 'hostId'>>,
): PathHop {
  const ingress = step.ingress ?? null;
  const egress = step.egress ?? null;
  return {
    hostId: step.hostId ?? null,
    name: step.elementName,
    vrf: step.vrf ?? null,
    egressNetworkId: egress?.networkId ?? null,
    route: null,
    kind: step.kind,
    elementId: step.elementId,
    elementName: step.elementName,
    ingress,
    egress,
    routingDomain: routingDomain(model, egress?.networkId ?? null, ingress?.networkId ?? null),
    ...(step.nat ? { nat: step.nat } : {}),
    ...(step.note ? { note: step.note } : {}),
  };
}
