import { defineRule } from '../../engine/rule.ts';
import { akoController, type Of } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'ako/cluster-name-prefix',
    severity: 'warning',
    category: 'ako',
    description: "One AKO clusterName is a prefix of another's on the same NSX-ALB Controller.",
    docs: `### Why
AKO finds the objects it owns on the Controller by their names and labels, which start with its
\`clusterName\`. Up to AKO 1.9 it matched the VRF static routes of its cluster by *prefix*: with clusters
\`orange\` and \`orange-new\` on one Controller, a restart of the AKO of \`orange\` deleted the static routes of
\`orange-new\`, whose pods then became unreachable from the SEs. Later releases match exactly, but a name
that is a prefix of another stays a trap for every tool that selects objects by name prefix.

### How to fix in Viplane
Rename one of the clusters: select one of the AKO elements and change its **AKO cluster name** so that neither name
starts with the other (e.g. \`orange-prod\` and \`orange-new\`).

### Source
vmware/load-balancer-and-ingress-services-for-kubernetes PR #1108 "Resolve clustername overlap issue while
creating static route for cluster": "If two clusters with name \`orange\` and \`orange-new\` are syncing to
same Avicontroller, then rebooting AKO with clustername \`orange\` was deleting static routes of
\`orange-new\`" (AKO did a prefix match on the cluster name).`,
    seeds: [],
  },
  check({ model, report }) {
    // Controller -> clusterName -> its AKOs. Equal names are ako/cluster-name-duplicate's finding.
    const byController = new Map<string, Map<string, Of<'ako'>[]>>();
    for (const ako of model.ofKind('ako')) {
      const name = ako.props.clusterName.trim();
      const controllerId = akoController(model, ako);
      if (name === '' || controllerId === null) continue;
      let names = byController.get(controllerId);
      if (!names) byController.set(controllerId, (names = new Map()));
      const list = names.get(name);
      if (list) list.push(ako);
      else names.set(name, [ako]);
    }
    for (const [controllerId, names] of byController) {
      if (names.size < 2) continue;
      // Sorted, the names that start with a name follow it directly: each scan stops at the first that does not.
      const sorted = [...names.keys()].sort();
      const controller = model.elements.get(controllerId);
      for (let i = 0; i < sorted.length; i++) {
        const short = sorted[i]!;
        for (let j = i + 1; j < sorted.length && sorted[j]!.startsWith(short); j++) {
          const long = sorted[j]!;
          const akos = [...names.get(short)!, ...names.get(long)!];
          report({
            message: `AKO clusterName "${short}" is a prefix of "${long}" on Controller ${controller?.name ?? controllerId}; AKO releases that match routes by prefix delete the other cluster's static routes`,
            targets: [
              ...akos.map((a) => ({ kind: 'ako' as const, id: a.id })),
              ...(controller ? [{ kind: 'aviController' as const, id: controller.id }] : []),
            ],
            data: { prefix: short, name: long, controller: controller?.name ?? controllerId },
          });
        }
      }
    }
  },
});
