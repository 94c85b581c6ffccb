import type { Rule } from '../../engine/rule.ts';
import managementIpNotStatic from './management-ip-not-static.ts';
import gatewayNotOnManagement from './gateway-not-on-management.ts';
import workloadSameSubnetAsManagement from './workload-same-subnet-as-management.ts';
import defaultTopologyInProduction from './default-topology-in-production.ts';
import dhcp from './dhcp.ts';

export const haproxyRules: readonly Rule[] = [
  managementIpNotStatic,
  gatewayNotOnManagement,
  workloadSameSubnetAsManagement,
  defaultTopologyInProduction,
  dhcp,
];
