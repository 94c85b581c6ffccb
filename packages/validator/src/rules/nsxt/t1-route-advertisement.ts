import { defineRule } from '../../engine/rule.ts';
import { isUnknown } from '../../unknown.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { routableClusters, type Tier1Element } from '../../queries/nsxt.ts';

const REQUIRED = [
  { type: 'TIER1_STATIC_ROUTES', label: 'All Static Routes', why: 'the pod routes' },
  { type: 'TIER1_CONNECTED', label: 'All Connected Segments & Service Ports', why: 'the node segment' },
] as const;

export default defineRule({
  meta: {
    id: 'nsxt/t1-route-advertisement',
    severity: 'error',
    category: 'nsxt',
    description:
      'The Tier-1 of a routable-pods cluster does not advertise its static routes (pod CIDRs) or its connected segments (nodes).',
    docs: `### Why
With routable pods the vSphere cloud provider adds one static route \`podCIDR -> node IP\` per node on the cluster's
Tier-1. Those routes only reach the Tier-0 — and from there the existing network — when the Tier-1 advertises
**All Static Routes** (\`TIER1_STATIC_ROUTES\`). The node segment itself (node IPs, the next hops of those routes, the
kube-vip endpoint) is only known upstream when the Tier-1 advertises **All Connected Segments & Service Ports**
(\`TIER1_CONNECTED\`). Without them pods or nodes are unreachable from outside the Tier-1, which defeats routable pods.

### How to fix in Viplane
Select the Tier-1 gateway named by the cluster's **Routable pods Tier-1** and tick \`TIER1_STATIC_ROUTES\` and
\`TIER1_CONNECTED\` in its **Route advertisement**.

In the vendor's tools: "All Static Routes" and "All Connected Segments & Service Ports" in NSX Manager,
\`route_advertisement_types\` in the Policy API.

### Source
Seed 001 (TKG routable pods on NSX-T), L33-35: the Tier-1 for the clusters is connected to the Tier-0 and its route
advertisement enables 「すべてのスタティックルート」 and 「接続されている全てのセグメントおよびサービスポート」; L43: the pod
routes added on the T1 are advertised to the T0 and so reach external networks.`,
    seeds: ['001'],
  },
  check({ model, report }) {
    const byTier1 = new Map<string, { tier1: Tier1Element; clusters: string[]; names: string[] }>();
    for (const { cluster, tier1 } of routableClusters(model)) {
      if (!tier1) continue;
      let entry = byTier1.get(tier1.id);
      if (!entry) byTier1.set(tier1.id, (entry = { tier1, clusters: [], names: [] }));
      entry.clusters.push(cluster.id);
      entry.names.push(cluster.name);
    }
    for (const { tier1, clusters, names } of byTier1.values()) {
      if (isUnknown(tier1, 'routeAdvertisement')) continue;
      const missing = REQUIRED.filter((r) => !tier1.props.routeAdvertisement.includes(r.type));
      if (missing.length === 0) continue;
      const targets: Target[] = [{ kind: 'nsxtTier1', id: tier1.id }, ...clusters.map((id) => ({ kind: 'tkgCluster' as const, id }))];
      report({
        message: `Tier-1 ${tier1.name} routes the pods of ${names.join(', ')} but does not advertise ${missing
          .map((m) => `"${m.label}" (${m.type}, ${m.why})`)
          .join(' or ')} to the Tier-0`,
        targets,
        data: { tier1: tier1.name, missing: missing.map((m) => m.type), advertised: [...tier1.props.routeAdvertisement], clusters: names },
      });
    }
  },
});
