import { defineRule } from '../../engine/rule.ts';
import { isUnknown } from '../../unknown.ts';

export default defineRule({
  meta: {
    id: 'tkg/routable-pods-need-antrea',
    severity: 'warning',
    category: 'tkg',
    description: 'A TKG cluster with NSX-T routable pods runs a CNI other than Antrea.',
    docs: `### Why
TKG's routable pods switch Antrea to noEncap / noSNAT so that pod addresses appear on the node segment and the
Tier-1's \`podCIDR -> node\` routes lead to them. With another CNI nothing makes that switch: pods stay behind
the CNI's overlay and SNAT, and the Tier-1 routes lead nowhere useful.

### How to fix in Viplane
Select the TKG cluster and set **CNI** to antrea, or turn **Routable pods** off.

### Source
Seed 001 (TKG routable pods with Antrea, L51-125); formats.md §2.2 (\`NSXT_POD_ROUTING_ENABLED\`).`,
    seeds: ['001'],
  },
  check(ctx) {
    for (const c of ctx.model.ofKind('tkgCluster')) {
      if (c.props.routablePods === null || c.props.cni === 'antrea' || isUnknown(c, 'cni')) continue;
      ctx.report({
        message: `Cluster ${c.name}: routable pods switch Antrea to noEncap/noSNAT; with CNI "${c.props.cni}" nothing does`,
        targets: [{ kind: 'tkgCluster', id: c.id }],
        data: { cluster: c.name, cni: c.props.cni },
      });
    }
  },
});
