/**
 * Parsed addresses as the L3 model keeps them: IPv4 as a u32 `number`, IPv6 as a `bigint`
 * (performance.md design rule 1). A plain dotted quad (`192.168.48.10`, `192.168.48.0/22`) is
 * read directly by @viplane/model's allocation-free fast path: that costs less than finding the
 * string in a cache of a large estate's 40k strings (a cold hash-table probe per string was the
 * hottest line of a full validation). Every other form goes through @viplane/model's ip-address
 * boundary once per distinct string (cached), so re-validating an edited document re-parses
 * only the strings that changed.
 */
import { dottedQuad, parseIp, parseCidr, prefixOf } from '@viplane/model';

export type IpValue = number | bigint;

/** IPv4 values are numbers and IPv6 values bigints; the union keeps the pairing checkable. */
export type Ip = { family: 4; value: number; text: string } | { family: 6; value: bigint; text: string };

interface CidrCommon {
  prefix: number;
  text: string;
  /** `192.168.32.5/20`: the text had host bits set; first/last are of the network. */
  hostBitsSet: boolean;
}
export type Cidr = (CidrCommon & { family: 4; first: number; last: number }) | (CidrCommon & { family: 6; first: bigint; last: bigint });

const ipCache = new Map<string, Ip | null>();
const cidrCache = new Map<string, Cidr | null>();
const CACHE_LIMIT = 500_000;

/** The parsed address, or `null` when malformed. */
export function ip(text: string): Ip | null {
  const v4 = dottedQuad(text);
  if (v4 >= 0) return { family: 4, value: v4, text };
  let hit = ipCache.get(text);
  if (hit === undefined) {
    const parsed = parseIp(text);
    hit = 'error' in parsed ? null : ({ family: parsed.family, value: parsed.value, text } as Ip);
    if (ipCache.size > CACHE_LIMIT) ipCache.clear();
    ipCache.set(text, hit);
  }
  return hit;
}

/** The parsed CIDR (host bits tolerated and flagged), or `null` when malformed. */
export function cidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash > 0) {
    const address = dottedQuad(text, slash);
    const prefix = address >= 0 ? prefixOf(text, slash + 1) : -1;
    if (prefix >= 0) {
      // As @viplane/model's parseCidr: float arithmetic is exact on u32 and has no `<<` sign trap.
      const block = 2 ** (32 - prefix);
      const first = address - (address % block);
      return { family: 4, prefix, first, last: first + block - 1, text, hostBitsSet: first !== address };
    }
  }
  let hit = cidrCache.get(text);
  if (hit === undefined) {
    const parsed = parseCidr(text);
    hit =
      'error' in parsed
        ? null
        : ({
            family: parsed.family,
            prefix: parsed.prefixLength,
            first: parsed.start,
            last: parsed.end,
            text,
            hostBitsSet: parsed.hostBitsSet,
          } as Cidr);
    if (cidrCache.size > CACHE_LIMIT) cidrCache.clear();
    cidrCache.set(text, hit);
  }
  return hit;
}

export function cidrFromRange(c: Cidr): { start: Ip; end: Ip } {
  return { start: { family: c.family, value: c.first, text: '' } as Ip, end: { family: c.family, value: c.last, text: '' } as Ip };
}

export function inCidr(c: Cidr, a: Ip): boolean {
  return c.family === a.family && c.first <= a.value && a.value <= c.last;
}

export function cidrInCidr(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

export function inRange(start: Ip, end: Ip, a: Ip): boolean {
  return start.family === a.family && start.value <= a.value && a.value <= end.value;
}

export function sameIp(a: Ip, b: Ip): boolean {
  return a.family === b.family && a.value === b.value;
}

/** Number of addresses in an inclusive range (exact up to 2^53 for IPv6, saturating beyond). */
export function rangeSize(start: IpValue, end: IpValue): number {
  return typeof start === 'number' ? (end as number) - start + 1 : Number((end as bigint) - start + 1n);
}
