/**
 * Address sets as spans of numbers (IPv4) or bigints (IPv6): what a firewall rule's sources and
 * destinations, and a flow's, stand for. An element reference in a rule resolves to the addresses
 * the design gives the element (a network's subnet, a Controller's node addresses, an SE group's
 * pools, a cluster's node network and pod CIDRs).
 */
import type { L3Model } from '../l3/model.ts';
import { cidr, ip } from '../l3/addr.ts';

export type Span = { family: 4; first: number; last: number } | { family: 6; first: bigint; last: bigint };

export const ANY: readonly Span[] = [
  { family: 4, first: 0, last: 0xffffffff },
  { family: 6, first: 0n, last: (1n << 128n) - 1n },
];

/** Spans of one CIDR, single address or `start-end` text; `null` when it is none of those. */
export function spanOfText(text: string): Span | null {
  const t = text.trim();
  const dash = t.indexOf('-');
  if (dash > 0) {
    const a = ip(t.slice(0, dash));
    const b = ip(t.slice(dash + 1));
    if (a && b && a.family === b.family) return { family: a.family, first: a.value, last: b.value } as Span;
    return null;
  }
  if (t.includes('/')) {
    const c = cidr(t);
    return c ? ({ family: c.family, first: c.first, last: c.last } as Span) : null;
  }
  const a = ip(t);
  return a ? ({ family: a.family, first: a.value, last: a.value } as Span) : null;
}

/** The address set an element stands for in a filter rule; empty when the design gives it none. */
export function spansOfElement(model: L3Model, id: string): Span[] {
  const out: Span[] = [];
  const network = model.networkById.get(id);
  if (network) {
    if (network.subnet) out.push(span(network.subnet));
    else if (network.kind === 'clientNetwork') out.push(...ANY);
    return out;
  }
  const cluster = model.clusters.find((c) => c.id === id);
  if (cluster) {
    const subnet = cluster.nodeNetworkId ? model.networkById.get(cluster.nodeNetworkId)?.subnet : null;
    if (subnet) out.push(span(subnet));
    for (const p of cluster.podCidrs) if (p.cidr) out.push(span(p.cidr));
  }
  for (const r of model.ranges) if (r.ownerId === id && r.start && r.end && r.start.family === r.end.family) out.push({ family: r.start.family, first: r.start.value, last: r.end.value } as Span);
  for (const a of model.addresses) if (a.ownerId === id && a.ip) out.push({ family: a.ip.family, first: a.ip.value, last: a.ip.value } as Span);
  const host = model.hostById.get(id);
  if (host?.kind === 'seGroup')
    // SE interfaces take addresses from the SE pools of the networks they attach to.
    for (const vrf of host.vrfs)
      for (const i of vrf.interfaces)
        for (const r of model.ranges)
          if (r.networkId === i.networkId && (r.purpose === 'se-pool' || r.purpose === 'se-vip-pool') && r.start && r.end)
            out.push({ family: r.start.family, first: r.start.value, last: r.end.value } as Span);
  return out;
}

/** A rule side: an empty list is any; each item is an address text or an element id. */
export function spansOfRuleSide(model: L3Model, items: readonly string[]): Span[] {
  if (items.length === 0) return [...ANY];
  const out: Span[] = [];
  for (const item of items) {
    if (item.trim().toLowerCase() === 'any') return [...ANY];
    const s = spanOfText(item);
    if (s) out.push(s);
    else out.push(...spansOfElement(model, item));
  }
  return out;
}

function span(c: { family: 4 | 6; first: number | bigint; last: number | bigint }): Span {
  return { family: c.family, first: c.first, last: c.last } as Span;
}

export function spansOverlap(a: readonly Span[], b: readonly Span[]): boolean {
  for (const x of a) for (const y of b) if (x.family === y.family && x.first <= y.last && y.first <= x.last) return true;
  return false;
}

/**
 * Is every address of `inner` in `outer`, as sets? Adjacent or overlapping spans of `outer` are merged
 * first: `10.0.0.0/25` and `10.0.0.128/25` together cover `10.0.0.0/24`, which neither does alone.
 */
export function spansCover(outer: readonly Span[], inner: readonly Span[]): boolean {
  const merged = mergeSpans(outer);
  return inner.every((y) => merged.some((x) => x.family === y.family && x.first <= y.first && y.last <= x.last));
}

/** The union of spans as the fewest disjoint, non-adjacent spans (per family; empty spans dropped). */
function mergeSpans(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const family of [4, 6] as const) {
    const list = spans.filter((s) => s.family === family && s.first <= s.last).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    let cur: Span | undefined;
    for (const s of list) {
      // Adjacent counts: 10.0.0.127 and 10.0.0.128 leave no address between them.
      const touches = cur !== undefined && (cur.family === 4 ? (s.first as number) <= cur.last + 1 : (s.first as bigint) <= cur.last + 1n);
      if (cur && touches) {
        if (s.last > cur.last) cur = { ...cur, last: s.last } as Span;
      } else {
        if (cur) out.push(cur);
        cur = { ...s };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

/** An inclusive IPv4 range as the fewest CIDRs (a network team's ACL wants prefixes). */
export function rangeToCidrs4(first: number, last: number): string[] {
  const out: string[] = [];
  let start = first;
  while (start <= last) {
    let size = 32;
    // Largest aligned block starting at `start` that fits before `last`.
    while (size > 0) {
      const block = 2 ** (33 - size);
      if (start % block !== 0 || start + block - 1 > last) break;
      size--;
    }
    const block = 2 ** (32 - size);
    out.push(`${fmt4(start)}/${size}`);
    start += block;
  }
  return out;
}

function fmt4(v: number): string {
  return `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

/** The addresses in both `a` and `b`, as disjoint spans (per family). */
export function spansIntersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const x of mergeSpans(a))
    for (const y of mergeSpans(b)) {
      if (x.family !== y.family) continue;
      const first = x.first > y.first ? x.first : y.first;
      const last = x.last < y.last ? x.last : y.last;
      if (first <= last) out.push({ family: x.family, first, last } as Span);
    }
  return out;
}

/** The addresses of `a` outside every span of `b`, as disjoint spans (per family). */
export function spansMinus(a: readonly Span[], b: readonly Span[]): Span[] {
  const cut = mergeSpans(b);
  let out = mergeSpans(a);
  for (const c of cut)
    out = out.flatMap((x): Span[] => {
      if (x.family !== c.family || c.last < x.first || x.last < c.first) return [x];
      const parts: Span[] = [];
      // Inclusive bounds: the part before `c` ends one address before it, the part after starts one after.
      if (x.family === 4 && c.family === 4) {
        if (x.first < c.first) parts.push({ family: 4, first: x.first, last: c.first - 1 });
        if (c.last < x.last) parts.push({ family: 4, first: c.last + 1, last: x.last });
      } else if (x.family === 6 && c.family === 6) {
        if (x.first < c.first) parts.push({ family: 6, first: x.first, last: c.first - 1n });
        if (c.last < x.last) parts.push({ family: 6, first: c.last + 1n, last: x.last });
      }
      return parts;
    });
  return out;
}
