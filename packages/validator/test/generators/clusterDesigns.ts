/**
 * Seeded random designs for ipam/cluster-cidr-overlap in the IPAM differential test: an IPAM design
 * (ipamDesigns.ts), then 2-9 cluster edits. Pod and service CIDRs of TKG clusters, Kubernetes
 * clusters, TKCs and Supervisors are drawn from what collides: the design's own subnets (exact, a
 * block inside one, a block around one), other clusters' CIDRs, the TKG/TKC/kubeadm defaults, the
 * seed-001 style /21s next to each other, IPv6 blocks and blanks. Routable pods are switched on and
 * off, clusters are copied, moved to other node networks and networks to other routing domains.
 * Each edit is kept only when restore() still accepts the document.
 */
import { restore, type TopologyDocument } from '@viplane/model';
import { prng, randomDesign } from './ipamDesigns.ts';

type El = TopologyDocument['elements'][number];
type Pick = <T>(list: readonly T[]) => T;

const CLUSTER_KINDS = new Set(['tkgCluster', 'k8sCluster', 'tkc', 'supervisor']);
const NETWORK_KINDS = new Set(['portGroup', 'nsxtSegment', 'clientNetwork']);
const DEFAULTS = ['100.96.0.0/11', '100.64.0.0/13', '192.168.0.0/16', '10.96.0.0/12', '10.244.0.0/16', '10.96.0.0/23'];
const DOMAINS = ['default', '', 'lab', 'dmz', 'lab'];

const V4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/;
const text4 = (v: number) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');

/** A block inside (longer prefix) or around (shorter prefix) an IPv4 CIDR, at a random aligned offset. */
function near(cidr: string, rnd: () => number): string {
  const m = V4.exec(cidr);
  if (!m) return cidr;
  const value = m.slice(1, 5).reduce((a, p) => a * 256 + Number(p), 0);
  const prefix = Number(m[5]);
  const next = Math.max(8, Math.min(30, prefix + Math.floor(rnd() * 9) - 4));
  const block = 2 ** (32 - next);
  const base = value - (value % block);
  // Inside a longer prefix: one of the sub-blocks of the original; around: the enclosing block.
  const offset = next > prefix ? Math.floor(rnd() * 2 ** (next - prefix)) * block : 0;
  return `${text4(base + offset)}/${next}`;
}

function cidrsOf(el: El): string[] {
  const p = el.props as Record<string, unknown>;
  if (el.kind === 'tkc') return [...(p.podCidrBlocks as string[]), ...(p.serviceCidrBlocks as string[])];
  return [p.podCidr, p.serviceCidr].filter((x): x is string => typeof x === 'string');
}

/** A CIDR that is likely to collide with something in the design, or a fresh one. */
function clusterCidr(doc: TopologyDocument, rnd: () => number, pick: Pick): string {
  const subnets = doc.elements
    .filter((e) => NETWORK_KINDS.has(e.kind))
    .map((e) => (e.props as { subnet: string | null }).subnet)
    .filter((s): s is string => typeof s === 'string' && V4.test(s));
  const taken = doc.elements.filter((e) => CLUSTER_KINDS.has(e.kind)).flatMap(cidrsOf);
  const r = rnd();
  if (r < 0.25 && subnets.length > 0) return rnd() < 0.5 ? pick(subnets) : near(pick(subnets), rnd);
  if (r < 0.5 && taken.length > 0) return rnd() < 0.5 ? pick(taken) : near(pick(taken), rnd);
  if (r < 0.65) return pick(DEFAULTS);
  if (r < 0.9) return `172.16.${128 + 8 * Math.floor(rnd() * 6)}.0/${pick([21, 21, 20, 22])}`;
  if (r < 0.96) return `2001:db8:${Math.floor(rnd() * 3)}::/${pick([112, 108, 64])}`;
  return pick(['', ' ']);
}

/** One cluster edit in place; returns what it did, or null when it found nothing to do. */
function clusterEdit(doc: TopologyDocument, rnd: () => number, pick: Pick): string | null {
  const clusters = doc.elements.filter((e) => CLUSTER_KINDS.has(e.kind));
  const networks = doc.elements.filter((e) => NETWORK_KINDS.has(e.kind));
  const roll = rnd();
  if (roll < 0.45 && clusters.length > 0) {
    const c = pick(clusters);
    const p = c.props as Record<string, unknown>;
    if (c.kind === 'tkc') {
      const key = rnd() < 0.6 ? 'podCidrBlocks' : 'serviceCidrBlocks';
      p[key] = Array.from({ length: Math.floor(rnd() * 3) }, () => clusterCidr(doc, rnd, pick));
      return `${c.id}.${key} = ${JSON.stringify(p[key])}`;
    }
    const key = c.kind === 'supervisor' || rnd() < 0.4 ? 'serviceCidr' : 'podCidr';
    p[key] = clusterCidr(doc, rnd, pick);
    return `${c.id}.${key} = ${JSON.stringify(p[key])}`;
  }
  if (roll < 0.6) {
    const tkg = doc.elements.filter((e) => e.kind === 'tkgCluster');
    if (tkg.length === 0) return null;
    const c = pick(tkg) as Extract<El, { kind: 'tkgCluster' }>;
    const tier1s = doc.elements.filter((e) => e.kind === 'nsxtTier1').map((e) => e.id);
    c.props.routablePods = c.props.routablePods === null || rnd() < 0.3 ? { tier1Id: tier1s.length > 0 ? pick(tier1s) : null } : null;
    return `${c.id}.routablePods = ${JSON.stringify(c.props.routablePods)}`;
  }
  if (roll < 0.75 && clusters.length > 0) {
    // Another cluster of the same kind: the same CIDRs to begin with (copied templates do that).
    const c = pick(clusters);
    const id = `${c.id}-copy-${doc.elements.length}`;
    doc.elements.push({ ...structuredClone(c), id, name: id });
    return `copy of ${c.id} as ${id}`;
  }
  if (roll < 0.88 && networks.length > 0) {
    const n = pick(networks.filter((e) => e.kind !== 'nsxtSegment'));
    if (!n) return null;
    (n.props as { routingDomain: string }).routingDomain = pick(DOMAINS);
    return `${n.id}.routingDomain = ${JSON.stringify((n.props as { routingDomain: string }).routingDomain)}`;
  }
  const movable = clusters.filter((e) => e.kind !== 'tkc');
  if (movable.length === 0 || networks.length === 0) return null;
  const c = pick(movable);
  const key = c.kind === 'supervisor' ? 'managementNetworkId' : 'nodeNetworkId';
  const to = rnd() < 0.1 ? null : pick(networks).id;
  (c.props as Record<string, unknown>)[key] = to;
  return `${c.id}.${key} = ${String(to)}`;
}

export function randomClusterDesign(seed: number): { doc: TopologyDocument; template: string; edits: string[] } {
  const base = randomDesign(seed);
  const rnd = prng(seed ^ 0x5eed_c1d5);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  let doc = base.doc;
  const edits = [...base.edits];
  const n = 2 + Math.floor(rnd() * 8);
  for (let i = 0, done = 0; i < n * 3 && done < n; i++) {
    const next = structuredClone(doc);
    const what = clusterEdit(next, rnd, pick);
    if (!what) continue;
    const r = restore(next);
    if (!r.ok) continue;
    doc = r.document;
    edits.push(what);
    done++;
  }
  return { doc, template: base.template, edits };
}
