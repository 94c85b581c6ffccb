import { defineRule } from '../../engine/rule.ts';

export default defineRule({
  meta: {
    id: 'tkg/cidr-family-mismatch',
    severity: 'error',
    category: 'tkg',
    description: 'A TKG cluster’s pod CIDR (CLUSTER_CIDR) and service CIDR (SERVICE_CIDR) are of different IP families.',
    docs: `### Why
The tanzu CLI parses every \`CLUSTER_CIDR\` and \`SERVICE_CIDR\` entry as a CIDR of the family in
\`TKG_IP_FAMILY\`: a single-stack cluster with an IPv4 pod CIDR and an IPv6 service CIDR (or the reverse)
is refused.

### How to fix in Viplane
Select the TKG cluster and make **Pod CIDR** and **Service CIDR** the same family (IPv4 defaults:
100.96.0.0/11 and 100.64.0.0/13; IPv6: fd00:100:96::/48 and fd00:100:64::/108).

### Source
formats.md §2.4: "\`CLUSTER_CIDR\` / \`SERVICE_CIDR\`: each comma element must parse as a CIDR of the family in
\`TKG_IP_FAMILY\`".`,
    seeds: [],
  },
  check(ctx) {
    const { model } = ctx;
    for (const c of model.clusters) {
      if (c.kind !== 'tkgCluster') continue;
      const pod = c.podCidrs[0]?.cidr;
      const svc = c.serviceCidrs[0]?.cidr;
      if (!pod || !svc || pod.family === svc.family) continue;
      ctx.report({
        message: `Cluster ${c.name}: pod CIDR ${c.podCidrs[0]!.text} (IPv${pod.family}) and service CIDR ${c.serviceCidrs[0]!.text} (IPv${svc.family}) are of different IP families`,
        targets: [{ kind: 'tkgCluster', id: c.id }],
        data: { cluster: c.name, podCidr: c.podCidrs[0]!.text, serviceCidr: c.serviceCidrs[0]!.text },
      });
    }
  },
});
