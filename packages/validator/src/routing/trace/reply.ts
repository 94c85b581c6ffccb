/**
 * The reply path, traced as its own packets (routing is per direction):
 * 1. backend → load balancer: the node (or pod) answers the SE interface address it was
 *    source-NATed to, through its own gateway; the reply must arrive on that SE interface's network.
 * 2. load balancer → client: the SE answers from the VIP through its data VRF, so a client on
 *    another network needs a route there — normally the data VRF's default gateway
 *    (seed 000; what routing/no-default-gateway checks). kube-vip: the node answers through its gateway.
 */
import type { L3Model } from '../../l3/model.ts';
import type { Ip } from '../../l3/addr.ts';
import { trace, type TraceEndpoint } from '../trace.ts';
import type { Routing } from '../routing.ts';
import { defaultRoutes, lbDataVrf } from '../../queries/routing.ts';
import { describeLeg, elementName, interfaceOf, stepHop } from './describe.ts';
import type { Backend } from './backend.ts';
import { markStateful } from './filtering.ts';
import type { TraceLeg } from './types.ts';
import type { VipService } from './vip.ts';

/** Backend → the SE interface address the backend saw as source. */
export function backendReply(
  model: L3Model,
  routing: Routing,
  vip: VipService,
  backend: Backend,
  snat: { networkId: string; address: Ip },
): TraceLeg {
  const lbName = elementName(model, vip.lbId);
  const source = backend.target!;
  const result = trace(model, { address: source.text }, { address: snat.address.text }, routing);
  const leg = describeLeg(model, result, {
    kind: 'reply',
    title: `reply: ${backend.name} → ${lbName}`,
    from: source.text,
    to: snat.address.text,
    senderId: backend.cluster?.id ?? null,
  });
  markStateful(model, leg);
  const arrivedOn = result.deliveredOn?.networkId ?? null;
  if (result.delivered && arrivedOn !== snat.networkId) {
    leg.delivered = false;
    leg.drop = {
      reason: 'no-route',
      hostId: result.hops.at(-1)?.hostId ?? null,
      hostName: result.hops.at(-1)?.name ?? null,
      message: `the reply to ${snat.address.text} arrives on ${elementName(model, arrivedOn)}, not on ${elementName(model, snat.networkId)} where ${lbName} has that address`,
    };
  }
  if (leg.delivered)
    leg.hops.push(
      stepHop(model, {
        kind: 'receiver',
        elementId: vip.lbId,
        elementName: lbName,
        ingress: { ...interfaceOf(model, vip.lbId, snat.networkId)!, address: snat.address.text },
        note: `${lbName} matches the reply to its connection to the backend`,
      }),
    );
  return leg;
}

/** The load balancer (or kube-vip's node) → the client, answering from the VIP. */
export function clientReply(model: L3Model, routing: Routing, vip: VipService, client: Ip, clientId: string | null): TraceLeg {
  const lbName = vip.lbId === null ? `kube-vip (${elementName(model, vip.holderId)})` : elementName(model, vip.lbId);
  const host = vip.lbId === null ? undefined : model.hostById.get(vip.lbId);
  const vrf = host ? lbDataVrf(host) : undefined;
  const from: TraceEndpoint = host ? { elementId: host.id, ...(vrf ? { vrf: vrf.name } : {}) } : { address: vip.address.text };
  const result = trace(model, from, { address: client.text }, routing);
  const leg = describeLeg(model, result, {
    kind: 'reply',
    title: `reply: ${lbName} → client`,
    from: vip.address.text,
    to: client.text,
    senderId: host ? null : vip.holderId,
  });
  markStateful(model, leg);
  const first = leg.hops[0];
  if (first) {
    if (host) first.kind = 'load-balancer';
    first.note = `answers ${client.text} from the VIP ${vip.address.text}${vip.port === null ? '' : `:${vip.port}`}`;
  }
  // The reason people need: an SE data VRF without a default gateway cannot answer clients elsewhere.
  if (leg.drop && host?.kind === 'seGroup' && leg.drop.hostId === host.id && vrf && defaultRoutes(vrf, client.family).length === 0)
    leg.drop.message = `${host.name} has no default gateway in its data VRF "${vrf.name}": the reply to ${client.text} cannot leave (add 0.0.0.0/0 via the VIP network's gateway on the Controller; routing/no-default-gateway)`;
  if (leg.delivered)
    leg.hops.push(
      stepHop(model, {
        kind: 'receiver',
        elementId: clientId,
        elementName: clientId ? `${elementName(model, clientId)} (${client.text})` : client.text,
        ingress: interfaceOf(model, null, result.deliveredOn?.networkId ?? null),
        note: 'the client receives the answer from the VIP',
      }),
    );
  return leg;
}
