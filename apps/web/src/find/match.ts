/**
 * Find (Ctrl+F): what in the design answers a query, and why. Pure: the document, its L3 model and
 * the query in, results out. Text matches names, ids and kinds; an address finds the networks and
 * ranges that hold it and what holds it (the validator's lookupAddress, on the address index); a CIDR
 * finds the networks that overlap it.
 */
import { kindInfo, type ElementKind, type TopologyDocument } from '@viplane/model';
import { lookupAddress, type L3Address, type L3Model } from '@viplane/validator';
import { RANGE_PURPOSE_LABEL } from '../lib/labels.ts';

export interface FindResult {
  /** The element to select and fit on the canvas. */
  elementId: string;
  /** Canvas id to select instead when the match is an interface (`link:<id>`). */
  edgeId?: string;
  kind: string;
  name: string;
  /** Why it matched, with the value: "subnet 192.168.48.0/22 holds 192.168.48.20". */
  why: string;
}

export const FIND_LIMIT = 50;

const ROLE: Record<L3Address['role'], string> = {
  interface: 'interface address',
  controller: 'Controller address',
  'se-interface': 'SE interface address',
  'haproxy-interface': 'HAProxy interface address',
  endpoint: 'control-plane endpoint',
  vip: 'VIP',
  'dns-vs': 'DNS virtual service address',
  node: 'node address',
  'supervisor-management': 'Supervisor management address',
  infrastructure: 'server address',
};

/** Does the text look like an address or CIDR (so a lowered model is worth building)? */
export function looksLikeAddress(query: string): boolean {
  const q = query.trim();
  return /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(q) && (q.includes('.') || q.includes(':')) && /\d/.test(q);
}

/**
 * Results for a query, best first: address answers (holders, ranges, networks), then exact name,
 * name prefix, name substring, id, kind. `model` is needed only for an address or CIDR query.
 */
export function findInDesign(doc: TopologyDocument, model: L3Model | null, query: string, limit = FIND_LIMIT): FindResult[] {
  const q = query.trim();
  if (q === '') return [];
  const out: FindResult[] = [];
  const seen = new Set<string>();
  const byId = new Map(doc.elements.map((e) => [e.id, e]));
  const push = (r: FindResult) => {
    const key = `${r.elementId}|${r.edgeId ?? ''}|${r.why}`;
    if (seen.has(key) || out.length >= limit) return;
    seen.add(key);
    out.push(r);
  };
  const of = (id: string) => {
    const el = byId.get(id);
    return el ? { kind: kindInfo[el.kind].label, name: el.name || el.id } : { kind: 'element', name: id };
  };

  const hit = model && looksLikeAddress(q) ? lookupAddress(model, q) : null;
  if (hit?.kind === 'address') {
    for (const a of hit.holders) {
      const node = a.itemId ? ` (node ${a.itemId})` : '';
      push({
        elementId: a.ownerId,
        edgeId: a.linkId ? `link:${a.linkId}` : undefined,
        ...of(a.ownerId),
        why: `${ROLE[a.role]} ${a.text}${node}`,
      });
    }
    for (const n of hit.gatewayOf) push({ elementId: n.id, ...of(n.id), why: `gateway ${hit.text}` });
    for (const r of hit.ranges)
      push({
        elementId: r.ownerId,
        ...of(r.ownerId),
        why: `${RANGE_PURPOSE_LABEL[r.purpose] ?? r.purpose} range ${r.text} holds ${hit.text}`,
      });
    for (const n of hit.networks) push({ elementId: n.id, ...of(n.id), why: `subnet ${n.subnetText} holds ${hit.text}` });
  } else if (hit?.kind === 'cidr') {
    for (const n of hit.networks) push({ elementId: n.id, ...of(n.id), why: `subnet ${n.subnetText} overlaps ${hit.text}` });
  }

  const needle = q.toLowerCase();
  const tiers: FindResult[][] = [[], [], [], [], []];
  for (const el of doc.elements) {
    const name = el.name.toLowerCase();
    const label = kindInfo[el.kind as ElementKind].label;
    const base = { elementId: el.id, kind: label, name: el.name || el.id };
    if (name === needle) tiers[0]!.push({ ...base, why: 'name' });
    else if (name.startsWith(needle)) tiers[1]!.push({ ...base, why: 'name starts with it' });
    else if (name.includes(needle)) tiers[2]!.push({ ...base, why: 'name contains it' });
    else if (el.id.toLowerCase().includes(needle)) tiers[3]!.push({ ...base, why: `id ${el.id}` });
    else if (label.toLowerCase().includes(needle) || el.kind.toLowerCase() === needle) tiers[4]!.push({ ...base, why: `kind ${label}` });
  }
  for (const tier of tiers) for (const r of tier) push(r);
  return out;
}
