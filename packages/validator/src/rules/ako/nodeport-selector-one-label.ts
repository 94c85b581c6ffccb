import { defineRule } from '../../engine/rule.ts';

export default defineRule({
  meta: {
    id: 'ako/nodeport-selector-one-label',
    severity: 'warning',
    category: 'ako',
    description: 'AKO in NodePort mode with more than one node selector label: AKO takes one key and one value.',
    docs: `### Why
AKO's node selector for NodePort pools is one label: \`nodePortSelector.key\` and \`nodePortSelector.value\`
(\`nodeSelectorLabels\` in older charts). A design that lists several labels cannot be written to the chart: only one
of them reaches AKO (the first by name), so the pools get every node carrying that one label, not the nodes that carry
all of them.

### How to fix in Viplane
Select the AKO element and keep one entry in **Node selector labels** (label the intended nodes with it).

### Source
Seed 003 (AKO): "nodeSelectorLabels.key and nodeSelectorLabels.value are specified during AKO installation" (L45);
formats.md §4 (AKO values: \`nodePortSelector: {key, value}\`).`,
    seeds: ['003'],
  },
  check(ctx) {
    const { model } = ctx;
    for (const ako of model.ofKind('ako')) {
      if (ako.props.mode !== 'nodeport') continue;
      const cluster = ako.props.clusterId ? model.elements.get(ako.props.clusterId) : undefined;
      // TKG's AKO operator exposes no node selector at all (ako/nodeport-no-selector explains).
      if (cluster?.kind === 'tkgCluster') continue;
      const labels = Object.keys(ako.props.nodeSelectorLabels).sort();
      if (labels.length <= 1) continue;
      ctx.report({
        message: `AKO ${ako.props.clusterName || ako.name}: NodePort takes one node selector label; ${labels.length} are set (${labels.join(', ')}), only "${labels[0]}" reaches AKO`,
        targets: [{ kind: 'ako', id: ako.id }],
        data: { ako: ako.props.clusterName, labels, used: labels[0] },
      });
    }
  },
});
