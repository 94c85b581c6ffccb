import { defineRule } from '../../engine/rule.ts';
import { isUnknown } from '../../unknown.ts';

/** CNIs whose pods AKO can address by NodePortLocal (Antrea's NPL feature). */
const NPL_CNIS = new Set(['antrea', 'antrea-nsx-routed']);

export default defineRule({
  meta: {
    id: 'ako/nodeportlocal-needs-antrea',
    severity: 'error',
    category: 'ako',
    description: 'AKO in NodePortLocal mode on a cluster whose CNI is not Antrea.',
    docs: `### Why
NodePortLocal is an Antrea feature: Antrea opens a port per pod on its node and annotates the pod, and AKO
(\`serviceType: NodePortLocal\`, \`cniPlugin: antrea\`) makes those node:port pairs the pool members. With any
other CNI no pod gets the annotation, the pools stay empty and every virtual service is down.

### How to fix in Viplane
Select the AKO element and change its **Mode** to \`static-route\`, \`nodeport\` or \`routable\`, or select its cluster and
set **CNI** to antrea.

### Source
formats.md §4 (AKO values validation): "\`serviceType: NodePortLocal\` ⇒ \`cniPlugin\` must be \`antrea\`"; §2.2:
the Antrea knob \`ANTREA_NODEPORTLOCAL\` that TKG's Antrea enables for NSX-ALB. Seed 003 (AKO modes, L22: the
supported CNIs).`,
    seeds: ['003'],
  },
  check(ctx) {
    const { model } = ctx;
    for (const ako of model.ofKind('ako')) {
      if (ako.props.mode !== 'nodeportlocal' || isUnknown(ako, 'mode')) continue;
      const cluster = ako.props.clusterId ? model.elements.get(ako.props.clusterId) : undefined;
      if (!cluster || (cluster.kind !== 'tkgCluster' && cluster.kind !== 'k8sCluster' && cluster.kind !== 'tkc')) continue;
      if (NPL_CNIS.has(cluster.props.cni) || isUnknown(cluster, 'cni')) continue;
      ctx.report({
        message: `AKO ${ako.name}: NodePortLocal needs Antrea, but cluster ${cluster.name} runs CNI "${cluster.props.cni}"; the pools would stay empty`,
        targets: [
          { kind: 'ako', id: ako.id },
          { kind: cluster.kind, id: cluster.id },
        ],
        data: { ako: ako.name, cluster: cluster.name, cni: cluster.props.cni },
      });
    }
  },
});
