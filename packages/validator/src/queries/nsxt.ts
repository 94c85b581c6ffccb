/**
 * NSX-T routable-pods questions (seed 001), shared by the nsxt/* rules: which TKG clusters route
 * their pods through a Tier-1, how many nodes a CLUSTER_CIDR can serve, and which pod CIDRs a
 * Tier-1's static routes may legitimately point into.
 */
import type { Element } from '@viplane/model';
import type { L3Model } from '../l3/model.ts';
import { cidr, type Cidr } from '../l3/addr.ts';
import { AddressIndex } from '../addressIndex/index.ts';

type Of<K extends Element['kind']> = Extract<Element, { kind: K }>;
export type Tier0Element = Of<'nsxtTier0'>;
export type Tier1Element = Of<'nsxtTier1'>;

/** The vSphere CPI hands every node a /24 podCIDR out of CLUSTER_CIDR (seed 001 L127). */
export const NODE_POD_PREFIX = 24;

export interface RoutableCluster {
  cluster: Of<'tkgCluster'>;
  /** CLUSTER_CIDR, `null` when malformed (ipam/invalid-cidr reports it). */
  podCidr: Cidr | null;
  /** The Tier-1 that gets the `podCIDR -> node` routes (NSXT_ROUTER_PATH), when it is a Tier-1 of the design. */
  tier1: Tier1Element | undefined;
  /** Control plane + workers + 1 rolling-upgrade surge node. */
  nodeDemand: number;
}

/** TKG clusters with NSXT_POD_ROUTING_ENABLED, in document order. */
export function routableClusters(model: L3Model): RoutableCluster[] {
  const out: RoutableCluster[] = [];
  for (const c of model.ofKind('tkgCluster')) {
    if (c.props.routablePods === null) continue;
    const t1Id = c.props.routablePods.tier1Id;
    const t1 = t1Id === null ? undefined : model.elements.get(t1Id);
    out.push({
      cluster: c,
      podCidr: cidr(c.props.podCidr),
      tier1: t1?.kind === 'nsxtTier1' ? t1 : undefined,
      nodeDemand: c.props.controlPlaneCount + c.props.workerCount + 1,
    });
  }
  return out;
}

/**
 * How many /24 node podCIDRs fit in a CLUSTER_CIDR: 2^(24 - prefix) (a /21 holds 8), 0 when the
 * prefix is longer than /24. `null` for IPv6, where the /24 rule does not apply.
 */
export function nodePodCidrCapacity(podCidr: Cidr): number | null {
  if (podCidr.family !== 4) return null;
  return podCidr.prefix > NODE_POD_PREFIX ? 0 : 2 ** (NODE_POD_PREFIX - podCidr.prefix);
}

export interface LivePodCidrs {
  /** Intervals of the live pod CIDRs, tagged by position in `labels`. */
  index: AddressIndex;
  labels: { ownerId: string; text: string }[];
}

/**
 * The pod CIDRs whose per-node routes may legitimately sit on a Tier-1: the CLUSTER_CIDR of
 * every TKG cluster that routes pods through it, plus the namespace network of every vSphere
 * namespace with a routed (NAT off) network override — NCP creates those namespaces' Tier-1s and
 * the design does not say which one, so they count for every Tier-1.
 */
export function livePodCidrsByTier1(model: L3Model): Map<string, LivePodCidrs> {
  const shared: { ownerId: string; text: string; cidr: Cidr }[] = [];
  for (const ns of model.ofKind('vsphereNamespace')) {
    const o = ns.props.networkOverride;
    if (o === null || o.nat || o.namespaceNetwork === null) continue;
    const parsed = cidr(o.namespaceNetwork);
    if (parsed) shared.push({ ownerId: ns.id, text: o.namespaceNetwork, cidr: parsed });
  }
  const perTier1 = new Map<string, { ownerId: string; text: string; cidr: Cidr }[]>();
  for (const c of model.clusters) {
    if (c.kind !== 'tkgCluster' || c.routableTier1Id === null) continue;
    let list = perTier1.get(c.routableTier1Id);
    if (!list) perTier1.set(c.routableTier1Id, (list = []));
    for (const p of c.podCidrs) if (p.cidr) list.push({ ownerId: c.id, text: p.text, cidr: p.cidr });
  }
  const out = new Map<string, LivePodCidrs>();
  for (const t1 of model.ofKind('nsxtTier1')) {
    const live = [...(perTier1.get(t1.id) ?? []), ...shared];
    out.set(t1.id, {
      index: AddressIndex.build(
        live.map((l) =>
          l.cidr.family === 4
            ? { family: 4, start: l.cidr.first as number, end: l.cidr.last as number }
            : { family: 6, start: l.cidr.first as bigint, end: l.cidr.last as bigint },
        ),
      ),
      labels: live.map(({ ownerId, text }) => ({ ownerId, text })),
    });
  }
  return out;
}

/** Does a live pod CIDR hold all of `prefix`? */
export function insideLivePodCidr(live: LivePodCidrs, prefix: Cidr): boolean {
  const iv =
    prefix.family === 4
      ? { family: 4 as const, start: prefix.first as number, end: prefix.last as number }
      : { family: 6 as const, start: prefix.first as bigint, end: prefix.last as bigint };
  return live.index.overlapping(iv).some((o) => o.relation === 'contains' || o.relation === 'equal');
}

/** Tier-0 id -> its uplink `nic` links (to the existing physical network). */
export function tier0Uplinks(model: L3Model): Map<string, { id: string; to: string }[]> {
  const out = new Map<string, { id: string; to: string }[]>();
  for (const t0 of model.ofKind('nsxtTier0')) out.set(t0.id, []);
  for (const l of model.document.links) if (l.kind === 'nic') out.get(l.from)?.push({ id: l.id, to: l.to });
  return out;
}
