import type { Rule } from '../../engine/rule.ts';

export const tkgsRules: readonly Rule[] = [];
