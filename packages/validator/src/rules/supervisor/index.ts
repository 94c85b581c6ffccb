import type { Rule } from '../../engine/rule.ts';
import noPrimaryWorkloadNetwork from './no-primary-workload-network.ts';
import controlPlaneIps from './control-plane-ips.ts';
import workloadNetworksNotRouted from './workload-networks-not-routed.ts';

export const supervisorRules: readonly Rule[] = [noPrimaryWorkloadNetwork, controlPlaneIps, workloadNetworksNotRouted];
