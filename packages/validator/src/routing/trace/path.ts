/**
 * tracePath(): the trace people ask for (canvas tracer, `viplane trace`, `/api/trace`). To a VIP
 * it follows the connection through the load balancer — client → VIP, the load balancer's own
 * connection to a node's NodePort / a pod, and the replies back — each leg traced by the routing
 * engine; to a pod address of an overlay cluster it says plainly that pods are not routable; to
 * anything else it is the plain routing trace with names. Rules keep calling `trace()` directly:
 * it stays the cheap, id-only engine call.
 */
import type { L3Model } from '../../l3/model.ts';
import { resolveEndpoint, trace, type TraceEndpoint, type TraceResult } from '../trace.ts';
import { Routing } from '../routing.ts';
import { lbIndex } from '../../queries/routing.ts';
import { describeLeg, elementName, interfaceOf, stepHop } from './describe.ts';
import { findVipService, type VipService } from './vip.ts';
import { backendOf } from './backend.ts';
import { loadBalancerLeg } from './loadBalancer.ts';
import { backendReply, clientReply } from './reply.ts';
import { podsNotRoutableMessage, reachesPods } from './pods.ts';
import { applyFilters, tcpTuple } from './filtering.ts';
import type { PathTrace, TraceLeg } from './types.ts';

export function tracePath(model: L3Model, from: TraceEndpoint, to: TraceEndpoint, routing = new Routing(model)): PathTrace {
  const base = trace(model, from, to, routing);
  const src = resolveEndpoint(model, from);
  const dst = resolveEndpoint(model, to);
  const sourceName = endpointName(model, from, typeof src === 'string' ? null : src.address.text);
  const senderId = 'elementId' in from ? from.elementId : null;
  if (typeof src === 'string' || typeof dst === 'string') return plain(model, base, sourceName, endpointName(model, to, null), senderId);

  if (dst.pod && dst.elementId !== null) {
    const cluster = lbIndex(model).clusterById.get(dst.elementId);
    if (cluster && !reachesPods(base, cluster)) {
      const name = `pod ${dst.address.text} of ${cluster.name}`;
      const leg = describeLeg(
        model,
        { ...base, hops: base.hops.slice(0, 1), delivered: false },
        legOptions('forward', sourceName, name, base, senderId, dst.address.text),
      );
      leg.drop = { reason: 'pods-not-routable', hostId: null, hostName: null, message: podsNotRoutableMessage(model, cluster) };
      return assemble(base, sourceName, name, [leg]);
    }
  }

  const vip = findVipService(model, to, dst.address);
  const destinationName = vip ? `${elementName(model, vip.holderId)} (${dst.address.text})` : endpointName(model, to, dst.address.text);
  if (!vip) return plain(model, base, sourceName, destinationName, senderId, dst.address.text);

  // 1. client → VIP
  const toVip = describeLeg(model, base, {
    ...legOptions('forward', sourceName, destinationName, base, senderId, dst.address.text),
    title: 'client → VIP',
  });
  if (base.delivered) applyFilters(model, toVip, tcpTuple(model, src.address, dst.address, vip.port), vip.port === null ? '' : String(vip.port));
  if (!toVip.delivered) return assemble(base, sourceName, destinationName, [toVip]);
  toVip.hops.push(vipHop(model, vip));
  const legs: TraceLeg[] = [toVip];
  const backend = backendOf(model, vip);
  const result = (extra: Partial<PathTrace>) => ({ ...assemble(base, sourceName, destinationName, legs), ...extra });

  if (vip.kind === 'kube-vip' && backend) {
    toVip.hops.push(
      stepHop(model, {
        kind: 'node',
        elementId: vip.holderId,
        elementName: backend.targetText,
        ingress: interfaceOf(model, null, vip.networkId),
        note: `kube-apiserver on port ${backend.port}; no address translation (kube-vip holds the address on the node)`,
      }),
    );
    legs.push(clientReply(model, routing, vip, src.address, senderId));
    return finish(result({ mode: 'kube-vip' }));
  }
  if (!backend) {
    // The DNS virtual service answers itself; a VIP without a backend has nothing behind it.
    if (vip.kind !== 'dns-vs')
      return result({
        delivered: false,
        drop: { reason: 'no-backend', hostId: vip.lbId, message: `${destinationName} has no backend cluster in the design` },
      });
    legs.push(clientReply(model, routing, vip, src.address, senderId));
    return finish(result({ mode: 'self' }));
  }

  // 2. load balancer → backend, source-NATed
  const { leg, snat } = loadBalancerLeg(model, routing, vip, backend, src.address);
  legs.push(leg);
  if (!leg.delivered) return finish(result({ mode: backend.mode }));
  // 3. replies: backend → load balancer, load balancer → client
  if (snat) legs.push(backendReply(model, routing, vip, backend, snat));
  legs.push(clientReply(model, routing, vip, src.address, senderId));
  return finish(
    result({ mode: backend.mode, deliveredOn: { networkId: backend.nodeNetworkId, elementId: backend.cluster?.id ?? vip.holderId } }),
  );
}

function vipHop(model: L3Model, vip: VipService) {
  const lb = vip.lbId === null ? null : model.hostById.get(vip.lbId);
  const holder = elementName(model, vip.holderId);
  const ingress = interfaceOf(model, null, vip.networkId);
  if (ingress) ingress.address = vip.address.text;
  const port = vip.port === null ? '' : `:${vip.port}`;
  const note =
    vip.kind === 'kube-vip'
      ? `control-plane endpoint ${vip.address.text}${port}, held by kube-vip on a control-plane node (ARP on ${ingress?.networkName ?? '?'})`
      : lb?.kind === 'seGroup'
        ? `VIP ${vip.address.text}${port} of ${holder}, placed on SE group ${lb.name} (data VRF ${lb.vrfs.find((v) => v.name === 'global')?.name ?? '?'})`
        : `VIP ${vip.address.text}${port} of ${holder}, answered by ${lb?.name ?? '?'}`;
  return stepHop(model, {
    kind: 'vip',
    elementId: vip.holderId,
    elementName: holder,
    hostId: lb?.id ?? null,
    ingress,
    ...(lb?.kind === 'seGroup' ? { vrf: 'global' } : {}),
    note,
  });
}

/** A leg's title and ends; `to` is the destination address when it is known. */
function legOptions(
  kind: TraceLeg['kind'],
  sourceName: string,
  destinationName: string,
  base: TraceResult,
  senderId: string | null,
  to?: string,
) {
  return { kind, title: `${sourceName} → ${destinationName}`, from: base.hops[0]?.name ?? sourceName, to: to ?? destinationName, senderId };
}

function plain(
  model: L3Model,
  base: TraceResult,
  sourceName: string,
  destinationName: string,
  senderId: string | null,
  to?: string,
): PathTrace {
  return assemble(base, sourceName, destinationName, [
    describeLeg(model, base, legOptions('forward', sourceName, destinationName, base, senderId, to)),
  ]);
}

function assemble(base: TraceResult, sourceName: string, destinationName: string, legs: TraceLeg[]): PathTrace {
  const forward = legs.filter((l) => l.kind === 'forward');
  const failed = forward.find((l) => !l.delivered);
  const out: PathTrace = {
    source: base.source,
    destination: base.destination,
    sourceName,
    destinationName,
    delivered: failed === undefined,
    hops: forward.flatMap((l) => l.hops),
    legs,
    replied: null,
  };
  if (base.deliveredOn && !failed) out.deliveredOn = base.deliveredOn;
  if (failed?.drop) out.drop = { reason: failed.drop.reason, hostId: failed.drop.hostId, message: failed.drop.message };
  return out;
}

/** Recompute the summary once every leg is in. */
function finish(t: PathTrace): PathTrace {
  const forward = t.legs.filter((l) => l.kind === 'forward');
  const replies = t.legs.filter((l) => l.kind === 'reply');
  const failed = forward.find((l) => !l.delivered);
  t.hops = forward.flatMap((l) => l.hops);
  t.delivered = failed === undefined && t.drop === undefined;
  if (failed?.drop) t.drop = { reason: failed.drop.reason, hostId: failed.drop.hostId, message: failed.drop.message };
  t.replied = t.delivered && replies.length > 0 ? replies.every((l) => l.delivered) : null;
  return t;
}

/** An element's name, or the address; the address in brackets when it says more. */
function endpointName(model: L3Model, e: TraceEndpoint, address: string | null): string {
  if ('address' in e) return e.address;
  const name = elementName(model, e.elementId);
  return address && !name.includes(address) ? `${name} (${address})` : name;
}
