import { defineRule } from '../../engine/rule.ts';
import { findOverlaps, type IntervalLike } from '../../addressIndex/index.ts';
import { capitalize, elementName, purposeLabel, rangesByDomain, rangeTargets, uniqueTargets, type RangeEntry } from '../../queries/ipam.ts';

export default defineRule({
  meta: {
    id: 'ipam/range-overlap',
    severity: 'error',
    category: 'ipam',
    description: 'Two address ranges on one network share addresses (pools, VIP ranges, workload ranges, DHCP scopes).',
    docs: `### Why
Each range on a network is handed out by its own allocator: the NSX-ALB Controller for SE and VIP pools, a DHCP server
for node scopes, the Supervisor for workload ranges, the HAProxy appliance for its VIP CIDRs. Two allocators that share
addresses will give the same address to two machines. HAProxy is the extreme case: it answers **every** address of its
VIP CIDR (AnyIP), so a Supervisor VM or TKC node given an address there becomes unreachable for anything but VIP
traffic. Seed 002 says the workload ranges must not overlap the VIP range and each workload network must have a unique
range.

Ranges count as one network's ranges when they are declared on the network itself or on something attached to it
(Supervisor workload networks on their port group, HAProxy VIP CIDRs on the network that holds them). An NSX-ALB
\`se-vip-pool\` is one pool for both SE interfaces and VIPs, not two overlapping pools. \`reserved\` ranges mark addresses
kept out of use (an exclusion inside a pool is normal) and are not checked. Overlaps across different networks are
\`ipam/subnet-overlap\`'s finding.

### How to fix in Viplane
Select the network (port group, segment or workload network) named in the message and edit its **Address ranges** (or
the HAProxy appliance's **VIP ranges**) so that no two ranges share an address.

Split the addresses: in seed 002's /24 example the VIPs take 192.168.120.128/25 and the workload ranges come from the
first half (192.168.120.31-40 for the primary workload network, .51-.60 for another); in seed 000 the SE pool, the VIP
pool and the node DHCP scope of a port group are separate blocks.

### Source
Seed 002 (vSphere with Tanzu + HAProxy), L17-19 and L31: the VIP range is reserved entirely for VIPs; "each workload
network configured for a namespace must have a unique IP range"; workload ranges must not overlap the HAProxy VIP range.
Seed 000 (NSX-ALB): SE interface IPs and VIPs come from the pool of each network (L85).`,
    seeds: ['002', '000'],
  },
  check({ model, report }) {
    for (const { entries } of rangesByDomain(model).values()) {
      // Plain loops: a callback per domain here was re-optimized on every validation.
      const active: RangeEntry[] = [];
      const intervals: IntervalLike[] = [];
      for (const e of entries)
        if (e.range.purpose !== 'reserved') {
          active.push(e);
          intervals.push(e.iv);
        }
      if (active.length < 2) continue;
      for (const { a, b, relation } of findOverlaps(intervals)) {
        const ea = active[a]!;
        const eb = active[b]!;
        if (ea.network.id !== eb.network.id) continue;
        const ra = ea.range;
        const rb = eb.range;
        const how = relation === 'equal' ? 'is the same as' : relation === 'contains' ? 'contains' : 'overlaps';
        report({
          message: `${capitalize(purposeLabel(ra.purpose))} ${ra.text} of ${elementName(model, ra.ownerId)} ${how} ${purposeLabel(rb.purpose)} ${rb.text} of ${elementName(model, rb.ownerId)} on network ${ea.network.name}`,
          targets: uniqueTargets([...rangeTargets(model, ra), ...rangeTargets(model, rb)]),
          data: { network: ea.network.name, relation, range: ra.text, purpose: ra.purpose, otherRange: rb.text, otherPurpose: rb.purpose },
        });
      }
    }
  },
});
