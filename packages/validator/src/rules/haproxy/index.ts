import type { Rule } from '../../engine/rule.ts';

export const haproxyRules: readonly Rule[] = [];
