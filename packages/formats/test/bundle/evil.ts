/** A design whose names try to inject markup and CSV: every output must show them as text. */
import type { TopologyDocument } from '@viplane/model';
import { getTemplate } from '@viplane/templates';

export const EVIL = '<script>alert(1)</script> & "x"';

/** seed000-3net-alb with the design, the SE group, a port group, a VS and a cluster named EVIL. */
export function evilDocument(): TopologyDocument {
  const doc = getTemplate('seed000-3net-alb')!.build();
  doc.name = EVIL;
  doc.description = `${EVIL}\nsecond line`;
  for (const el of doc.elements)
    if (['se-group-default', 'dp-data-48', 'vs-nginx', 'workload-cluster-1', 'l3-switch'].includes(el.id)) el.name = EVIL;
  return doc;
}
