import { defineRule } from '../../engine/rule.ts';
import { insideLivePodCidr, livePodCidrsByTier1 } from '../../queries/nsxt.ts';
import { cidr } from '../../l3/addr.ts';

export default defineRule({
  meta: {
    id: 'nsxt/stale-routes',
    severity: 'info',
    category: 'nsxt',
    description: 'A Tier-1 static route points into no pod CIDR of a cluster routed by that Tier-1: left over from a deleted cluster.',
    docs: `### Why
With routable pods the vSphere cloud provider of each workload cluster adds a static route \`podCIDR -> node IP\` on
the Tier-1 for every node, and removes it when the node is scaled in. When the **cluster** is deleted, its routes stay
on the Tier-1: nothing removes them. They keep advertising the old pod CIDR to the Tier-0, and a new cluster that
reuses the CIDR inherits routes to next hops that no longer exist (or, worse, to another cluster's new nodes).

### How to fix in Viplane
Select the Tier-1 gateway and remove the listed routes from its **Static routes** once they are deleted in NSX (the
export's NSX-T clean-up list names them); or, if a route is meant to stay, add the cluster it belongs to with
**Routable pods Tier-1** set to this Tier-1.

In the vendor's tools: delete them in NSX Manager or with \`DELETE
/policy/api/v1/infra/tier-1s/<t1>/static-routes/<id>\`.

### Source
Seed 001 (TKG routable pods on NSX-T), L222: 「クラスター削除時は各ノードのStatic Routeは削除されないため手動でStatic Routeエントリを削除する必要があります」 — deleting a cluster does
not delete its nodes' static routes; they must be removed by hand. Routes count as live when they fall inside the
CLUSTER_CIDR of a routable-pods cluster on the same Tier-1, or inside the namespace network of a routed (NAT off)
vSphere namespace.`,
    seeds: ['001'],
  },
  check({ model, report }) {
    const tier1s = model.ofKind('nsxtTier1').filter((t) => t.props.staticRoutes.length > 0);
    if (tier1s.length === 0) return;
    const live = livePodCidrsByTier1(model);
    for (const t1 of tier1s) {
      const pods = live.get(t1.id);
      for (const route of t1.props.staticRoutes) {
        const prefix = cidr(route.prefix);
        if (!prefix || (pods && insideLivePodCidr(pods, prefix))) continue;
        report({
          message: `Static route ${route.prefix} -> ${route.nextHop ?? 'null'} on Tier-1 ${t1.name} is in no pod CIDR of a cluster routed by this Tier-1 (left by a deleted cluster?): remove it by hand`,
          targets: [
            { kind: 'nsxtTier1', id: t1.id },
            { kind: 'route', id: route.id },
          ],
          data: { tier1: t1.name, route: route.id, prefix: route.prefix, nextHop: route.nextHop },
        });
      }
    }
  },
});
