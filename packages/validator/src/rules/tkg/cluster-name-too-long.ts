import { defineRule } from '../../engine/rule.ts';

/** With NSX-ALB (AVI_ENABLE) the tanzu CLI allows cluster names of at most this many characters. */
export const TKG_AVI_NAME_MAX = 25;

export default defineRule({
  meta: {
    id: 'tkg/cluster-name-too-long',
    severity: 'error',
    category: 'tkg',
    description: 'A TKG cluster that uses NSX-ALB has a name longer than 25 characters.',
    docs: `### Why
With NSX-ALB (\`AVI_ENABLE: true\`) AKO names the Controller objects of a cluster after it (virtual services,
pools, VRF static routes with the cluster-name label); the tanzu CLI therefore limits the names of clusters
that use NSX-ALB to 25 characters and refuses longer ones.

### How to fix in Viplane
Select the TKG cluster and shorten its **name** to 25 characters or fewer — or, if the cluster should not
use NSX-ALB, clear its **NSX-ALB Controller**.

### Source
formats.md §2.4: "with \`AVI_ENABLE=true\` the name must be ≤ 25 chars (AKO limit)".`,
    seeds: [],
  },
  check(ctx) {
    for (const cluster of ctx.model.ofKind('tkgCluster')) {
      if (cluster.props.controllerId === null || cluster.name.length <= TKG_AVI_NAME_MAX) continue;
      ctx.report({
        message: `Cluster name "${cluster.name}" has ${cluster.name.length} characters; a cluster that uses NSX-ALB may have at most ${TKG_AVI_NAME_MAX}`,
        targets: [{ kind: 'tkgCluster', id: cluster.id }],
        data: { cluster: cluster.name, length: cluster.name.length, max: TKG_AVI_NAME_MAX },
      });
    }
  },
});
