import { defineRule } from '../../engine/rule.ts';
import { isUnknown } from '../../unknown.ts';

export default defineRule({
  meta: {
    id: 'tkg/routable-pods-settings-missing',
    severity: 'error',
    category: 'tkg',
    description: 'A TKG cluster with NSX-T routable pods has no Tier-1 (NSXT_ROUTER_PATH) or no NSX Manager (NSXT_MANAGER_HOST).',
    docs: `### Why
With \`NSXT_POD_ROUTING_ENABLED: true\` the vSphere CPI adds one \`podCIDR -> node\` static route per node on
the Tier-1 named by \`NSXT_ROUTER_PATH\`, through the NSX Manager at \`NSXT_MANAGER_HOST\`. ytt refuses the
config without \`NSXT_MANAGER_HOST\`; without a Tier-1 the CPI has nowhere to add the routes and the pods are
unreachable.

### How to fix in Viplane
Select the TKG cluster and set **Routable pods Tier-1**; select that Tier-1 and set its **Tier-0 gateway**, and on
the Tier-0 the **NSX Manager** host.

### Source
formats.md §2.4: "\`NSXT_POD_ROUTING_ENABLED=true\` ⇒ \`NSXT_MANAGER_HOST\` non-empty … \`NSXT_ROUTER_PATH\` is not
checked by ytt but the CPI needs it". Seed 001 (routable pods on tanzu-cl1, L51-125).`,
    seeds: ['001'],
  },
  check(ctx) {
    const { model } = ctx;
    for (const c of model.ofKind('tkgCluster')) {
      const routable = c.props.routablePods;
      if (routable === null) continue;
      const tier1 = routable.tier1Id ? model.elements.get(routable.tier1Id) : undefined;
      if (tier1?.kind !== 'nsxtTier1') {
        if (isUnknown(c, 'routablePods.tier1Id')) continue;
        ctx.report({
          message: `Cluster ${c.name}: routable pods without a Tier-1 (NSXT_ROUTER_PATH): the vSphere CPI has nowhere to add pod routes`,
          targets: [{ kind: 'tkgCluster', id: c.id }],
          data: { cluster: c.name, setting: 'NSXT_ROUTER_PATH' },
        });
        continue;
      }
      const tier0 = tier1.props.tier0Id ? model.elements.get(tier1.props.tier0Id) : undefined;
      const manager = tier0?.kind === 'nsxtTier0' ? tier0.props.managerHost.trim() : '';
      // The Tier-0 (or its manager) unknown after an import: design/unknown-value asks for it.
      if (manager !== '' || isUnknown(tier1, 'tier0Id') || (tier0 && isUnknown(tier0, 'managerHost'))) continue;
      if (typeof c.extras?.['NSXT_MANAGER_HOST'] === 'string' && c.extras['NSXT_MANAGER_HOST'] !== '') continue;
      ctx.report({
        message: `Cluster ${c.name}: routable pods need NSXT_MANAGER_HOST, the NSX Manager of the Tier-0 behind Tier-1 ${tier1.name}; ${tier0 ? `Tier-0 ${tier0.name} has none` : `${tier1.name} has no Tier-0`}`,
        targets: [
          { kind: 'tkgCluster', id: c.id },
          { kind: 'nsxtTier1', id: tier1.id },
          ...(tier0?.kind === 'nsxtTier0' ? [{ kind: 'nsxtTier0' as const, id: tier0.id }] : []),
        ],
        data: { cluster: c.name, setting: 'NSXT_MANAGER_HOST' },
      });
    }
  },
});
