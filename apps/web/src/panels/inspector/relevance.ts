/**
 * Which of an element's fields apply to the choices it has made, so the inspector shows only
 * those: a TKG management cluster has no management cluster of its own; the control-plane VIP
 * network is NSX-ALB's (AVI_CONTROL_PLANE_NETWORK), the fixed endpoint address kube-vip's
 * (VIPs from NSX-ALB come from its IPAM). A field that holds a value is always shown, so hiding
 * never conceals data (an imported file may say more than its choices need).
 */
import { nodeNetworkKinds, type Element, type ElementKind } from '@viplane/model';

export function fieldApplies(el: Element, path: string, value: unknown): boolean {
  if (value !== null && value !== undefined && value !== '') return true;
  if (el.kind !== 'tkgCluster') return true;
  const { role, endpoint } = el.props;
  if (path === 'managementClusterId') return role === 'workload';
  if (path === 'controlPlaneVipNetworkId') return endpoint.provider === 'nsx-alb';
  if (path === 'endpoint.address') return endpoint.provider === 'kube-vip';
  return true;
}

/** The kinds a reference picker offers: node networks only where nodes can live (model fact). */
export function pickerTargets(path: string, targets: readonly ElementKind[]): readonly ElementKind[] {
  return path === 'nodeNetworkId' ? targets.filter((k) => nodeNetworkKinds.includes(k)) : targets;
}
