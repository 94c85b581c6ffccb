/**
 * Value equality for the diff and the merge: two values are the same when they mean the same,
 * not when their text is the same. Address fields (found from the schema, not guessed from the
 * text) compare as parsed values, so `fd00:0::1` equals `fd00::1` and `10.1.0.0/16` equals
 * `010.1.0.0/16` only if the address parser says so. Lists of items with ids (ranges, routes,
 * nodes) compare by id, whatever their order.
 *
 * Paths: a *schema path* (`props.ranges[].start`) names a field of a kind; a *display path*
 * (`props.ranges[r1].start`) names one value in one document.
 */
import type { TSchema } from '@sinclair/typebox';
import { elementSchemas, type ElementKind } from '../schema/document.ts';
import { Link } from '../schema/link.ts';
import { CIDR_DESCRIPTION, IP_DESCRIPTION } from '../schema/common.ts';
import { formatIp, parseCidr, parseIp } from '../address/parse.ts';

export type AddressKind = 'ip' | 'cidr';
/** Schema path → which address form the field holds. */
export type AddressFields = ReadonlyMap<string, AddressKind>;

function collectAddressFields(schema: TSchema, path: string, into: Map<string, AddressKind>): void {
  if (schema['description'] === IP_DESCRIPTION) into.set(path, 'ip');
  else if (schema['description'] === CIDR_DESCRIPTION) into.set(path, 'cidr');
  const anyOf = schema['anyOf'] as TSchema[] | undefined;
  if (anyOf) for (const option of anyOf) collectAddressFields(option, path, into);
  const properties = schema['properties'] as Record<string, TSchema> | undefined;
  if (properties) for (const [key, sub] of Object.entries(properties)) collectAddressFields(sub, path ? `${path}.${key}` : key, into);
  const items = schema['items'] as TSchema | undefined;
  if (items && !Array.isArray(items)) collectAddressFields(items, `${path}[]`, into);
}

let byKind: Map<ElementKind, AddressFields> | undefined;
let ofLinks: AddressFields | undefined;

/** The address fields of an element kind, from its schema (computed once). */
export function elementAddressFields(kind: ElementKind): AddressFields {
  byKind ??= new Map(
    (Object.keys(elementSchemas) as ElementKind[]).map((k) => {
      const fields = new Map<string, AddressKind>();
      collectAddressFields(elementSchemas[k], '', fields);
      return [k, fields];
    }),
  );
  return byKind.get(kind) ?? new Map();
}

export function linkAddressFields(): AddressFields {
  if (!ofLinks) {
    const fields = new Map<string, AddressKind>();
    collectAddressFields(Link, '', fields);
    ofLinks = fields;
  }
  return ofLinks;
}

const NO_FIELDS: AddressFields = new Map();
export const noAddressFields = (): AddressFields => NO_FIELDS;

/**
 * Canonical text of an address value: the parsed address re-formatted (`/n` kept, host bits as
 * written, since a CIDR with host bits set is a different, wrong value). Text that does not parse
 * stays as it is: a malformed address equals only itself.
 */
export function canonicalAddress(text: string, kind: AddressKind): string {
  if (kind === 'ip') {
    const ip = parseIp(text);
    return 'error' in ip ? text : formatIp(ip);
  }
  const cidr = parseCidr(text);
  if ('error' in cidr) return text;
  const address = cidr.family === 4 ? formatIp({ family: 4, value: cidr.address }) : formatIp({ family: 6, value: cidr.address });
  return `${address}/${cidr.prefixLength}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The property that identifies the items of a list (`id`, else `name`), when every item is an
 * object with a distinct string value there; `undefined` for lists compared as a whole.
 */
export function listKey(list: readonly unknown[]): 'id' | 'name' | undefined {
  if (list.length === 0) return undefined;
  for (const key of ['id', 'name'] as const) {
    const seen = new Set<string>();
    let ok = true;
    for (const item of list) {
      const value = isPlainObject(item) ? item[key] : undefined;
      if (typeof value !== 'string' || seen.has(value)) {
        ok = false;
        break;
      }
      seen.add(value);
    }
    if (ok) return key;
  }
  return undefined;
}

/** The key both lists share (an empty list takes the other's), or `undefined`. */
export function sharedListKey(...lists: readonly (readonly unknown[])[]): 'id' | 'name' | undefined {
  let key: 'id' | 'name' | undefined;
  for (const list of lists) {
    if (list.length === 0) continue;
    const k = listKey(list);
    if (!k || (key && key !== k)) return undefined;
    key = k;
  }
  return key;
}

export function indexBy(list: readonly unknown[], key: 'id' | 'name'): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const item of list) map.set((item as Record<string, string>)[key]!, item);
  return map;
}

/**
 * Do `a` and `b` mean the same? `path` is the schema path of both (for address fields).
 * The walk keeps the path as a stack of parts and joins it only where two strings differ, so
 * comparing two equal documents allocates nothing per value (the diff's hot path).
 */
export function sameValue(a: unknown, b: unknown, path: string, addresses: AddressFields): boolean {
  if (a === b) return true;
  const parts = path ? [path] : [];
  return same(a, b, parts, addresses);
}

function same(a: unknown, b: unknown, parts: string[], addresses: AddressFields): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') {
    if (addresses.size === 0) return false;
    const joined = parts.join('');
    const kind = addresses.get(joined.charCodeAt(0) === 46 /* . */ ? joined.slice(1) : joined);
    return kind !== undefined && canonicalAddress(a, kind) === canonicalAddress(b, kind);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    parts.push('[]');
    try {
      // In the same order (the common case) no index is built.
      let inOrder = true;
      for (let i = 0; i < a.length && inOrder; i++) inOrder = same(a[i], b[i], parts, addresses);
      if (inOrder) return true;
      const key = sharedListKey(a, b);
      if (!key) return false;
      const other = indexBy(b, key);
      return a.every((item) => {
        const id = (item as Record<string, string>)[key]!;
        return other.has(id) && same(item, other.get(id), parts, addresses);
      });
    } finally {
      parts.pop();
    }
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    let countA = 0;
    let countB = 0;
    for (const k in b) if (b[k] !== undefined) countB++;
    for (const k in a) {
      const va = a[k];
      if (va === undefined) continue;
      countA++;
      parts.push('.', k);
      const equal = same(va, b[k], parts, addresses);
      parts.length -= 2;
      if (!equal) return false;
    }
    return countA === countB;
  }
  return false;
}

export function childPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
