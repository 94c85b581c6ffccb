import type { Rule } from '../../engine/rule.ts';
import invalidCidr from './invalid-cidr.ts';
import subnetOverlap from './subnet-overlap.ts';
import rangeOutsideSubnet from './range-outside-subnet.ts';
import rangeOverlap from './range-overlap.ts';
import reservedAddress from './reserved-address.ts';
import gatewayOutsideSubnet from './gateway-outside-subnet.ts';
import gatewayInRange from './gateway-in-range.ts';
import duplicateIp from './duplicate-ip.ts';
import staticIpInDynamicRange from './static-ip-in-dynamic-range.ts';
import poolExhausted from './pool-exhausted.ts';
import clusterCidrOverlap from './cluster-cidr-overlap.ts';
import poolModeAddress from './pool-mode-address.ts';

export const ipamRules: readonly Rule[] = [
  invalidCidr,
  subnetOverlap,
  rangeOutsideSubnet,
  rangeOverlap,
  reservedAddress,
  gatewayOutsideSubnet,
  gatewayInRange,
  duplicateIp,
  staticIpInDynamicRange,
  poolExhausted,
  clusterCidrOverlap,
  poolModeAddress,
];
