/**
 * NSX-ALB questions shared by the avi/* rules: who asks a Controller for a VIP from a pool (its IPAM
 * profile allocates it), and the Controller behind an SE group.
 */
import type { L3Model } from '../l3/model.ts';
import { akoController, elementOf } from './routing.ts';

/** An element that has the Controller allocate a VIP on a network (no fixed address). */
export interface VipRequest {
  controllerId: string;
  networkId: string;
  /** Virtual service, TKG cluster (API endpoint or AVI_DATA_NETWORK) or AKO. */
  sourceId: string;
}

const cache = new WeakMap<L3Model, VipRequest[]>();

export function vipRequests(model: L3Model): readonly VipRequest[] {
  let list = cache.get(model);
  if (!list) cache.set(model, (list = build(model)));
  return list;
}

/** The Controller of an SE group, when set. */
export function seGroupController(model: L3Model, seGroupId: string | null): string | null {
  return elementOf(model, seGroupId, 'seGroup')?.props.controllerId ?? null;
}

function build(model: L3Model): VipRequest[] {
  const out: VipRequest[] = [];
  const add = (controllerId: string | null, networkId: string | null, sourceId: string) => {
    if (controllerId !== null && networkId !== null) out.push({ controllerId, networkId, sourceId });
  };
  for (const vs of model.ofKind('virtualService'))
    if (vs.props.address === null) add(seGroupController(model, vs.props.loadBalancerId), vs.props.vipNetworkId, vs.id);
  for (const c of model.ofKind('tkgCluster')) {
    const controllerId = c.props.controllerId ?? seGroupController(model, c.props.seGroupId);
    // AVI_DATA_NETWORK: the LoadBalancer services' VIPs (AKO, deployed by the AKO operator).
    add(controllerId, c.props.workloadVipNetworkId, c.id);
    const apiNet = c.props.controlPlaneVipNetworkId ?? c.props.workloadVipNetworkId;
    if (c.props.endpoint.provider === 'nsx-alb' && c.props.endpoint.address === null && apiNet !== c.props.workloadVipNetworkId)
      add(controllerId, apiNet, c.id);
  }
  for (const ako of model.ofKind('ako')) add(akoController(model, ako), ako.props.vipNetworkId, ako.id);
  return out;
}
