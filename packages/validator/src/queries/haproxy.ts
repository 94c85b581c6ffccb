/**
 * HAProxy appliance questions (seed 002), shared by the haproxy/* rules: an appliance's NICs by
 * role, the networks they sit on, and the Supervisors that program it.
 */
import type { Element, Link } from '@viplane/model';
import type { L3Model, L3Network } from '../l3/model.ts';

type Of<K extends Element['kind']> = Extract<Element, { kind: K }>;
export type HaproxyElement = Of<'haproxy'>;
export type SupervisorElement = Of<'supervisor'>;

export interface HaproxyNics {
  haproxy: HaproxyElement;
  /** Every `nic` link of the appliance, in document order. */
  all: Link[];
  management: Link[];
  workload: Link[];
  frontend: Link[];
  /** Supervisors whose load balancer is this appliance. */
  supervisors: SupervisorElement[];
}

const cache = new WeakMap<L3Model, HaproxyNics[]>();

/** Each HAProxy of the document with its NICs by role (one pass over the links). */
export function haproxyNics(model: L3Model): HaproxyNics[] {
  let hit = cache.get(model);
  if (hit) return hit;
  const byId = new Map<string, HaproxyNics>();
  hit = model.ofKind('haproxy').map((haproxy) => {
    const entry: HaproxyNics = { haproxy, all: [], management: [], workload: [], frontend: [], supervisors: [] };
    byId.set(haproxy.id, entry);
    return entry;
  });
  if (hit.length > 0) {
    for (const l of model.document.links) {
      if (l.kind !== 'nic') continue;
      const entry = byId.get(l.from);
      if (!entry) continue;
      entry.all.push(l);
      if (l.role === 'management') entry.management.push(l);
      else if (l.role === 'workload') entry.workload.push(l);
      else if (l.role === 'frontend') entry.frontend.push(l);
    }
    for (const s of model.ofKind('supervisor'))
      if (s.props.loadBalancer.provider === 'haproxy' && s.props.loadBalancer.haproxyId !== null)
        byId.get(s.props.loadBalancer.haproxyId)?.supervisors.push(s);
  }
  cache.set(model, hit);
  return hit;
}

/** The network a NIC is attached to. */
export function networkOf(model: L3Model, link: Link): L3Network | undefined {
  return model.networkById.get(link.to);
}

/** Same network element, or subnets that share addresses (same family). */
export function sameSubnet(a: L3Network, b: L3Network): boolean {
  if (a.id === b.id) return true;
  const x = a.subnet;
  const y = b.subnet;
  return !!x && !!y && x.family === y.family && x.first <= y.last && y.first <= x.last;
}

/** `name (subnet)` for messages. */
export function describeNetwork(n: L3Network): string {
  return n.subnetText ? `${n.name} (${n.subnetText})` : n.name;
}
