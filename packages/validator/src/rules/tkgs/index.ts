import type { Rule } from '../../engine/rule.ts';
import routedPodsCidrSet from './routed-pods-cidr-set.ts';

export const tkgsRules: readonly Rule[] = [routedPodsCidrSet];
