import type { Rule } from '../../engine/rule.ts';
import vipNetworkNotRegistered from './vip-network-not-registered.ts';
import endpointRequired from './endpoint-required.ts';
import endpointNotOnNodeNetwork from './endpoint-not-on-node-network.ts';
import endpointIsVcenter from './endpoint-is-vcenter.ts';
import endpointOutsideVipNetwork from './endpoint-outside-vip-network.ts';
import albEndpointIpv6 from './alb-endpoint-ipv6.ts';
import clusterNameInvalid from './cluster-name-invalid.ts';
import clusterNameTooLong from './cluster-name-too-long.ts';
import cidrFamilyMismatch from './cidr-family-mismatch.ts';
import albSettingsMissing from './alb-settings-missing.ts';
import routablePodsSettingsMissing from './routable-pods-settings-missing.ts';
import routablePodsNeedAntrea from './routable-pods-need-antrea.ts';
import nodeNetworkNoAddresses from './node-network-no-addresses.ts';

export const tkgRules: readonly Rule[] = [
  vipNetworkNotRegistered,
  endpointRequired,
  endpointNotOnNodeNetwork,
  nodeNetworkNoAddresses,
  // Facts the tanzu CLI checks (formats.md §2.4), once found only at export (issue 11 §3).
  endpointIsVcenter,
  endpointOutsideVipNetwork,
  albEndpointIpv6,
  clusterNameInvalid,
  clusterNameTooLong,
  cidrFamilyMismatch,
  albSettingsMissing,
  routablePodsSettingsMissing,
  routablePodsNeedAntrea,
];
