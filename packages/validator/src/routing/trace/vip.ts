/**
 * Which service answers a destination address: a virtual service's VIP, the NSX-ALB DNS virtual
 * service, a TKG control-plane endpoint (an NSX-ALB VIP, or kube-vip on a control-plane node), an
 * HAProxy VIP range, or an address of a VIP pool a load balancer allocates from (seed 000's
 * `LoadBalancer` Services take their VIPs there). `null`: not a VIP, trace it as a plain address.
 */
import type { L3Model } from '../../l3/model.ts';
import type { Ip } from '../../l3/addr.ts';
import type { TraceEndpoint } from '../trace.ts';
import { lbIndex, VIP_POOL_PURPOSES, type Of } from '../../queries/routing.ts';

export type VipKind = 'virtual-service' | 'dns-vs' | 'control-plane' | 'kube-vip' | 'haproxy-vip' | 'pool-vip';

export interface VipService {
  kind: VipKind;
  address: Ip;
  /** The network the VIP is on. */
  networkId: string | null;
  /** The element that asks for the VIP (virtual service, DNS VS, TKG cluster, HAProxy, or the pool's network). */
  holderId: string;
  /** The SE group or HAProxy that holds it; `null` for kube-vip (a control-plane node holds it). */
  lbId: string | null;
  /** The service port when the design says it (virtual service), 6443 for control-plane endpoints. */
  port: number | null;
  /** The cluster whose nodes or pods serve it. */
  backendClusterId: string | null;
  /** HAProxy without a known cluster: the Supervisor workload network whose nodes serve it. */
  backendNetworkId: string | null;
}

/** The Kubernetes API port of control-plane endpoints (CLUSTER_API_SERVER_PORT default, ports.md K2/K3). */
export const API_SERVER_PORT = 6443;

const same = (a: Ip | null, b: Ip) => a !== null && a.family === b.family && a.value === b.value;
const within = (start: Ip | null, end: Ip | null, a: Ip) =>
  start !== null && end !== null && start.family === a.family && end.family === a.family && start.value <= a.value && a.value <= end.value;

export function findVipService(model: L3Model, to: TraceEndpoint, address: Ip): VipService | null {
  if ('elementId' in to) {
    const el = model.elements.get(to.elementId);
    if (el?.kind === 'virtualService') return virtualService(el, address);
    if (el?.kind === 'aviDnsVs') return dnsVs(el, address);
  }
  for (const held of model.addresses) {
    if (!same(held.ip, address)) continue;
    const el = model.elements.get(held.ownerId);
    if (held.role === 'vip' && el?.kind === 'virtualService') return virtualService(el, address);
    if (held.role === 'dns-vs' && el?.kind === 'aviDnsVs') return dnsVs(el, address);
    if (held.role === 'endpoint' && el?.kind === 'tkgCluster') {
      const kubeVip = el.props.endpoint.provider === 'kube-vip';
      return {
        kind: kubeVip ? 'kube-vip' : 'control-plane',
        address,
        networkId: held.networkId,
        holderId: el.id,
        lbId: kubeVip ? null : el.props.seGroupId,
        port: API_SERVER_PORT,
        backendClusterId: el.id,
        backendNetworkId: null,
      };
    }
  }
  for (const range of model.ranges) {
    if (!within(range.start, range.end, address)) continue;
    if (range.purpose === 'haproxy-vip') return haproxyVip(model, range.ownerId, range.networkId, address);
    if (VIP_POOL_PURPOSES.has(range.purpose) && range.networkId !== null) {
      const pooled = poolVip(model, range.networkId, address);
      if (pooled) return pooled;
    }
  }
  return null;
}

function virtualService(vs: Of<'virtualService'>, address: Ip): VipService {
  return {
    kind: 'virtual-service',
    address,
    networkId: vs.props.vipNetworkId,
    holderId: vs.id,
    lbId: vs.props.loadBalancerId,
    port: vs.props.port,
    backendClusterId: vs.props.backendClusterId,
    backendNetworkId: null,
  };
}

function dnsVs(dns: Of<'aviDnsVs'>, address: Ip): VipService {
  return {
    kind: 'dns-vs',
    address,
    networkId: dns.props.networkId,
    holderId: dns.id,
    lbId: dns.props.seGroupId,
    port: 53,
    backendClusterId: null,
    backendNetworkId: null,
  };
}

/** An HAProxy VIP: the virtual service that names it as load balancer, else its first workload network (seed 002). */
function haproxyVip(model: L3Model, haproxyId: string, networkId: string | null, address: Ip): VipService {
  const vs = model.ofKind('virtualService').find((v) => v.props.loadBalancerId === haproxyId && v.props.backendClusterId !== null);
  const backend = lbIndex(model).backends.find((b) => b.lbId === haproxyId);
  return {
    kind: 'haproxy-vip',
    address,
    networkId,
    holderId: vs?.id ?? haproxyId,
    lbId: haproxyId,
    port: vs?.props.port ?? null,
    backendClusterId: vs?.props.backendClusterId ?? null,
    backendNetworkId: vs ? null : (backend?.nodeNetworkId ?? null),
  };
}

/**
 * An address of a VIP pool: the load balancer that puts VIPs on that network, and the cluster whose
 * `LoadBalancer` Services take them (a pool-allocated virtual service first, then TKG's AVI_DATA_NETWORK, then AKO).
 */
function poolVip(model: L3Model, networkId: string, address: Ip): VipService | null {
  const vs = model.ofKind('virtualService').find((v) => v.props.vipNetworkId === networkId && v.props.address === null);
  if (vs) return { ...virtualService(vs, address), kind: 'pool-vip' };
  const uses = lbIndex(model).vipUses.filter((u) => u.networkId === networkId);
  if (uses.length === 0) return null;
  const lbId = uses[0]!.lbId;
  // Apps run in workload clusters: prefer one over the management cluster that shares the VIP network.
  const candidates = model.ofKind('tkgCluster').filter((c) => c.props.workloadVipNetworkId === networkId && c.props.seGroupId === lbId);
  const tkg = candidates.find((c) => c.props.role === 'workload') ?? candidates[0];
  const ako = model.ofKind('ako').find((a) => a.props.vipNetworkId === networkId && a.props.seGroupId === lbId);
  return {
    kind: 'pool-vip',
    address,
    networkId,
    holderId: networkId,
    lbId,
    port: null,
    backendClusterId: tkg?.id ?? ako?.props.clusterId ?? null,
    backendNetworkId: null,
  };
}
