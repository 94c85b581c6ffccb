import type { Rule } from '../../engine/rule.ts';

export const ipamRules: readonly Rule[] = [];
