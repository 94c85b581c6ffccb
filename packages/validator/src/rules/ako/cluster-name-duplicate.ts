import { defineRule } from '../../engine/rule.ts';
import { akoController, type Of } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'ako/cluster-name-duplicate',
    severity: 'error',
    category: 'ako',
    description: 'Two AKO instances with the same clusterName on one NSX-ALB Controller.',
    docs: `### Why
\`AKOSettings.clusterName\` is "a unique identifier for the kubernetes cluster". AKO names every object it
creates on the Controller after it (virtual services \`<clusterName>--<namespace>-<service>\`, pools,
static routes labelled \`clustername=<clusterName>\`) and treats objects carrying its name as its own. Two
clusters with the same name on one Controller overwrite and delete each other's virtual services and
VRF static routes.

### How to fix in Viplane
Select one of the AKO elements and change its **AKO cluster name** so that every AKO talking to the
same Controller has its own (exported as \`AKOSettings.clusterName\`).

### Source
Seed 003 (AKO), values.yaml: \`clusterName: "avi-cluster"  # A unique identifier for the kubernetes
cluster\` (L115); virtual service naming \`<cluster name>--<namespace>-<service>\` (L173).`,
    seeds: ['003'],
  },
  check(ctx) {
    const { model } = ctx;
    const groups = new Map<string, { controllerId: string; name: string; akos: Of<'ako'>[] }>();
    for (const ako of model.ofKind('ako')) {
      const name = ako.props.clusterName.trim();
      const controllerId = akoController(model, ako);
      if (name === '' || controllerId === null) continue;
      const key = `${controllerId}\u0000${name}`;
      const group = groups.get(key);
      if (group) group.akos.push(ako);
      else groups.set(key, { controllerId, name, akos: [ako] });
    }
    for (const { controllerId, name, akos } of groups.values()) {
      if (akos.length < 2) continue;
      const controller = model.elements.get(controllerId);
      const clusters = akos.map((a) => (a.props.clusterId ? model.elements.get(a.props.clusterId)?.name : undefined) ?? a.name);
      ctx.report({
        message: `clusterName "${name}" is used by ${akos.length} AKO instances on Controller ${controller?.name ?? controllerId} (clusters ${clusters.join(', ')}); each cluster needs its own`,
        targets: [
          ...akos.map((a) => ({ kind: 'ako' as const, id: a.id })),
          ...(controller ? [{ kind: 'aviController' as const, id: controller.id }] : []),
        ],
        data: { clusterName: name, controller: controller?.name ?? controllerId, clusters },
      });
    }
  },
});
