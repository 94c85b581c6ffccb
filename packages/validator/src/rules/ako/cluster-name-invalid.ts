import { defineRule } from '../../engine/rule.ts';

/** AKO's clusterName rule (internal/lib/lib.go). */
export const AKO_CLUSTER_NAME = /^[a-zA-Z0-9-_]+$/;

export default defineRule({
  meta: {
    id: 'ako/cluster-name-invalid',
    severity: 'error',
    category: 'ako',
    description: 'An AKO clusterName with characters AKO refuses (only letters, digits, "-" and "_").',
    docs: `### Why
AKO names every Controller object after \`AKOSettings.clusterName\` and refuses to start when the name has any
character other than letters, digits, "-" and "_" (a "." or a space stops it at startup).

### How to fix in Viplane
Select the AKO element and change **AKO cluster name** to letters, digits, "-" and "_" only.

### Source
formats.md §4 (AKO values validation): "\`clusterName\` non-empty and \`^[a-zA-Z0-9-_]*$\`" (AKO
internal/lib/lib.go); seed 003 values.yaml \`clusterName: "avi-cluster"\` (L115).`,
    seeds: ['003'],
  },
  check(ctx) {
    for (const ako of ctx.model.ofKind('ako')) {
      const name = ako.props.clusterName;
      // Empty: unknown or not set (the cluster's name is used); under TKG the AKO operator names it.
      if (name === '' || AKO_CLUSTER_NAME.test(name)) continue;
      const cluster = ako.props.clusterId ? ctx.model.elements.get(ako.props.clusterId) : undefined;
      if (cluster?.kind === 'tkgCluster') continue;
      ctx.report({
        message: `AKO ${ako.name}: clusterName "${name}" may use only letters, digits, "-" and "_"; AKO refuses to start`,
        targets: [{ kind: 'ako', id: ako.id }],
        data: { ako: ako.name, clusterName: name },
      });
    }
  },
});
