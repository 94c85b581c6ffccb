import type { Rule } from '../../engine/rule.ts';

export const nsxtRules: readonly Rule[] = [];
