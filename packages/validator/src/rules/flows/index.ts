import type { Rule } from '../../engine/rule.ts';
import requiredFlowBlocked from './required-flow-blocked.ts';
import requiredFlowUnrouted from './required-flow-unrouted.ts';
import ruleShadowed from './rule-shadowed.ts';

export const flowsRules: readonly Rule[] = [requiredFlowBlocked, requiredFlowUnrouted, ruleShadowed];
