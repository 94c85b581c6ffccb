import type { Rule } from '../../engine/rule.ts';
import ruleFailed from './rule-failed.ts';

export const internalRules: readonly Rule[] = [ruleFailed];
