import type { Rule } from '../../engine/rule.ts';

export const akoRules: readonly Rule[] = [];
