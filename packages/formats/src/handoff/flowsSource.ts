/**
 * Where the handoff's firewall matrix and L2 requirements come from: every caller (CLI, server,
 * bundle) gets them through this one function.
 */
import type { TopologyDocument } from '@viplane/model';
import type { HandoffFlows } from './types.ts';

export function handoffFlows(document: TopologyDocument): HandoffFlows {
  void document;
  // integration point: replaced by designFlows(doc) from @viplane/validator
  return { matrix: [], l2: [] };
}
