import type { Rule } from '../../engine/rule.ts';
import vipNetworkNotRegistered from './vip-network-not-registered.ts';
import endpointRequired from './endpoint-required.ts';
import endpointNotOnNodeNetwork from './endpoint-not-on-node-network.ts';
import nodeNetworkNoAddresses from './node-network-no-addresses.ts';

export const tkgRules: readonly Rule[] = [vipNetworkNotRegistered, endpointRequired, endpointNotOnNodeNetwork, nodeNetworkNoAddresses];
