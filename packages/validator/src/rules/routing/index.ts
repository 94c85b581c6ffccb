import type { Rule } from '../../engine/rule.ts';

export const routingRules: readonly Rule[] = [];
