import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { tier0Uplinks } from '../../queries/nsxt.ts';
import { isUnknown } from '../../unknown.ts';

export default defineRule({
  meta: {
    id: 'nsxt/t1-no-uplink',
    severity: 'error',
    category: 'nsxt',
    description: 'A Tier-1 gateway is not connected to a Tier-0, or its Tier-0 has no uplink to the existing network.',
    docs: `### Why
A Tier-1 only routes between its own segments. Everything that leaves them — node traffic to vCenter and the NSX-ALB
Controller, clients reaching LoadBalancer VIPs, and with routable pods the advertised pod routes — goes up to the
Tier-0 and out through the Tier-0's uplink to the existing physical network. A Tier-1 with no Tier-0 (no
\`tier0_path\`), or a Tier-0 with no uplink interface, leaves the clusters behind it cut off.

### How to fix in Viplane
Select the Tier-1 gateway and set its **Tier-0 gateway**, and give that Tier-0 an \`uplink\` interface on the
existing network, a VLAN segment towards the physical routers (select the Tier-0, **Interfaces → Add interface**;
or drag its **Uplink** handle onto the segment). Exported as the Tier-1's \`tier0_path\`.

In the vendor's tools: "Linked Tier-0 Gateway" of the Tier-1 in NSX Manager.

### Source
Seed 001 (TKG routable pods on NSX-T), L32-34: connect the Tier-0 gateway to the existing network; create the Tier-1 for
the Tanzu Kubernetes clusters and connect it to the Tier-0.`,
    seeds: ['001'],
  },
  check({ model, report }) {
    const uplinks = tier0Uplinks(model);
    for (const t1 of model.ofKind('nsxtTier1')) {
      // Imported from a NSXT_ROUTER_PATH: which Tier-0 is a question (design/unknown-value), not a mistake.
      if (isUnknown(t1, 'tier0Id')) continue;
      const t0Id = t1.props.tier0Id;
      const t0 = t0Id === null ? undefined : model.elements.get(t0Id);
      if (!t0 || t0.kind !== 'nsxtTier0') {
        report({
          message: `Tier-1 ${t1.name} is not connected to a Tier-0 gateway, so its segments and routes never reach the existing network`,
          targets: [{ kind: 'nsxtTier1', id: t1.id }],
          data: { tier1: t1.name, tier0: null },
        });
        continue;
      }
      if ((uplinks.get(t0.id) ?? []).length > 0) continue;
      const targets: Target[] = [
        { kind: 'nsxtTier1', id: t1.id },
        { kind: 'nsxtTier0', id: t0.id },
      ];
      report({
        message: `Tier-0 ${t0.name} of Tier-1 ${t1.name} has no uplink interface to the existing network`,
        targets,
        data: { tier1: t1.name, tier0: t0.name },
      });
    }
  },
});
