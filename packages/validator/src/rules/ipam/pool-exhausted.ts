import type { Suggestion } from '../../fixes/edit.ts';
import { growRangeEnd } from '../../fixes/freeAddress.ts';
import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import type { L3Model, L3Network, L3Range } from '../../l3/model.ts';
import { elementTarget, propsField, rangeInterval } from '../../queries/ipam.ts';
import { poolCapacity } from '../../queries/capacity.ts';

/** Above this share of the capacity the pool is reported as a warning. */
export const WARN_RATIO = 0.8;
/** Supervisor control-plane VMs taken from the primary workload network's range (seed 002 L12). */
const SUPERVISOR_CP_DEFAULT = 3;

export interface Demand {
  id: string;
  name: string;
  count: number;
}

export interface Pool {
  /** What the addresses are for, in the message: `NSX-ALB VIP pool`, `DHCP scope / node range`. */
  what: string;
  kind: 'se' | 'vip' | 'se-vip' | 'nodes' | 'workload' | 'haproxy-vip';
  /** The element the pool belongs to (network, workload network, HAProxy) - first target. */
  ownerId: string;
  network: L3Network | undefined;
  ranges: L3Range[];
  demand: Demand[];
  /** Skip when the capacity is below this (another rule owns that finding). */
  deferBelow?: number;
}

export default defineRule({
  meta: {
    id: 'ipam/pool-exhausted',
    severity: 'error',
    category: 'ipam',
    description: 'A pool, DHCP scope or workload range has fewer free addresses than the design needs (warning above 80 %).',
    docs: `### Why
Every SE interface, VIP, node and Supervisor VM takes an address from a range when it is created. When the range runs
out, the next one fails: an SE cannot add its NIC, a LoadBalancer service stays \`<pending>\`, a cluster cannot scale
or - because a rolling upgrade creates one extra node first - cannot even be upgraded. Above 80 % the design still
works but has no room to grow.

Demand, per kind of range on a network:
- **DHCP scope / node range**: control plane + workers + 1 upgrade surge node for every TKG cluster whose node
  network it is, dynamically addressed nodes of other clusters, NICs in DHCP mode (an SE group takes one per SE), and
  SE interfaces when the network has no SE pool but runs DHCP.
- **Supervisor workload range** (per workload network): the Supervisor's 3 control-plane VMs on the primary workload
  network, plus control plane + workers + 1 for every TKC in a namespace using that workload network. When the primary
  range cannot even hold the control-plane VMs, \`supervisor/control-plane-ips\` reports it and this rule stays silent.
- **NSX-ALB SE pool**: the SE count of every SE group with a pool-addressed NIC on the network.
- **NSX-ALB VIP pool**: virtual services on the network without a fixed address, plus one control-plane VIP per TKG
  cluster with the NSX-ALB endpoint (and no fixed address) whose API VIP network it is. An \`se-vip-pool\` is one pool
  for both: SE and VIP demand are added up against all NSX-ALB ranges of the network.
- **HAProxy VIP range**: virtual services it serves without a fixed address, one Supervisor API VIP per Supervisor
  using it, and one API VIP per TKC of those Supervisors.

Capacity is the number of distinct addresses in the ranges that can still be handed out, the same way for every kind
of range above (HAProxy VIP ranges included) and for IPv6 exactly as for IPv4: inside the network's subnet (when it is
known), not the network or broadcast address (IPv6: the Subnet-Router anycast address, the subnet's first), not inside
a \`reserved\` range of the network nor (for every pool but the HAProxy VIP range itself) inside an HAProxy VIP range
of the network, which HAProxy answers whole, not held by anything in its routing domain (gateways, static NIC addresses, fixed
VIPs and endpoints, node addresses, the Supervisor's management block). A blank address (a virtual service's VIP, a
TKG endpoint, a node address) is not set: that element takes an address from the pool. HAProxy's VIP ranges are on
the frontend network (Frontend topology) or the primary workload network (Default topology). \`supervisor/control-plane-ips\`
counts the primary workload range with the same definition (queries/capacity.ts), so below the control-plane VMs it
reports and this rule does not. A network without any range of the needed kind is not checked here (whether it
is usable at all is \`tkg/vip-network-not-registered\`'s question).

### How to fix in Viplane
The quick fix moves the **end** of the pool's last range up by the missing addresses (plus headroom below 80 %
use) when the space above it is free. Otherwise widen the range or add one (inspector of the port group or segment, Ranges; of the workload network; or the
HAProxy's VIP ranges), free addresses held inside it, or lower the demand (SE count, node counts, virtual services
without a fixed VIP). Widen the range, or add one: seed 002 recommends a /24 workload network for the Default (2-NIC) HAProxy topology and
gives the primary workload network 10 addresses (3 Supervisor VMs + 7 for TKC nodes). Reduce the node count, or
move a cluster to another network.

### Source
Seed 002 (HAProxy), L12 and L19: the Supervisor takes 3 addresses from the primary workload network's range and each
TKC node one address from its namespace's range; L37: give the workload network a /24. Seed 000 (NSX-ALB), L85: SE
interface IPs and VIPs come from the network's IP pool. Seed 001 (NSX-T): nodes take their addresses from the
segment's DHCP server (L39). The upgrade surge node is TKG's rolling-update default (one extra machine).`,
    seeds: ['002', '000', '001'],
  },
  check({ model, report }) {
    for (const pool of pools(model)) {
      const demand = pool.demand.reduce((s, d) => s + d.count, 0);
      // A malformed range is ipam/invalid-cidr's finding; its pool's capacity is unknown.
      if (demand === 0 || pool.ranges.length === 0 || pool.ranges.some((r) => !rangeInterval(r))) continue;
      const capacity = poolCapacity(model, pool.network, pool.ranges, pool.kind === 'haproxy-vip' ? 'haproxy-vip' : 'pool');
      if (pool.deferBelow !== undefined && capacity < pool.deferBelow) continue;
      const ratio = capacity === 0 ? Infinity : demand / capacity;
      if (ratio <= WARN_RATIO) continue;
      const exhausted = demand > capacity;
      const percent = capacity === 0 ? null : Math.round(ratio * 100);
      const where = pool.network ? ` on ${pool.network.name}` : '';
      const owner = pool.ownerId === pool.network?.id ? '' : ` of ${model.elements.get(pool.ownerId)?.name ?? pool.ownerId}`;
      const ranges = pool.ranges.map((r) => r.text).join(', ');
      const breakdown = pool.demand
        .filter((d) => d.count > 0)
        .map((d) => `${d.name} ${d.count}`)
        .join(', ');
      const targets: Target[] = [elementTarget(model, pool.ownerId)];
      if (pool.network && pool.network.id !== pool.ownerId) targets.push(elementTarget(model, pool.network.id));
      for (const r of pool.ranges) targets.push({ kind: 'range', id: r.id });
      for (const d of pool.demand) if (d.count > 0 && !targets.some((t) => t.id === d.id)) targets.push(elementTarget(model, d.id));
      report({
        severity: exhausted ? 'error' : 'warning',
        message: exhausted
          ? `${pool.what}${owner}${where} (${ranges}) has ${capacity} free addresses but ${demand} are needed (${breakdown})`
          : `${pool.what}${owner}${where} (${ranges}) is ${percent} % used: ${demand} of ${capacity} free addresses needed (${breakdown})`,
        targets,
        data: {
          demand,
          capacity,
          percent,
          kind: pool.kind,
          network: pool.network?.name ?? null,
          ranges: pool.ranges.map((r) => r.text),
          demandBy: pool.demand.filter((d) => d.count > 0),
        },
        suggestions: exhausted ? growSuggestion(model, pool.ranges, Math.ceil(demand / WARN_RATIO) - capacity) : undefined,
      });
    }
  },
});

/**
 * Quick fix: the pool's last range (in document order) grows upward by the missing addresses plus the
 * headroom below the warning ratio, within the subnet and the free space before the next range or held address.
 */
function growSuggestion(model: L3Model, ranges: readonly L3Range[], need: number): Suggestion[] {
  for (let k = ranges.length - 1; k >= 0; k--) {
    const r = ranges[k]!;
    const field = propsField(r.path);
    if (field === undefined || !/^ranges\.\d+$/.test(field)) continue;
    const end = growRangeEnd(model, r, need);
    if (end === null) continue;
    const owner = model.elements.get(r.ownerId)?.name ?? r.ownerId;
    return [
      {
        title: `Grow range ${r.text} of ${owner} to end at ${end} (${need} more address${need === 1 ? '' : 'es'})`,
        edit: [{ op: 'set', target: { kind: 'element', id: r.ownerId, field: `${field}.end` }, value: end }],
      },
    ];
  }
  return [];
}

const poolCache = new WeakMap<L3Model, Pool[]>();

/** Every pool of the design with what is asked of it, built once per model (also read by avi/se-pool-below-scale). */
export function pools(model: L3Model): readonly Pool[] {
  let list = poolCache.get(model);
  if (!list) poolCache.set(model, (list = buildPools(model)));
  return list;
}

function buildPools(model: L3Model): Pool[] {
  const out: Pool[] = [];
  const doc = model.document;
  // Demand on each network from NICs, clusters and virtual services.
  const seDemand = new Map<string, Demand[]>();
  const dhcpDemand = new Map<string, Demand[]>();
  const vipDemand = new Map<string, Demand[]>();
  for (const l of doc.links) {
    if (l.kind !== 'nic') continue;
    const holder = model.elements.get(l.from);
    if (!holder) continue;
    const count = holder.kind === 'seGroup' ? holder.props.seCount : 1;
    if (l.addressMode === 'dhcp') push(dhcpDemand, l.to, { id: holder.id, name: holder.name, count });
    else if (l.addressMode === 'pool' && holder.kind === 'seGroup') push(seDemand, l.to, { id: holder.id, name: holder.name, count });
  }
  for (const c of model.ofKind('tkgCluster')) {
    if (c.props.nodeNetworkId !== null)
      push(dhcpDemand, c.props.nodeNetworkId, { id: c.id, name: c.name, count: c.props.controlPlaneCount + c.props.workerCount + 1 });
    const apiNet = c.props.controlPlaneVipNetworkId ?? c.props.workloadVipNetworkId;
    if (c.props.endpoint.provider === 'nsx-alb' && notSet(c.props.endpoint.address) && apiNet !== null)
      push(vipDemand, apiNet, { id: c.id, name: c.name, count: 1 });
  }
  for (const c of model.ofKind('k8sCluster')) {
    let dynamic = 0;
    for (const n of c.props.nodes) if (notSet(n.address)) dynamic++;
    if (c.props.nodeNetworkId !== null && dynamic > 0) push(dhcpDemand, c.props.nodeNetworkId, { id: c.id, name: c.name, count: dynamic });
  }
  const haproxyVsDemand = new Map<string, Demand[]>();
  for (const vs of model.ofKind('virtualService')) {
    if (!notSet(vs.props.address)) continue;
    const lb = vs.props.loadBalancerId === null ? undefined : model.elements.get(vs.props.loadBalancerId);
    if (lb?.kind === 'haproxy') push(haproxyVsDemand, lb.id, { id: vs.id, name: vs.name, count: 1 });
    else if (vs.props.vipNetworkId !== null) push(vipDemand, vs.props.vipNetworkId, { id: vs.id, name: vs.name, count: 1 });
  }

  // Ranges by network, only where something asks for addresses (the only pools built below), and by owner
  // only when a workload network or an HAProxy reads them that way: a large estate has 6,000 ranges.
  const byNetwork = new Map<string, L3Range[]>();
  const byOwner = new Map<string, L3Range[]>();
  const owned = model.ofKind('workloadNetwork').length + model.ofKind('haproxy').length > 0;
  for (let k = 0, all = model.ranges; k < all.length; k++) {
    const r = all[k]!;
    const id = r.networkId;
    if (id !== null && (seDemand.has(id) || vipDemand.has(id) || dhcpDemand.has(id))) push(byNetwork, id, r);
    if (owned) push(byOwner, r.ownerId, r);
  }

  for (const network of model.networks) {
    const seNeed = seDemand.get(network.id) ?? [];
    const vipNeed = vipDemand.get(network.id) ?? [];
    const dhcpOwn = dhcpDemand.get(network.id) ?? [];
    // Nothing asks this network for an address: its pools cannot run out (the check skips a pool
    // without demand), so do not build them. Most networks of a large estate are static.
    if (seNeed.length === 0 && vipNeed.length === 0 && dhcpOwn.length === 0) continue;
    // One pass over the network's ranges into its pool kinds, each in document order.
    const se: L3Range[] = [];
    const vip: L3Range[] = [];
    const both: L3Range[] = [];
    const nodeRanges: L3Range[] = [];
    for (const r of byNetwork.get(network.id) ?? []) {
      if (r.purpose === 'se-pool') se.push(r);
      else if (r.purpose === 'vip-pool') vip.push(r);
      else if (r.purpose === 'se-vip-pool') both.push(r);
      else if (r.purpose === 'dhcp' || r.purpose === 'node') nodeRanges.push(r);
    }
    const seCapable = se.length + both.length > 0;
    if (both.length > 0) {
      out.push({
        what: 'NSX-ALB SE/VIP pool',
        kind: 'se-vip',
        ownerId: network.id,
        network,
        ranges: [...se, ...vip, ...both],
        demand: [...seNeed, ...vipNeed],
      });
    } else {
      out.push({ what: 'NSX-ALB SE pool', kind: 'se', ownerId: network.id, network, ranges: se, demand: seNeed });
      out.push({ what: 'NSX-ALB VIP pool', kind: 'vip', ownerId: network.id, network, ranges: vip, demand: vipNeed });
    }
    const dhcpNeed = [...dhcpOwn, ...(!seCapable && network.dhcp ? seNeed : [])];
    out.push({ what: 'DHCP scope / node range', kind: 'nodes', ownerId: network.id, network, ranges: nodeRanges, demand: dhcpNeed });
  }

  // Supervisor workload networks: 3 CP VMs on the primary, each TKC's nodes on its namespace's network.
  const tkcsByWorkloadNet = new Map<string, Demand[]>();
  const tkcsBySupervisor = new Map<string, Demand[]>();
  const namespaces = new Map(model.ofKind('vsphereNamespace').map((n) => [n.id, n]));
  for (const t of model.ofKind('tkc')) {
    const ns = t.props.namespaceId === null ? undefined : namespaces.get(t.props.namespaceId);
    if (!ns) continue;
    if (ns.props.workloadNetworkId !== null)
      push(tkcsByWorkloadNet, ns.props.workloadNetworkId, {
        id: t.id,
        name: t.name,
        count: t.props.controlPlaneCount + t.props.workerCount + 1,
      });
    if (ns.props.supervisorId !== null) push(tkcsBySupervisor, ns.props.supervisorId, { id: t.id, name: t.name, count: 1 });
  }
  for (const wn of model.ofKind('workloadNetwork')) {
    const sup = wn.props.supervisorId === null ? undefined : model.elements.get(wn.props.supervisorId);
    const cp = sup?.kind === 'supervisor' ? sup.props.controlPlaneCount : SUPERVISOR_CP_DEFAULT;
    const demand: Demand[] = [
      ...(wn.props.primary ? [{ id: sup?.id ?? wn.id, name: `${sup?.name ?? 'Supervisor'} control plane`, count: cp }] : []),
      ...(tkcsByWorkloadNet.get(wn.id) ?? []),
    ];
    out.push({
      what: `Workload range`,
      kind: 'workload',
      ownerId: wn.id,
      network: wn.props.portGroupId === null ? undefined : model.networkById.get(wn.props.portGroupId),
      ranges: (byOwner.get(wn.id) ?? []).filter((r) => r.purpose === 'workload'),
      demand,
      ...(wn.props.primary ? { deferBelow: cp } : {}),
    });
  }

  // HAProxy VIP ranges: its virtual services, the Supervisor API VIPs and the TKC API VIPs.
  for (const hp of model.ofKind('haproxy')) {
    const demand: Demand[] = [...(haproxyVsDemand.get(hp.id) ?? [])];
    for (const s of model.ofKind('supervisor')) {
      if (s.props.loadBalancer.provider !== 'haproxy' || s.props.loadBalancer.haproxyId !== hp.id) continue;
      demand.push({ id: s.id, name: `${s.name} API`, count: 1 }, ...(tkcsBySupervisor.get(s.id) ?? []));
    }
    const ranges = (byOwner.get(hp.id) ?? []).filter((r) => r.purpose === 'haproxy-vip');
    const networkId = ranges[0]?.networkId ?? null;
    out.push({
      what: 'HAProxy VIP range',
      kind: 'haproxy-vip',
      ownerId: hp.id,
      network: networkId === null ? undefined : model.networkById.get(networkId),
      ranges,
      demand,
    });
  }
  return out;
}

/** A blank address is not set (issue 11: empty means not set): the element takes one from the pool. */
function notSet(text: string | null): boolean {
  return text === null || text.trim() === '';
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
