import { defineRule } from '../../engine/rule.ts';
import { isUnknown } from '../../unknown.ts';

/** The CNIs the TKG Service offers a TanzuKubernetesCluster (formats.md §7). */
const TKC_CNIS = new Set(['antrea', 'calico', 'antrea-nsx-routed']);

export default defineRule({
  meta: {
    id: 'tkgs/tkc-cni-unsupported',
    severity: 'error',
    category: 'tkgs',
    description: 'A TanzuKubernetesCluster with a CNI the TKG Service does not offer (only antrea, calico, antrea-nsx-routed).',
    docs: `### Why
The TKG Service installs the cluster's CNI itself and offers three: \`antrea\`, \`calico\` and, on an NSX Supervisor,
\`antrea-nsx-routed\` (\`spec.settings.network.cni.name\`). Any other name is not installed: the nodes never become
Ready.

### How to fix in Viplane
Select the TKC element and set **CNI** to antrea, calico or antrea-nsx-routed.

### Source
formats.md §7: "\`cni: {name: antrea}\` # name required if cni present: antrea | calico | antrea-nsx-routed".`,
    seeds: [],
  },
  check(ctx) {
    for (const tkc of ctx.model.ofKind('tkc')) {
      if (TKC_CNIS.has(tkc.props.cni) || isUnknown(tkc, 'cni')) continue;
      ctx.report({
        message: `TKC ${tkc.name}: CNI "${tkc.props.cni}" is not one the TKG Service offers (antrea, calico, antrea-nsx-routed)`,
        targets: [{ kind: 'tkc', id: tkc.id }],
        data: { tkc: tkc.name, cni: tkc.props.cni },
      });
    }
  },
});
