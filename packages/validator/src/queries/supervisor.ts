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

/** Host addresses of a subnet: IPv4 below /31 loses its network and broadcast addresses. */
export function hostBounds(net: L3Network): Interval | null {
  const s = net.subnet;
  if (!s) return null;
  const first = big(s.first);
  const last = big(s.last);
  return s.family === 4 && s.prefix < 31 ? [first + 1n, last - 1n] : [first, last];
}

/** The address `n` after `a` in the same family, as canonical text. */
export function offsetIp(a: Ip, n: number): string {
  return a.family === 4 ? formatIp4(((a.value as number) + n) >>> 0) : formatIp6((a.value as bigint) + BigInt(n));
}
