/**
 * Where the handoff's firewall matrix and L2 requirements come from: every caller (CLI, server,
 * bundle) gets them through this one function, from the validator's flow derivation.
 */
import type { TopologyDocument } from '@viplane/model';
import { designFlows } from '@viplane/validator';
import type { HandoffFlows } from './types.ts';

export function handoffFlows(document: TopologyDocument): HandoffFlows {
  const { matrix, l2 } = designFlows(document);
  return { matrix, l2 };
}
