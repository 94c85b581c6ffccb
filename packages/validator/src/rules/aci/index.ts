import type { Rule } from '../../engine/rule.ts';

export const aciRules: readonly Rule[] = [];
