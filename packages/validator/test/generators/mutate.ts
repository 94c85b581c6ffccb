/**
 * Schema-valid adversarial designs for the property and differential tests: a template, then a list of
 * edits to fields found generically (by walking the document, not by a list of kinds), each kept only
 * when restore() still accepts the document. So the tests cover every address-like field that exists
 * today and every one added later whose key reads like an address.
 */
import { restore, type TopologyDocument } from '@viplane/model';
import { templates } from '@viplane/templates';

/** Keys whose string values are addresses, CIDRs, ranges or host addresses (and routing domains: `''` = default). */
export const ADDRESS_KEY =
  /address|cidr|gateway|nexthop|prefix|subnet|^start$|^end$|^server$|host|namespacenetwork|extern|viprange|routingdomain/i;
/** Keys that reference another element. */
const REF_KEY = /Id$/;

/** The strings the issue names, and their neighbours: malformed, other family, edge prefixes, padded. */
export const ADVERSARIAL = [
  '',
  ' ',
  '1.2.3',
  '::1',
  '0.0.0.0/0',
  '256.1.1.1',
  '10.0.0.0/33',
  'fe80::/10',
  ' 10.0.0.1',
  '10.0.0.1 ',
  '0.0.0.0',
  '255.255.255.255',
  '10.0.0.0/8',
  '192.168.1.1/24',
  '10.0.0.1/32',
  '10.0.0.0/31',
  '2001:db8::1',
  '2001:db8::/64',
  '2001:db8::/127',
  '::',
  '::ffff:10.0.0.1',
  'fe80::1%eth0',
  '/24',
  '10.0.0.0/',
  '10.0.0.5-10.0.0.1',
  'x',
  'default',
  'lab-vrf',
] as const;

/** One address-like or reference field: where it is, and what it holds now. */
export interface FieldSite {
  path: (string | number)[];
  key: string;
  value: unknown;
  ref: boolean;
}

/** Every address-like string (or null) and every reference under elements' props and links. */
export function fieldSites(doc: TopologyDocument): FieldSite[] {
  const out: FieldSite[] = [];
  const walk = (v: unknown, key: string, path: (string | number)[]) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, key, [...path, i]));
      return;
    }
    if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, k, [...path, k]);
      return;
    }
    if (typeof v !== 'string' && v !== null) return;
    if (key === 'id') return;
    if (ADDRESS_KEY.test(key)) out.push({ path, key, value: v, ref: false });
    else if (REF_KEY.test(key)) out.push({ path, key, value: v, ref: true });
  };
  doc.elements.forEach((el, i) => walk(el.props, '', ['elements', i, 'props']));
  doc.links.forEach((l, i) => walk(l, '', ['links', i]));
  return out;
}

export function setAt(doc: unknown, path: readonly (string | number)[], value: unknown): void {
  let at = doc as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) at = at[p] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
}

/** One edit, as plain numbers so fast-check (or a seeded PRNG) can drive it and shrink it. */
export interface Edit {
  /** Which field (modulo the number of sites). */
  site: number;
  /** 0: an adversarial string; 1: null; 2: a value copied from another field (duplicates, cross-field); 3: another element's id. */
  how: number;
  /** Picks the string, the field copied, or the element. */
  pick: number;
}

export function applyEdits(base: TopologyDocument, edits: readonly Edit[]): { doc: TopologyDocument; applied: number } {
  let doc = structuredClone(base);
  let applied = 0;
  for (const e of edits) {
    const sites = fieldSites(doc);
    if (sites.length === 0) break;
    const site = sites[e.site % sites.length]!;
    let value: unknown;
    if (site.ref) value = e.how % 2 === 0 ? null : doc.elements[e.pick % doc.elements.length]!.id;
    else if (e.how === 1) value = null;
    else if (e.how === 2) {
      const strings = sites.filter((s) => !s.ref && typeof s.value === 'string');
      value = strings.length ? strings[e.pick % strings.length]!.value : '';
    } else value = ADVERSARIAL[e.pick % ADVERSARIAL.length];
    const next = structuredClone(doc);
    setAt(next, site.path, value);
    // Only edits a user could make: restore() must still accept the document (schema and integrity).
    const r = restore(next);
    if (!r.ok) continue;
    doc = r.document;
    applied++;
  }
  return { doc, applied };
}

export const TEMPLATE_DOCS: readonly { id: string; doc: TopologyDocument }[] = templates.map((t) => ({ id: t.id, doc: t.build() }));
