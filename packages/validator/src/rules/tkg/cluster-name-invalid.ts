import { defineRule } from '../../engine/rule.ts';

/** The vSphere cluster-name rule the tanzu CLI applies (formats.md §2.4). */
export const TKG_CLUSTER_NAME = /^[a-z0-9][a-z0-9-.]{0,61}[a-z0-9]$/;

export default defineRule({
  meta: {
    id: 'tkg/cluster-name-invalid',
    severity: 'error',
    category: 'tkg',
    description: 'A TKG cluster name breaks the tanzu CLI’s naming rule (lowercase letters, digits, "-" and ".", 2-63 characters).',
    docs: `### Why
The cluster name (\`CLUSTER_NAME\`) becomes the name of vSphere and Kubernetes objects; the tanzu CLI checks it
against \`^[a-z0-9][a-z0-9-.]{0,61}[a-z0-9]$\` and refuses anything else (capitals, "_", a leading or trailing
"-", one character, more than 63).

### How to fix in Viplane
Select the TKG cluster and rename it (the element's **name**) to lowercase letters, digits, "-" and ".",
starting and ending with a letter or digit.

### Source
formats.md §2.4: "Cluster name regex (vSphere): \`^[a-z0-9][a-z0-9-.]{0,61}[a-z0-9]$\`". Seed 001's clusters
\`mgmt\`, \`cl1\` (L51-125).`,
    seeds: ['001'],
  },
  check(ctx) {
    for (const cluster of ctx.model.ofKind('tkgCluster')) {
      if (TKG_CLUSTER_NAME.test(cluster.name)) continue;
      ctx.report({
        message: `Cluster name "${cluster.name}" is not one the tanzu CLI accepts (lowercase letters, digits, "-" and ".", 2-63 characters, a letter or digit at both ends)`,
        targets: [{ kind: 'tkgCluster', id: cluster.id }],
        data: { cluster: cluster.name },
      });
    }
  },
});
