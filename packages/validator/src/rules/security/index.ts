import type { Rule } from '../../engine/rule.ts';
import singleNetwork from './single-network.ts';
import vipOnNodeNetwork from './vip-on-node-network.ts';
import apiVipExposed from './api-vip-exposed.ts';

export const securityRules: readonly Rule[] = [singleNetwork, vipOnNodeNetwork, apiVipExposed];
