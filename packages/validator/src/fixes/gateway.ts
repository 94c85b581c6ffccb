/** The gateway a fix proposes for a network: the router's own interface on it, else its lowest free host address. */
import type { L3Model, L3Network } from '../l3/model.ts';
import { inCidr } from '../l3/addr.ts';
import { GATEWAY_HOLDER_KINDS, subnetReserved } from '../queries/ipam.ts';
import { freeStaticAddress } from './freeAddress.ts';

/** Whether the network's own gateway is a usable host address of its subnet. */
export function validGateway(network: L3Network): string | null {
  const { subnet, gateway } = network;
  if (!subnet || !gateway || !inCidr(subnet, gateway)) return null;
  return subnetReserved(subnet).some((r) => r.value === gateway.value) ? null : gateway.text;
}

/**
 * A gateway for the network: its own when valid, else a router's (or Tier-0's) interface address on it
 * (seed 000: the L3 switch's SVI is the gateway), else the lowest free host address (fixes/freeAddress).
 */
export function proposedGateway(model: L3Model, network: L3Network): string | null {
  const own = validGateway(network);
  if (own) return own;
  if (!network.subnet) return null;
  for (const a of model.addresses)
    if (a.networkId === network.id && a.ip && GATEWAY_HOLDER_KINDS.has(a.ownerKind) && inCidr(network.subnet, a.ip)) return a.ip.text;
  return freeStaticAddress(model, network.id);
}
