import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { elementOf } from '../../queries/routing.ts';
import { elementTarget, rangeInterval } from '../../queries/ipam.ts';
import { pools } from '../ipam/pool-exhausted.ts';
import { poolCapacity } from '../../queries/capacity.ts';

/** Avi `buffer_se` default (formats.md §3.4): one spare SE kept ready in N+M (HA_MODE_SHARED) groups. */
export const BUFFER_SE = 1;

export default defineRule({
  meta: {
    id: 'avi/se-pool-below-scale',
    severity: 'warning',
    category: 'avi',
    description: "An SE pool holds the SE group's Service Engines but not the buffer SE it scales to.",
    docs: `### Why
An SE group sizes itself up to its maximum number of Service Engines (\`max_se\`, the SE group's **Service Engines** count
in Viplane) and, in the N+M mode \`HA_MODE_SHARED\`, keeps \`buffer_se\` (default 1) spare SEs ready for a
failover or a scale-out. Each of them takes one address on every network the group attaches to through a
pool. A pool that holds exactly the SE count (\`ipam/pool-exhausted\` is silent) runs out when the buffer SE is
created: the failover SE cannot attach and virtual services stay degraded after an SE failure.

Demand per pool: for each SE group with a pool-addressed NIC on the network, its SE count plus the buffer
SE when its HA mode is \`HA_MODE_SHARED\`, plus the pool's VIPs for an \`se-vip-pool\`. Capacity is counted as
in \`ipam/pool-exhausted\`.

### How to fix in Viplane
Select the network that holds the pool and widen its SE pool (or SE + VIP pool) range in **Address ranges** by at
least one address per SE group in the shared (N+M) **HA mode**, the buffer SE; or lower the SE group's **Service
Engines**.

### Source
Avi ServiceEngineGroup schema (vmware/alb-sdk \`swagger/ServiceEngineGroup.json\`): \`max_se\` (default 10)
and \`buffer_se\` (default 1), formats.md §3.4. Seed 000: SE interface IPs come from the network's pool (L85).`,
    seeds: ['000'],
  },
  check({ model, report }) {
    for (const pool of pools(model)) {
      if (pool.kind !== 'se' && pool.kind !== 'se-vip') continue;
      if (pool.ranges.length === 0 || pool.ranges.some((r) => !rangeInterval(r))) continue;
      let demand = 0;
      let buffer = 0;
      const groups: string[] = [];
      for (const d of pool.demand) {
        demand += d.count;
        const se = elementOf(model, d.id, 'seGroup');
        if (se && se.props.seCount > 0 && se.props.haMode === 'HA_MODE_SHARED') {
          buffer += BUFFER_SE;
          groups.push(se.id);
        }
      }
      if (buffer === 0) continue;
      // The one capacity definition ipam/pool-exhausted uses (queries/capacity.ts).
      const capacity = poolCapacity(model, pool.network, pool.ranges, 'pool');
      // Below the SE count itself it is ipam/pool-exhausted's error.
      if (demand > capacity || demand + buffer <= capacity) continue;
      const targets: Target[] = [elementTarget(model, pool.ownerId), ...pool.ranges.map((r) => ({ kind: 'range' as const, id: r.id }))];
      for (const id of groups) targets.push({ kind: 'seGroup', id });
      const names = groups.map((id) => model.elements.get(id)?.name ?? id);
      report({
        message: `SE pool on ${pool.network?.name ?? pool.ownerId} (${pool.ranges.map((r) => r.text).join(', ')}) has ${capacity} free addresses: enough for ${demand} but not for the buffer SE of ${names.join(', ')} (${demand + buffer} needed)`,
        targets,
        data: { capacity, demand, buffer, seGroups: names },
      });
    }
  },
});
