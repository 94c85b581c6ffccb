/**
 * Seeded random designs for the IPAM differential test: a template, then 1-6 edits that make IPAM
 * situations rather than garbage (addresses near the design's own, so duplicates, edges of subnets,
 * ranges across network/broadcast addresses and gateways, shared VIPs, IPv6 networks, blank fields,
 * other routing domains, other counts, purposes, address modes and references). Each edit is kept
 * only when restore() still accepts the document.
 */
import { restore, type TopologyDocument } from '@viplane/model';
import { TEMPLATE_DOCS, fieldSites, setAt, type FieldSite } from './mutate.ts';

/** mulberry32: small, seeded, good enough to spread edits. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const V4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?$/;
const OFFSETS = [0, 0, 0, 1, -1, 2, -2, 5, 128, -128, 255, 256];
const PREFIXES = [16, 20, 22, 24, 24, 25, 26, 28, 30, 31, 32];
const MALFORMED = ['', ' ', '1.2.3', '256.1.1.1', '10.0.0.0/33', 'x'];
const PURPOSES = ['se-pool', 'vip-pool', 'se-vip-pool', 'dhcp', 'node', 'workload', 'reserved'];
const COUNT_KEYS = /^(seCount|workerCount|controlPlaneCount)$/;

function v4(text: string): { value: number; prefix: number | null } | null {
  const m = V4.exec(text);
  if (!m) return null;
  const parts = m.slice(1, 5).map(Number);
  if (parts.some((p) => p > 255)) return null;
  const prefix = m[5] === undefined ? null : Number(m[5]);
  if (prefix !== null && prefix > 32) return null;
  return { value: ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!, prefix };
}
const text4 = (v: number) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
const network4 = (v: number, prefix: number) => (prefix === 0 ? 0 : (v - (v % 2 ** (32 - prefix))) >>> 0);

/** IPv6 values live in a few /112s of 2001:db8 so that they collide and nest. */
const v6 = (block: number, host: number) => `2001:db8:${block}::${host.toString(16)}`;

export function randomDesign(seed: number): { doc: TopologyDocument; template: string; edits: string[] } {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const base = TEMPLATE_DOCS[Math.floor(rnd() * TEMPLATE_DOCS.length)]!;
  let doc = structuredClone(base.doc);
  const edits: string[] = [];
  const n = 1 + Math.floor(rnd() * 6);
  for (let i = 0; i < n * 3 && edits.length < n; i++) {
    const next = structuredClone(doc);
    const what = edit(next, rnd, pick);
    if (!what) continue;
    const r = restore(next);
    if (!r.ok) continue;
    doc = r.document;
    edits.push(what);
  }
  return { doc, template: base.id, edits };
}

type Pick = <T>(list: readonly T[]) => T;

/** One random edit in place; returns what it did, or null when it found nothing to do. */
function edit(doc: TopologyDocument, rnd: () => number, pick: Pick): string | null {
  const roll = rnd();
  if (roll < 0.1) return toIpv6(doc, rnd, pick);
  if (roll < 0.25) return other(doc, rnd, pick);
  if (roll < 0.37) return shareVip(doc, rnd, pick);
  const sites = fieldSites(doc).filter((s) => !s.ref);
  if (sites.length === 0) return null;
  const site = pick(sites);
  const value = addressValue(doc, site, rnd, pick);
  setAt(doc, site.path, value);
  return `${site.path.join('.')} = ${JSON.stringify(value)}`;
}

function addressValue(doc: TopologyDocument, site: FieldSite, rnd: () => number, pick: Pick): string | null {
  if (/routingdomain/i.test(site.key)) return pick(['', 'default', 'lab', ' ']);
  const r = rnd();
  if (r < 0.06) return null;
  if (r < 0.14) return pick(MALFORMED);
  const known = fieldSites(doc)
    .map((s) => (typeof s.value === 'string' ? v4(s.value) : null))
    .filter((x) => x !== null);
  if (known.length === 0) return null;
  const from = pick(known);
  const cidrLike =
    typeof site.value === 'string' ? site.value.includes('/') : /cidr|subnet|prefix|viprange|namespacenetwork/i.test(site.key);
  if (cidrLike) {
    const prefix = pick(PREFIXES);
    return `${text4(network4(from.value, prefix))}/${prefix}`;
  }
  // A network's own address, broadcast or first host, or an address near one of the design's.
  let value = from.value + pick(OFFSETS);
  if (from.prefix !== null && rnd() < 0.5) {
    const first = network4(from.value, from.prefix);
    value = pick([first, first + 1, first + 2 ** (32 - from.prefix) - 1]);
  }
  return text4(Math.max(0, Math.min(0xffffffff, value)) >>> 0);
}

/** A network and what sits on it move to IPv6 (subnet, gateway, ranges, the NIC addresses on it). */
function toIpv6(doc: TopologyDocument, rnd: () => number, pick: Pick): string | null {
  const nets = doc.elements.filter((e) => e.kind === 'portGroup' || e.kind === 'nsxtSegment');
  if (nets.length === 0) return null;
  const el = pick(nets);
  const block = Math.floor(rnd() * 3);
  const prefix = pick([112, 120, 126, 127, 64]);
  const p = el.props as { subnet: string | null; gateway: string | null; ranges: { start: string; end: string }[] };
  p.subnet = `2001:db8:${block}::/${prefix}`;
  p.gateway = rnd() < 0.8 ? v6(block, 1) : v6(block, 0);
  for (const r of p.ranges) {
    const a = Math.floor(rnd() * 64);
    r.start = v6(block, a);
    r.end = v6(block, a + Math.floor(rnd() * 200));
  }
  for (const l of doc.links)
    if (l.kind === 'nic' && l.to === el.id && l.address !== null) l.address = v6(block, 2 + Math.floor(rnd() * 64));
  return `${el.id} -> IPv6 2001:db8:${block}::/${prefix}`;
}

/** Counts, ports, purposes, address modes, HAProxy topology and references. */
function other(doc: TopologyDocument, rnd: () => number, pick: Pick): string | null {
  const el = pick(doc.elements);
  const props = el.props as Record<string, unknown>;
  const r = rnd();
  if (el.kind === 'virtualService' && r < 0.5) {
    props.port = pick([80, 443, 443, 8443]);
    return `${el.id}.port = ${String(props.port)}`;
  }
  if (el.kind === 'haproxy' && r < 0.5) {
    props.topology = pick(['default', 'frontend']);
    return `${el.id}.topology = ${String(props.topology)}`;
  }
  const counts = Object.keys(props).filter((k) => COUNT_KEYS.test(k));
  if (counts.length > 0 && r < 0.4) {
    const k = pick(counts);
    props[k] = pick([0, 1, 2, 3, 5, 20, 120, 300]);
    return `${el.id}.${k} = ${String(props[k])}`;
  }
  const ranges = props.ranges as { purpose: string }[] | undefined;
  if (ranges && ranges.length > 0 && r < 0.7) {
    const range = pick(ranges);
    range.purpose = pick(PURPOSES);
    return `${el.id} range purpose ${range.purpose}`;
  }
  const nics = doc.links.filter((l) => l.kind === 'nic');
  if (nics.length > 0 && r < 0.85) {
    const l = pick(nics);
    l.addressMode = pick(['static', 'dhcp', 'pool'] as const);
    return `${l.id}.addressMode = ${l.addressMode}`;
  }
  const refs = fieldSites(doc).filter((s) => s.ref);
  if (refs.length === 0) return null;
  const site = pick(refs);
  const value = rnd() < 0.3 ? null : pick(doc.elements).id;
  setAt(doc, site.path, value);
  return `${site.path.join('.')} = ${JSON.stringify(value)}`;
}

/**
 * Shared VIPs: a copy of a virtual service at the same fixed VIP, on the same or another port, of the same
 * load balancer or another; sometimes the VIP is another holder's address (a NIC's, a node's, a gateway).
 */
function shareVip(doc: TopologyDocument, rnd: () => number, pick: Pick): string | null {
  const services = doc.elements.filter((e) => e.kind === 'virtualService');
  if (services.length === 0) return null;
  const vs = pick(services) as Extract<TopologyDocument['elements'][number], { kind: 'virtualService' }>;
  const holders = [
    ...doc.links.filter((l) => l.kind === 'nic' && l.address !== null && l.to === vs.props.vipNetworkId).map((l) => l.address!),
    ...doc.elements.flatMap((e) =>
      e.kind === 'portGroup' && e.props.gateway !== null && e.id === vs.props.vipNetworkId ? [e.props.gateway] : [],
    ),
  ];
  const ranges = doc.elements.flatMap((e) => (e.id === vs.props.vipNetworkId && 'ranges' in e.props ? e.props.ranges : []));
  if (vs.props.address === null || rnd() < 0.3) {
    const candidates = [...holders, ...ranges.map((r) => r.start)];
    if (candidates.length === 0) return null;
    vs.props.address = pick(candidates);
  }
  const lbs = doc.elements.filter((e) => e.kind === 'seGroup' || e.kind === 'haproxy').map((e) => e.id);
  const copies = 1 + Math.floor(rnd() * 2);
  for (let k = 0; k < copies; k++) {
    const id = `${vs.id}-shared-${doc.elements.length}`;
    const props = {
      ...vs.props,
      port: pick([80, 443, 443, 8443]),
      loadBalancerId: rnd() < 0.75 ? vs.props.loadBalancerId : pick([...lbs, null]),
    };
    doc.elements.push({ ...vs, id, name: id, props });
  }
  return `${vs.id} at ${vs.props.address ?? ''} shared by ${copies} more`;
}
