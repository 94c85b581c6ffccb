/**
 * How an `ako` element's mode reaches AKO (seed 003 §2, formats.md §4.3): who routes to the pods,
 * whether AKO programs `podCIDR -> node` static routes, and which pool-member type L7 uses.
 */
import type { ElementOf } from '@viplane/model';

export type AkoMode = ElementOf<'ako'>['props']['mode'];
export type AkoServiceType = 'ClusterIP' | 'NodePort' | 'NodePortLocal';

export interface AkoModeSettings {
  serviceType: AkoServiceType;
  /** Static-route sync is implicitly off for NodePort/NodePortLocal; routable pods need none. */
  disableStaticRouteSync: boolean;
  /** Static-route mode places pools on the node network, so AKO needs it (nodeNetworkList). */
  needsNodeNetwork: boolean;
}

export const AKO_MODES: Record<AkoMode, AkoModeSettings> = {
  'static-route': { serviceType: 'ClusterIP', disableStaticRouteSync: false, needsNodeNetwork: true },
  nodeport: { serviceType: 'NodePort', disableStaticRouteSync: true, needsNodeNetwork: false },
  nodeportlocal: { serviceType: 'NodePortLocal', disableStaticRouteSync: true, needsNodeNetwork: false },
  routable: { serviceType: 'ClusterIP', disableStaticRouteSync: true, needsNodeNetwork: false },
};

/** AKOSettings.cniPlugin / extraConfigs.cniPlugin for a cluster CNI ("" when AKO has no value for it). */
export function akoCniPlugin(cni: string): string {
  switch (cni) {
    case 'antrea':
    case 'antrea-nsx-routed':
      return 'antrea';
    case 'calico':
    case 'flannel':
      return cni;
    default:
      return '';
  }
}

/** AKO's `clusterName` rule (internal/lib/lib.go). */
export const AKO_CLUSTER_NAME = /^[a-zA-Z0-9-_]+$/;
