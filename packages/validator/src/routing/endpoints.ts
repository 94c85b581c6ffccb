/**
 * Which address stands for an element in a trace. Networks without a known subnet ("clients
 * anywhere") are represented by 198.51.100.10 (TEST-NET-2, RFC 5737): an address no design
 * owns, so it is routed like any outside client.
 */
import type { L3Address, L3Host, L3Model } from '../l3/model.ts';
import { formatIp4 } from '@viplane/model';
import { ip, type Ip } from '../l3/addr.ts';

export const OUTSIDE_CLIENT = ip('198.51.100.10') as Ip;

export interface Representative {
  address: Ip;
  networkId: string | null;
}

const onNetworkCache = new WeakMap<L3Model, Map<string, Representative | null>>();

/** The network's representative address, computed once per model and network (traces ask per call). */
function onNetwork(model: L3Model, networkId: string | null): Representative | null {
  if (networkId === null) return null;
  let cache = onNetworkCache.get(model);
  if (!cache) onNetworkCache.set(model, (cache = new Map()));
  let rep = cache.get(networkId);
  if (rep === undefined) cache.set(networkId, (rep = representativeOnNetwork(model, networkId)));
  return rep;
}

function representativeOnNetwork(model: L3Model, networkId: string): Representative | null {
  const network = model.networkById.get(networkId);
  if (!network) return null;
  if (!network.subnet) return { address: OUTSIDE_CLIENT, networkId };
  const { family, first, last } = network.subnet;
  // A host address inside the subnet that is neither network, broadcast nor the usual .1 gateway.
  const value =
    typeof first === 'number'
      ? (last as number) - first >= 3
        ? (last as number) - 1
        : first
      : (first as bigint) + 0x10n <= (last as bigint)
        ? (first as bigint) + 0x10n
        : first;
  return { address: { family, value, text: formatValue(family, value) } as Ip, networkId };
}

function formatValue(family: 4 | 6, value: number | bigint): string {
  // formatIp4: the same text as joining the four octets, without an array per call.
  if (family === 4) return formatIp4(value as number);
  const hex = (value as bigint).toString(16).padStart(32, '0');
  return (hex.match(/.{4}/g) ?? []).map((g) => g.replace(/^0+(?=.)/, '')).join(':');
}

export function representativeAddress(model: L3Model, elementId: string): Representative | null {
  const host = model.hostById.get(elementId);
  if (host) {
    for (const vrf of host.vrfs)
      for (const iface of vrf.interfaces) {
        if (iface.address) return { address: iface.address, networkId: iface.networkId };
      }
    for (const vrf of host.vrfs) for (const iface of vrf.interfaces) return onNetwork(model, iface.networkId);
    return null;
  }
  const el = model.elements.get(elementId);
  if (!el) return null;
  switch (el.kind) {
    case 'portGroup':
    case 'nsxtSegment':
    case 'clientNetwork':
      return onNetwork(model, el.id);
    case 'virtualService':
    case 'aviDnsVs':
    case 'k8sCluster':
    case 'supervisor': {
      const held = firstHeldAddress(model, elementId);
      return held?.ip
        ? { address: held.ip, networkId: held.networkId }
        : onNetwork(model, el.kind === 'virtualService' ? el.props.vipNetworkId : null);
    }
    case 'tkgCluster': {
      const held = el.props.endpoint.provider === 'kube-vip' ? firstHeldAddress(model, elementId) : undefined;
      return held?.ip ? { address: held.ip, networkId: held.networkId } : onNetwork(model, el.props.nodeNetworkId);
    }
    case 'tkc':
      return onNetwork(model, model.clusters.find((c) => c.id === el.id)?.nodeNetworkId ?? null);
    case 'workloadNetwork':
      return onNetwork(model, el.props.portGroupId);
    case 'ako': {
      const cluster = el.props.clusterId;
      return cluster ? representativeAddress(model, cluster) : null;
    }
    default:
      return null;
  }
}

const firstHeld = new WeakMap<L3Model, Map<string, L3Address>>();

/**
 * The element's first parsed held address in model order. Indexed once per model: a scan of
 * every held address per trace endpoint made each trace to a VIP or node cost O(addresses).
 */
function firstHeldAddress(model: L3Model, ownerId: string): L3Address | undefined {
  let index = firstHeld.get(model);
  if (!index) {
    index = new Map();
    for (let k = 0, all = model.addresses; k < all.length; k++) {
      const a = all[k]!;
      if (a.ip && !index.has(a.ownerId)) index.set(a.ownerId, a);
    }
    firstHeld.set(model, index);
  }
  return index.get(ownerId);
}

/** The VRF a host sends from: the one asked for, else the data VRF. */
export function sourceVrf(host: L3Host, name?: string): string | null {
  const vrf = (name ? host.vrfs.find((v) => v.name === name) : undefined) ?? host.vrfs.find((v) => v.name === 'global') ?? host.vrfs[0];
  return vrf?.id ?? null;
}
