import type { Rule } from '../../engine/rule.ts';
import unknownValue from './unknown-value.ts';

export const designRules: readonly Rule[] = [unknownValue];
