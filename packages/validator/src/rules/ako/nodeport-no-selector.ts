import { defineRule } from '../../engine/rule.ts';

export default defineRule({
  meta: {
    id: 'ako/nodeport-no-selector',
    severity: 'warning',
    category: 'ako',
    description: 'AKO in NodePort mode without nodeSelectorLabels: every node becomes a pool member.',
    docs: `### Why
In NodePort mode the pool members of each virtual service are \`<node IP>:<nodePort>\`. AKO picks the
nodes by the label given in \`nodeSelectorLabels.key\` / \`.value\` at install time (the nodes must carry
that label). Without a selector every node of the cluster, control-plane nodes included, is added to every
pool: health monitors multiply, traffic lands on nodes that should not carry it, and any node
maintenance drains through the load balancer.

AKO instances of TKG clusters are deployed by TKG's AKO operator, which exposes no node selector (seed 001),
so they are not checked.

### How to fix in Viplane
Select the AKO element and fill **Node selector labels** with the key and value of the nodes meant to
carry ingress traffic (exported as \`nodeSelectorLabels\` / \`nodePortSelector\`); label those nodes accordingly.

### Source
Seed 003 (AKO): "nodeSelectorLabels.key and nodeSelectorLabels.value are specified during AKO installation
to select the nodes used for load balancing; the nodes must be labelled with that key/value pair" (L45).`,
    seeds: ['003'],
  },
  check(ctx) {
    const { model } = ctx;
    for (const ako of model.ofKind('ako')) {
      if (ako.props.mode !== 'nodeport') continue;
      const cluster = ako.props.clusterId ? model.elements.get(ako.props.clusterId) : undefined;
      if (cluster?.kind === 'tkgCluster') continue;
      if (Object.keys(ako.props.nodeSelectorLabels).some((k) => k.trim() !== '')) continue;
      ctx.report({
        message: `AKO ${ako.props.clusterName || ako.name} uses NodePort mode without nodeSelectorLabels, so every node of ${cluster?.name ?? 'the cluster'} becomes a pool member`,
        targets: [{ kind: 'ako', id: ako.id }, ...(cluster ? [{ kind: cluster.kind, id: cluster.id }] : [])],
        data: { ako: ako.props.clusterName, cluster: cluster?.name ?? null },
      });
    }
  },
});
