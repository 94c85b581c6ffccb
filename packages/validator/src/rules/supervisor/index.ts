import type { Rule } from '../../engine/rule.ts';

export const supervisorRules: readonly Rule[] = [];
