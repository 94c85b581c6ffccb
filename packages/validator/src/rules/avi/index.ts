import type { Rule } from '../../engine/rule.ts';
import ipamProfile from './ipam-profile.ts';
import seNetworkNoAddresses from './se-network-no-addresses.ts';
import sePoolBelowScale from './se-pool-below-scale.ts';
import managementAddressMissing from './management-address-missing.ts';
import vipOutsideNetwork from './vip-outside-network.ts';

export const aviRules: readonly Rule[] = [ipamProfile, seNetworkNoAddresses, sePoolBelowScale, managementAddressMissing, vipOutsideNetwork];
