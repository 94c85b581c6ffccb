import type { Rule } from '../../engine/rule.ts';

export const tkgRules: readonly Rule[] = [];
