import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import type { L3Model, L3Network, L3Range } from '../../l3/model.ts';
import type { Cidr } from '../../l3/addr.ts';
import { countHeld } from '../../addressIndex/index.ts';
import { elementTarget, forEachHeld, gatewaysByNetwork, heldSet4, rangeInterval, subnetReserved } from '../../queries/ipam.ts';

/** Above this share of the capacity the pool is reported as a warning. */
export const WARN_RATIO = 0.8;
/** Supervisor control-plane VMs taken from the primary workload network's range (seed 002 L12). */
const SUPERVISOR_CP_DEFAULT = 3;

interface Demand {
  id: string;
  name: string;
  count: number;
}

interface Pool {
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
a \`reserved\` range of the network, not held by anything in its routing domain (gateways, static NIC addresses, fixed
VIPs and endpoints, node addresses, the Supervisor's management block). A blank address (a virtual service's VIP, a
TKG endpoint, a node address) is not set: that element takes an address from the pool. HAProxy's VIP ranges are on
the frontend network (Frontend topology) or the primary workload network (Default topology). A network without any range of the needed kind is not checked here (whether it
is usable at all is \`tkg/vip-network-not-registered\`'s question).

### How to fix
In Viplane, widen the range or add one (inspector of the port group or segment, Ranges; of the workload network; or the
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
    const reservedByNetwork = new Map<string, L3Range[]>();
    for (let k = 0, all = model.ranges; k < all.length; k++) {
      const r = all[k]!;
      if (r.purpose === 'reserved' && r.networkId !== null) push(reservedByNetwork, r.networkId, r);
    }
    const held6 = new Held6(model);
    for (const pool of pools(model)) {
      const demand = pool.demand.reduce((s, d) => s + d.count, 0);
      // A malformed range is ipam/invalid-cidr's finding; its pool's capacity is unknown.
      if (demand === 0 || pool.ranges.length === 0 || pool.ranges.some((r) => !rangeInterval(r))) continue;
      const capacity = capacityOf(model, pool, reservedByNetwork, held6);
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
      });
    }
  },
});

/** Every pool of the design with what is asked of it. */
function pools(model: L3Model): Pool[] {
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

/**
 * Distinct addresses of the pool's ranges that can be handed out, the same way for every pool kind and both
 * families: inside the network's subnet (when it is known), minus the subnet's reserved addresses (IPv4 network and
 * broadcast, IPv6 Subnet-Router anycast: subnetReserved), minus `reserved` ranges of the network, minus addresses held
 * in the network's routing domain (static addresses, fixed VIPs and endpoints, the Supervisor's block, gateways).
 * IPv6 counts saturate at Number.MAX_SAFE_INTEGER (a /64 pool never runs out).
 */
function capacityOf(model: L3Model, pool: Pool, reservedByNetwork: ReadonlyMap<string, L3Range[]>, held6: Held6): number {
  const v4: [number, number][] = [];
  const v6: [bigint, bigint][] = [];
  for (const r of pool.ranges) {
    const iv = rangeInterval(r);
    if (!iv) continue;
    if (iv.family === 4) v4.push([iv.start, iv.end]);
    else v6.push([iv.start, iv.end]);
  }
  const network = pool.network;
  const subnet = network?.subnet ?? null;
  const reserved = network ? (reservedByNetwork.get(network.id) ?? []) : [];
  let total = 0;
  if (v4.length > 0) {
    let intervals = merge(v4);
    if (subnet?.family === 4) intervals = clip(intervals, usable4(subnet));
    else if (subnet) intervals = [];
    const out: [number, number][] = [];
    for (const r of reserved) {
      const iv = rangeInterval(r);
      if (iv?.family === 4) out.push([iv.start, iv.end]);
    }
    if (out.length > 0) intervals = subtract(intervals, merge(out));
    const held = network ? heldSet4(model, network.routingDomain) : EMPTY4;
    for (const [s, e] of intervals) total += e - s + 1 - countHeld(held, s, e);
  }
  if (v6.length > 0) {
    let intervals = merge(v6);
    if (subnet?.family === 6) intervals = clip(intervals, usable6(subnet));
    else if (subnet) intervals = [];
    const out: [bigint, bigint][] = [];
    for (const r of reserved) {
      const iv = rangeInterval(r);
      if (iv?.family === 6) out.push([iv.start, iv.end]);
    }
    if (out.length > 0) intervals = subtract(intervals, merge(out));
    const held = network ? held6.of(network.routingDomain) : [];
    let free = 0n;
    for (const [s, e] of intervals) free += e - s + 1n - BigInt(countHeld(held, s, e));
    total += Number(free > MAX_SAFE ? MAX_SAFE : free);
  }
  return Math.min(total, Number.MAX_SAFE_INTEGER);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const EMPTY4 = new Float64Array(0);

/** The subnet's host addresses as one interval (subnetReserved's addresses are at its two ends). */
function usable4(subnet: Cidr): [number, number] {
  const lo = subnet.first as number;
  const hi = subnet.last as number;
  const out = subnetReserved(subnet);
  return [out.some((x) => x.value === lo) ? lo + 1 : lo, out.some((x) => x.value === hi) ? hi - 1 : hi];
}
function usable6(subnet: Cidr): [bigint, bigint] {
  const lo = subnet.first as bigint;
  const hi = subnet.last as bigint;
  const out = subnetReserved(subnet);
  return [out.some((x) => x.value === lo) ? lo + 1n : lo, out.some((x) => x.value === hi) ? hi - 1n : hi];
}

/** The parts of sorted merged intervals inside `[lo, hi]`. */
function clip<T extends number | bigint>(list: [T, T][], [lo, hi]: [T, T]): [T, T][] {
  const out: [T, T][] = [];
  for (const [s, e] of list) {
    const a = s > lo ? s : lo;
    const b = e < hi ? e : hi;
    if (a <= b) out.push([a, b]);
  }
  return out;
}

/** Sorted unique held IPv6 addresses (and IPv6 gateways) per routing domain, built on first use: IPv6 pools are rare. */
class Held6 {
  private byDomain: Map<string, bigint[]> | undefined;
  constructor(private readonly model: L3Model) {}
  of(domain: string): readonly bigint[] {
    if (!this.byDomain) {
      const sets = new Map<string, Set<bigint>>();
      const add = (d: string, v: bigint) => {
        let set = sets.get(d);
        if (!set) sets.set(d, (set = new Set()));
        set.add(v);
      };
      forEachHeld(this.model, (_a, ip, d) => {
        if (ip.family === 6) add(d, ip.value);
      });
      for (const [networkId, gws] of gatewaysByNetwork(this.model)) {
        const d = this.model.networkById.get(networkId)?.routingDomain;
        if (d !== undefined) for (const g of gws) if (g.ip.family === 6) add(d, g.ip.value);
      }
      this.byDomain = new Map([...sets].map(([d, set]) => [d, [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))]));
    }
    return this.byDomain.get(domain) ?? [];
  }
}

/** Sorted, merged (touching intervals joined). */
function merge<T extends number | bigint>(list: [T, T][]): [T, T][] {
  const sorted = [...list].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: [T, T][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= next(last[1])) last[1] = last[1] > e ? last[1] : e;
    else out.push([s, e]);
  }
  return out;
}

/** `a` minus `b`, both sorted and merged. */
function subtract<T extends number | bigint>(a: [T, T][], b: [T, T][]): [T, T][] {
  const out: [T, T][] = [];
  let j = 0;
  for (const [s0, e] of a) {
    let s = s0;
    while (j < b.length && b[j]![1] < s) j++;
    let k = j;
    while (k < b.length && b[k]![0] <= e && s <= e) {
      const [bs, be] = b[k]!;
      if (bs > s) out.push([s, prev(bs)]);
      const after = next(be);
      s = s > after ? s : after;
      k++;
    }
    if (s <= e) out.push([s, e]);
  }
  return out;
}

function next<T extends number | bigint>(v: T): T {
  return (typeof v === 'number' ? v + 1 : (v as bigint) + 1n) as T;
}
function prev<T extends number | bigint>(v: T): T {
  return (typeof v === 'number' ? v - 1 : (v as bigint) - 1n) as T;
}
