import { defineRule } from '../../engine/rule.ts';
import { findOverlaps, type IntervalLike } from '../../addressIndex/index.ts';
import { cidrInterval, elementTarget, networksByDomain } from '../../queries/ipam.ts';
import type { Cidr } from '../../l3/addr.ts';

export default defineRule({
  meta: {
    id: 'ipam/subnet-overlap',
    severity: 'error',
    category: 'ipam',
    description: 'Two networks in one routing domain have overlapping subnets (equal, nested or partly shared).',
    docs: `### Why
Within one routing domain an address must belong to exactly one network. When two port groups, NSX-T segments or
client networks share addresses, a router or a Service Engine with a leg in both cannot tell where to deliver: the
longest prefix wins, so a nested subnet silently steals part of the larger one (a /24 inside seed 000's
192.168.32.0/20 takes those 256 addresses away from \`dp-mgmt-32\`), and an SE attaches to whichever registered
network it finds first. NSX-ALB treats every registered network as directly connected (seed 000), so an overlap also
confuses the SE's connected routes.

Port groups, NSX-T segments and client networks are in the \`default\` routing domain unless a different
\`routingDomain\` is set (segments always share the default one; an empty or blank \`routingDomain\` is not set, so it
is the default domain too); networks in different domains (separate VRFs) may
reuse address space. Nested subnets count as overlap.

### How to fix in Viplane
Select one of the two networks (port group, segment or workload network) and change its **Subnet** so that it no
longer overlaps the other. If the two networks really are separate routing domains (isolated VRFs), set a different
**Routing domain** on them instead.

Give each network its own, non-overlapping subnet, as in seed 000's lab (192.168.32.0/20, 192.168.48.0/22,
192.168.52.0/22 are adjacent, not overlapping). If the two networks really are separate routing domains (isolated
VRFs), set a different \`routingDomain\` on them. To use one subnet for several purposes, keep one network and give it
several ranges (seed 002's /24 example: VIPs and two workload ranges on one 192.168.120.0/24).

### Source
Seed 000 (NSX-ALB routing): three port groups routed by one L3 switch, each with its own subnet (L117-123); the SE
routes directly connected registered networks automatically (L93) and prefers a registered subnet over a next hop
(L247). Seed 002 notes one /24 carrying both VIPs and workload ranges is one network with several ranges (L21-31).`,
    seeds: ['000', '002'],
  },
  check({ model, report }) {
    for (const [domain, { networks }] of networksByDomain(model)) {
      if (networks.length < 2) continue;
      const intervals: IntervalLike[] = [];
      for (const n of networks) intervals.push(cidrInterval(n.subnet as Cidr));
      for (const { a, b, relation } of findOverlaps(intervals)) {
        const na = networks[a]!;
        const nb = networks[b]!;
        const how = relation === 'equal' ? 'has the same subnet as' : relation === 'contains' ? 'contains' : 'overlaps';
        report({
          message: `Network ${na.name} (${na.subnet!.text}) ${how} network ${nb.name} (${nb.subnet!.text}) in routing domain ${domain}`,
          targets: [elementTarget(model, na.id), elementTarget(model, nb.id)],
          data: { domain, relation, network: na.name, subnet: na.subnet!.text, otherNetwork: nb.name, otherSubnet: nb.subnet!.text },
        });
      }
    }
  },
});
