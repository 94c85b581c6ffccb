import type { Rule } from '../../engine/rule.ts';

export const securityRules: readonly Rule[] = [];
