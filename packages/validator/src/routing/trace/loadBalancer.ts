/**
 * The load balancer's own connection to the backend: from the SE group's data VRF (or HAProxy's
 * table), out of the interface the routing engine picks, source-NATed to that interface's address
 * (NSX-ALB: SE → server connections come from the SE interface IP, ports.md A12; HAProxy proxies
 * from its own workload address), to a node's NodePort / NPL port, a control-plane node's 6443,
 * or a pod (static routes, routable pods).
 */
import type { L3Model } from '../../l3/model.ts';
import { ip, type Ip } from '../../l3/addr.ts';
import { trace } from '../trace.ts';
import type { Routing } from '../routing.ts';
import { defaultRoutes, lbDataVrf } from '../../queries/routing.ts';
import { describeLeg, elementName, interfaceOf, sePool, stepHop } from './describe.ts';
import type { Backend } from './backend.ts';
import { applyFilters, backendPorts, tcpTuple } from './filtering.ts';
import type { Nat, PathHop, TraceLeg } from './types.ts';
import type { VipService } from './vip.ts';

const MODE_LABEL: Record<Backend['mode'], string> = {
  nodeport: 'NodePort',
  nodeportlocal: 'NodePortLocal',
  'static-route': 'ClusterIP, static routes',
  routable: 'routable pods',
  'control-plane': 'API server',
  'kube-vip': 'kube-vip',
  self: 'answered by the load balancer',
};

export function modeLabel(mode: Backend['mode']): string {
  return MODE_LABEL[mode];
}

export interface LbLeg {
  leg: TraceLeg;
  /** The load balancer's interface towards the backend and the address the backend sees (SNAT). */
  snat: { networkId: string; address: Ip } | null;
}

export function loadBalancerLeg(model: L3Model, routing: Routing, vip: VipService, backend: Backend, client: Ip): LbLeg {
  const lbId = vip.lbId!;
  const lbName = elementName(model, lbId);
  const host = model.hostById.get(lbId);
  const vrf = host ? lbDataVrf(host) : undefined;
  const title = `${lbName} → ${backend.name} (${modeLabel(backend.mode)})`;
  if (!backend.target)
    return {
      leg: {
        kind: 'forward',
        title,
        from: '?',
        to: '?',
        hops: [],
        delivered: false,
        drop: {
          reason: 'no-backend',
          hostId: lbId,
          hostName: lbName,
          message: `${backend.targetText}: the design gives no address to send to`,
        },
      },
      snat: null,
    };
  const result = trace(model, { elementId: lbId, ...(vrf ? { vrf: vrf.name } : {}) }, { address: backend.target.text }, routing);
  const egressNetworkId = result.hops[0]?.egressNetworkId ?? null;
  const egress = interfaceOf(model, lbId, egressNetworkId);
  // An SE interface takes its address from the network's SE pool: the first one stands for it.
  const pool = !egress?.address && host?.kind === 'seGroup' && egressNetworkId !== null ? sePool(model, egressNetworkId) : null;
  const snatText = egress?.address ?? pool?.first ?? null;
  const snatAddress = snatText ? ip(snatText) : null;
  const leg = describeLeg(model, result, { kind: 'forward', title, from: snatText ?? '?', to: backend.target.text, senderId: lbId });
  const first = leg.hops[0];
  if (first) {
    first.kind = 'load-balancer';
    const nat: Nat[] = [
      {
        kind: 'snat',
        from: client.text,
        to: snatText ?? '?',
        ...(pool ? { pool: pool.text } : {}),
        note:
          host?.kind === 'haproxy'
            ? `HAProxy opens its own connection from its interface on ${egress?.networkName ?? '?'}`
            : `the SE connects to the backend from its interface on ${egress?.networkName ?? '?'} (NSX-ALB source NAT, ports.md A12)`,
      },
      {
        kind: 'dnat',
        from: `${vip.address.text}${vip.port === null ? '' : `:${vip.port}`}`,
        to: `${backend.target.text}:${backend.port}`,
        note: `pool member: ${backend.targetText}`,
      },
    ];
    first.nat = nat;
  }
  if (leg.drop && host?.kind === 'seGroup' && vrf && leg.drop.hostId === host.id && defaultRoutes(vrf, backend.target.family).length === 0)
    leg.drop.message = `${host.name} is not attached to ${elementName(model, backend.nodeNetworkId)} and has no default gateway in its data VRF "${vrf.name}": it cannot reach ${backend.target.text} (routing/no-default-gateway)`;
  if (result.delivered && backend.target) {
    const ports = backendPorts(backend.port);
    applyFilters(model, leg, tcpTuple(model, snatAddress ?? { elementId: lbId }, backend.target, ports), ports ?? '');
  }
  if (leg.delivered) leg.hops.push(...arrival(model, backend, result.deliveredOn?.networkId ?? backend.nodeNetworkId));
  return { leg, snat: snatAddress && egressNetworkId ? { networkId: egressNetworkId, address: snatAddress } : null };
}

/** What happens where the leg arrives: the node's port, and the pod behind it. */
function arrival(model: L3Model, backend: Backend, networkId: string | null): PathHop[] {
  const clusterId = backend.cluster?.id ?? null;
  const ingress = interfaceOf(model, null, networkId);
  if (ingress) ingress.address = backend.target?.text ?? null;
  const pod = backend.cluster?.podCidrs.find((p) => p.cidr !== null)?.text ?? '?';
  const podHop = (note: string) =>
    stepHop(model, {
      kind: 'pod',
      elementId: clusterId,
      elementName: `pod of ${backend.name}`,
      ingress: interfaceOf(model, null, networkId),
      note,
    });
  switch (backend.mode) {
    case 'nodeport':
      return [
        stepHop(model, {
          kind: 'node',
          elementId: clusterId,
          elementName: backend.targetText,
          ingress,
          nat: [
            {
              kind: 'dnat',
              from: `NodePort ${backend.port}`,
              to: `a pod in ${pod}`,
              note: 'kube-proxy (or Antrea proxy) forwards the NodePort to a pod of the Service',
            },
          ],
          note: `NodePort ${backend.port} on every node`,
        }),
        podHop(`a pod in ${pod}, reached inside the cluster (pods are not routable from outside)`),
      ];
    case 'nodeportlocal':
      return [
        stepHop(model, {
          kind: 'node',
          elementId: clusterId,
          elementName: backend.targetText,
          ingress,
          nat: [
            {
              kind: 'dnat',
              from: `NodePortLocal ${backend.port}`,
              to: `a pod in ${pod} on this node`,
              note: 'Antrea NodePortLocal maps a node port to one pod on the same node',
            },
          ],
          note: `NodePortLocal ${backend.port} on the nodes that run the pods`,
        }),
        podHop(`a pod in ${pod} on that node`),
      ];
    case 'control-plane':
    case 'kube-vip':
      return [
        stepHop(model, {
          kind: 'node',
          elementId: clusterId,
          elementName: backend.targetText,
          ingress,
          note: `kube-apiserver on port ${backend.port}`,
        }),
      ];
    default:
      return [
        stepHop(model, {
          kind: 'pod',
          elementId: clusterId,
          elementName: backend.targetText,
          ingress,
          note: `pod address ${backend.target?.text ?? '?'} behind its node on ${ingress?.networkName ?? '?'} (${modeLabel(backend.mode)})`,
        }),
      ];
  }
}
