/**
 * Every rule, by category. Each category folder has an index.ts listing its modules; the
 * catalogue self-test checks this list against CATALOGUE (domain.md §7).
 */
import type { Rule } from '../engine/rule.ts';
import { ipamRules } from './ipam/index.ts';
import { routingRules } from './routing/index.ts';
import { securityRules } from './security/index.ts';
import { tkgRules } from './tkg/index.ts';
import { akoRules } from './ako/index.ts';
import { aviRules } from './avi/index.ts';
import { k8sRules } from './k8s/index.ts';
import { nsxtRules } from './nsxt/index.ts';
import { tkgsRules } from './tkgs/index.ts';
import { haproxyRules } from './haproxy/index.ts';
import { supervisorRules } from './supervisor/index.ts';
import { aciRules } from './aci/index.ts';
import { flowsRules } from './flows/index.ts';
import { designRules } from './design/index.ts';
import { internalRules } from './internal/index.ts';

export const rules: readonly Rule[] = [
  ...ipamRules,
  ...routingRules,
  ...securityRules,
  ...tkgRules,
  ...akoRules,
  ...aviRules,
  ...k8sRules,
  ...nsxtRules,
  ...tkgsRules,
  ...haproxyRules,
  ...supervisorRules,
  ...aciRules,
  ...flowsRules,
  ...designRules,
  ...internalRules,
];
