/**
 * Pod addresses as destinations. Pods are reachable from outside their cluster only where
 * something routes their CIDR: NSX-T routable pods (the Tier-1's `podCIDR -> node` routes) or AKO
 * static-route mode (the SE's `podCIDR via node` routes, for the SE only). Everywhere else the CNI
 * is an overlay that SNATs pod egress to the node address (Antrea/Calico defaults), and the
 * honest answer is that the pod cannot be addressed from there — not a drop at some router.
 */
import type { L3Cluster, L3Model } from '../../l3/model.ts';
import type { TraceResult } from '../trace.ts';

/** Did this trace reach the pod through a route that really leads to the cluster's pods? */
export function reachesPods(result: TraceResult, cluster: L3Cluster): boolean {
  if (!result.delivered) return false;
  if (cluster.routableTier1Id !== null) return true;
  return result.hops.some((h) => h.route?.origin === 'cluster');
}

export function podsNotRoutableMessage(model: L3Model, cluster: L3Cluster): string {
  const el = model.elements.get(cluster.id);
  const cni = el && 'cni' in el.props ? el.props.cni : null;
  const how = cni === 'calico' ? 'overlay (IP-in-IP), SNAT' : 'overlay, SNAT';
  return `pods of cluster ${cluster.name} are not routable from outside the cluster (${how}) — trace to a Service VIP or NodePort instead`;
}
