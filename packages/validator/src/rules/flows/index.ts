import type { Rule } from '../../engine/rule.ts';
import invalidFilterRule from './invalid-filter-rule.ts';
import requiredFlowBlocked from './required-flow-blocked.ts';
import requiredFlowUnrouted from './required-flow-unrouted.ts';
import ruleShadowed from './rule-shadowed.ts';

export const flowsRules: readonly Rule[] = [invalidFilterRule, requiredFlowBlocked, requiredFlowUnrouted, ruleShadowed];
