/**
 * vSphere with Tanzu Supervisor questions (seed 002), shared by the supervisor/* and haproxy/*
 * rules: a Supervisor's workload networks and primary, and how many addresses a set of ranges
 * can really give once the subnet's reserved addresses and HAProxy's VIP ranges are taken out.
 */
import { formatIp4, formatIp6, type Element } from '@viplane/model';
import type { L3Model, L3Network, L3Range } from '../l3/model.ts';
import type { Ip, IpValue } from '../l3/addr.ts';

type Of<K extends Element['kind']> = Extract<Element, { kind: K }>;
export type WorkloadNetworkElement = Of<'workloadNetwork'>;

export { managementBlockSize } from '../l3/supervisorBlock.ts';

const byModel = new WeakMap<L3Model, Map<string, WorkloadNetworkElement[]>>();

/** Supervisor id -> its workload networks, in document order. */
export function workloadNetworksBySupervisor(model: L3Model): Map<string, WorkloadNetworkElement[]> {
  let hit = byModel.get(model);
  if (hit) return hit;
  hit = new Map();
  for (const wn of model.ofKind('workloadNetwork')) {
    if (wn.props.supervisorId === null) continue;
    let list = hit.get(wn.props.supervisorId);
    if (!list) hit.set(wn.props.supervisorId, (list = []));
    list.push(wn);
  }
  byModel.set(model, hit);
  return hit;
}

/** Owner id -> the ranges it declares (workload networks' ranges, HAProxy VIP ranges, ...). */
export function rangesByOwner(model: L3Model): Map<string, L3Range[]> {
  const out = new Map<string, L3Range[]>();
  for (const r of model.ranges) {
    let list = out.get(r.ownerId);
    if (!list) out.set(r.ownerId, (list = []));
    list.push(r);
  }
  return out;
}

/** Network id -> the ranges on it. */
export function rangesByNetwork(model: L3Model): Map<string, L3Range[]> {
  const out = new Map<string, L3Range[]>();
  for (const r of model.ranges) {
    if (r.networkId === null) continue;
    let list = out.get(r.networkId);
    if (!list) out.set(r.networkId, (list = []));
    list.push(r);
  }
  return out;
}

type Interval = [bigint, bigint];

const big = (v: IpValue) => BigInt(v);

function merge(list: Interval[]): Interval[] {
  const sorted = list.filter(([s, e]) => s <= e).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1n) {
      if (e > last[1]) last[1] = e;
    } else out.push([s, e]);
  }
  return out;
}

function subtract(from: Interval[], minus: Interval[]): Interval[] {
  let out = from;
  for (const [ms, me] of merge(minus)) {
    const next: Interval[] = [];
    for (const [s, e] of out) {
      if (me < s || ms > e) next.push([s, e]);
      else {
        if (s < ms) next.push([s, ms - 1n]);
        if (me < e) next.push([me + 1n, e]);
      }
    }
    out = next;
  }
  return out;
}

/** Host addresses of a subnet: IPv4 below /31 loses its network and broadcast addresses. */
export function hostBounds(net: L3Network): Interval | null {
  const s = net.subnet;
  if (!s) return null;
  const first = big(s.first);
  const last = big(s.last);
  return s.family === 4 && s.prefix < 31 ? [first + 1n, last - 1n] : [first, last];
}

/**
 * Distinct addresses the ranges can hand out on `network`: their union, clipped to the subnet's
 * host addresses, without the gateway and without anything inside `exclude` (HAProxy VIP ranges).
 */
export function usableAddresses(ranges: readonly L3Range[], network: L3Network | undefined, exclude: readonly L3Range[]): bigint {
  const family = network?.subnet?.family ?? ranges.find((r) => r.start)?.start?.family ?? 4;
  const of = (r: L3Range): Interval | null =>
    r.start && r.end && r.start.family === family && r.end.family === family ? [big(r.start.value), big(r.end.value)] : null;
  let covered = merge(ranges.map(of).filter((x): x is Interval => x !== null));
  const bounds = network ? hostBounds(network) : null;
  if (bounds)
    covered = covered.flatMap(([s, e]): Interval[] =>
      e < bounds[0] || s > bounds[1] ? [] : [[s > bounds[0] ? s : bounds[0], e < bounds[1] ? e : bounds[1]]],
    );
  const minus = exclude.map(of).filter((x): x is Interval => x !== null);
  if (network?.gateway && network.gateway.family === family) minus.push([big(network.gateway.value), big(network.gateway.value)]);
  return subtract(covered, minus).reduce((n, [s, e]) => n + (e - s + 1n), 0n);
}

/** The address `n` after `a` in the same family, as canonical text. */
export function offsetIp(a: Ip, n: number): string {
  return a.family === 4 ? formatIp4(((a.value as number) + n) >>> 0) : formatIp6((a.value as bigint) + BigInt(n));
}
