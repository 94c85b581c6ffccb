/**
 * Address parsing and arithmetic.
 *
 * Every string goes through `ip-address` exactly once, here; everything after that is plain
 * numbers (IPv4, u32 in a float64, exact) or `bigint` (IPv6). performance.md rule 1: the
 * library's `startAddress()`/`bigInt()` cost 100× the arithmetic, so they never appear here.
 * Nothing in this module throws on bad input: parse failures are values (`{ error }`), because
 * a malformed address is a design mistake the validator reports, not a crash.
 */
import { Address4, Address6 } from 'ip-address';

export type IpFamily = 4 | 6;

/** What every parse function returns instead of throwing. */
export interface ParseError {
  readonly error: string;
}

export interface ParsedIp4 {
  readonly family: 4;
  readonly value: number;
}
export interface ParsedIp6 {
  readonly family: 6;
  readonly value: bigint;
}
export type ParsedIp = ParsedIp4 | ParsedIp6;

/** An inclusive run of addresses: `start` is the first address, `end` the last. */
export interface Interval4 {
  readonly family: 4;
  readonly start: number;
  readonly end: number;
}
export interface Interval6 {
  readonly family: 6;
  readonly start: bigint;
  readonly end: bigint;
}
export type Interval = Interval4 | Interval6;

/**
 * A CIDR. `start`/`end` are the network's first and last address (host bits cleared), so a
 * CIDR is an `Interval` and every interval helper accepts it. `address` is the address as
 * written, which differs from `start` exactly when `hostBitsSet`.
 */
export interface ParsedCidr4 extends Interval4 {
  readonly prefixLength: number;
  readonly address: number;
  readonly hostBitsSet: boolean;
}
export interface ParsedCidr6 extends Interval6 {
  readonly prefixLength: number;
  readonly address: bigint;
  readonly hostBitsSet: boolean;
}
export type ParsedCidr = ParsedCidr4 | ParsedCidr6;

/** A `start`–`end` range as written in a design (pools, DHCP ranges). */
export type ParsedRange = Interval;

/** An interface address such as a gateway `10.1.0.1/16`: the address and its network. */
export type ParsedInterface =
  { readonly ip: ParsedIp4; readonly network: ParsedCidr4 } | { readonly ip: ParsedIp6; readonly network: ParsedCidr6 };

// The schema caps address fields at 64 characters; anything longer cannot be an address, and
// refusing it early bounds the work ip-address's regular expressions can be made to do.
const MAX_INPUT = 100;
const TWO_32 = 4294967296;
const V6_MAX = (1n << 128n) - 1n;

/** Narrows a parse result to its error (`'error' in r` works too). */
export function isParseError(value: unknown): value is ParseError {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string';
}

interface Raw4 {
  readonly family: 4;
  readonly value: number;
  readonly prefixLength: number;
}
interface Raw6 {
  readonly family: 6;
  readonly value: bigint;
  readonly prefixLength: number;
}

function quote(s: string): string {
  return JSON.stringify(s);
}

function reason(e: unknown, maxPrefix: number): string {
  const msg = e instanceof Error ? e.message : String(e);
  // ip-address speaks of subnet masks; the people reading diagnostics wrote a prefix length.
  if (/subnet mask/i.test(msg)) return `prefix length must be 0-${maxPrefix}`;
  const trimmed = msg.replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

/** One `ip-address` construction per string; plain numbers from then on. */
function parseRaw(s: unknown, what: 'address' | 'CIDR', fastPath = true): Raw4 | Raw6 | ParseError {
  if (typeof s !== 'string') return { error: `expected an IP ${what} string, got ${typeof s}` };
  if (s.length === 0) return { error: `empty IP ${what}` };
  if (s.length > MAX_INPUT) return { error: `IP ${what} too long (${s.length} characters)` };
  const slash = s.indexOf('/');
  if (what === 'address' && slash >= 0) return { error: `${quote(s)} is a CIDR, expected a single address` };
  if (what === 'CIDR' && slash < 0) {
    return { error: `${quote(s)} has no prefix length (expected e.g. 192.168.32.0/20)` };
  }
  // The common case, a plain dotted quad with an optional prefix length, without ip-address.
  if (fastPath && slash !== 0) {
    const fast = dottedQuad(s, slash < 0 ? s.length : slash);
    if (fast >= 0) {
      const prefixLength = slash < 0 ? 32 : prefixOf(s, slash + 1);
      if (prefixLength >= 0) return { family: 4, value: fast, prefixLength };
    }
  }
  if (s.includes(':')) {
    let a: Address6;
    try {
      a = new Address6(s);
    } catch (e) {
      return { error: `invalid IPv6 ${what} ${quote(s)}: ${reason(e, 128)}` };
    }
    // A zone (`fe80::1%eth0`) names a host's link, which a design document cannot mean.
    if (a.zone) return { error: `invalid IPv6 ${what} ${quote(s)}: zone index not allowed` };
    // ip-address guarantees 8 hex groups; checking anyway, because a wrong number here would
    // silently corrupt every comparison downstream rather than fail.
    const g = a.parsedAddress;
    if (g.length !== 8) return { error: `invalid IPv6 ${what} ${quote(s)}` };
    let value = 0n;
    for (let i = 0; i < 8; i += 2) {
      const word = parseInt(g[i] as string, 16) * 65536 + parseInt(g[i + 1] as string, 16);
      if (!(word >= 0 && word < TWO_32)) return { error: `invalid IPv6 ${what} ${quote(s)}` };
      value = (value << 32n) | BigInt(word);
    }
    return { family: 6, value, prefixLength: a.subnetMask };
  }
  let a: Address4;
  try {
    a = new Address4(s);
  } catch (e) {
    return { error: `invalid IPv4 ${what} ${quote(s)}: ${reason(e, 32)}` };
  }
  const o = a.parsedAddress;
  if (o.length !== 4) return { error: `invalid IPv4 ${what} ${quote(s)}` };
  const value = +(o[0] as string) * 16777216 + +(o[1] as string) * 65536 + +(o[2] as string) * 256 + +(o[3] as string);
  if (!(value >= 0 && value < TWO_32)) return { error: `invalid IPv4 ${what} ${quote(s)}` };
  return { family: 4, value, prefixLength: a.subnetMask };
}

/**
 * Fast path for the overwhelmingly common form, `a.b.c.d` in `s[0, end)`: four decimal octets
 * 0-255 without leading zeros, nothing else. Returns the u32, or -1 for anything else, which
 * then goes to ip-address, the authority on every other form and on the error messages. Exactly
 * the strings ip-address's own pattern accepts pass here, with the same value (a property test
 * checks both against ip-address); ip-address alone cost ~2 µs per string, 10× this loop.
 */
export function dottedQuad(s: string, end = s.length): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      // A leading zero (`010`) is octal to inet_aton and refused by ip-address: not ours to decide.
      if (digits === 1 && octet === 0) return -1;
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return -1;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + octet;
}

/** Prefix length `0`-`32` from `s[from]` to the end, written without a leading zero; -1 otherwise. */
export function prefixOf(s: string, from: number): number {
  const n = s.length - from;
  if (n < 1 || n > 2) return -1;
  const a = s.charCodeAt(from) - 48;
  if (a < 0 || a > 9) return -1;
  if (n === 1) return a;
  const b = s.charCodeAt(from + 1) - 48;
  if (a === 0 || b < 0 || b > 9) return -1;
  const len = a * 10 + b;
  return len <= 32 ? len : -1;
}

function cidrFromRaw(raw: Raw4 | Raw6): ParsedCidr {
  if (raw.family === 4) {
    // Float64 arithmetic is exact on u32, and avoids the sign trap of `<<` at /0 and /1.
    const blockSize = 2 ** (32 - raw.prefixLength);
    const start = raw.value - (raw.value % blockSize);
    return {
      family: 4,
      prefixLength: raw.prefixLength,
      start,
      end: start + blockSize - 1,
      address: raw.value,
      hostBitsSet: start !== raw.value,
    };
  }
  const hostMask = (1n << BigInt(128 - raw.prefixLength)) - 1n;
  const start = raw.value & (V6_MAX ^ hostMask);
  return {
    family: 6,
    prefixLength: raw.prefixLength,
    start,
    end: start | hostMask,
    address: raw.value,
    hostBitsSet: start !== raw.value,
  };
}

/** Parse one address (`192.168.48.10`, `fd00:100:96::1`). No prefix length, no zone. */
export function parseIp(s: string): ParsedIp | ParseError {
  const raw = parseRaw(s, 'address');
  if ('error' in raw) return raw;
  return raw.family === 4 ? { family: 4, value: raw.value } : { family: 6, value: raw.value };
}

/**
 * Parse a network (`192.168.32.0/20`). Host bits are accepted and flagged (`hostBitsSet`), not
 * rejected, so `ipam/invalid-cidr` can name the intended network; the prefix length is required.
 */
export function parseCidr(s: string): ParsedCidr | ParseError {
  const raw = parseRaw(s, 'CIDR');
  if ('error' in raw) return raw;
  return cidrFromRaw(raw);
}

/**
 * `parseIp` and `parseCidr` with ip-address alone, skipping the dotted-quad fast path: the oracle
 * of the test that proves the fast path changes nothing. Not part of the package's API.
 */
export function parseWithLibraryOnly(s: string, what: 'address' | 'CIDR'): ParsedIp | ParsedCidr | ParseError {
  const raw = parseRaw(s, what, false);
  if ('error' in raw) return raw;
  if (what === 'CIDR') return cidrFromRaw(raw);
  return raw.family === 4 ? { family: 4, value: raw.value } : { family: 6, value: raw.value };
}

/**
 * Parse the interface form (`10.1.0.1/16`, a gateway or a NIC): host bits are the point here.
 * Whether the address is the network or broadcast address is a rule's question, not a syntax
 * error, so it is not checked.
 */
export function parseGatewayCidr(s: string): ParsedInterface | ParseError {
  const raw = parseRaw(s, 'CIDR');
  if ('error' in raw) return raw;
  const c = cidrFromRaw(raw);
  if (c.family === 4) {
    return { ip: { family: 4, value: c.address }, network: { ...c, address: c.start, hostBitsSet: false } };
  }
  return { ip: { family: 6, value: c.address }, network: { ...c, address: c.start, hostBitsSet: false } };
}

/** Parse an inclusive range from its two ends; same family, `end >= start`. */
export function parseRange(start: string, end: string): ParsedRange | ParseError {
  const a = parseIp(start);
  if ('error' in a) return { error: `range start: ${a.error}` };
  const b = parseIp(end);
  if ('error' in b) return { error: `range end: ${b.error}` };
  if (a.family === 4 && b.family === 4) {
    if (b.value < a.value) return { error: `range end ${formatIp4(b.value)} is before its start ${formatIp4(a.value)}` };
    return { family: 4, start: a.value, end: b.value };
  }
  if (a.family === 6 && b.family === 6) {
    if (b.value < a.value) return { error: `range end ${formatIp6(b.value)} is before its start ${formatIp6(a.value)}` };
    return { family: 6, start: a.value, end: b.value };
  }
  return { error: `range mixes IPv${a.family} and IPv${b.family}: ${quote(start)}-${quote(end)}` };
}

/** Parse the one-string form `192.168.120.31-192.168.120.40` used by several exports. */
export function parseRangeString(s: string): ParsedRange | ParseError {
  if (typeof s !== 'string') return { error: `expected a range string, got ${typeof s}` };
  const dash = s.indexOf('-');
  if (dash < 0 || dash !== s.lastIndexOf('-')) return { error: `${quote(s.slice(0, MAX_INPUT))} is not of the form start-end` };
  return parseRange(s.slice(0, dash), s.slice(dash + 1));
}

/** Dotted-quad text of a u32. */
export function formatIp4(value: number): string {
  return `${Math.floor(value / 16777216) % 256}.${Math.floor(value / 65536) % 256}.${Math.floor(value / 256) % 256}.${value % 256}`;
}

/** RFC 5952 text of a 128-bit value: lower case, the longest run (≥2) of zero groups as `::`. */
export function formatIp6(value: bigint): string {
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((value >> shift) & 0xffffn));
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]) => gs.map((x) => x.toString(16)).join(':');
  if (bestAt < 0) return hex(groups);
  return `${hex(groups.slice(0, bestAt))}::${hex(groups.slice(bestAt + bestLen))}`;
}

/** Canonical text of a parsed address. */
export function formatIp(ip: ParsedIp): string {
  return ip.family === 4 ? formatIp4(ip.value) : formatIp6(ip.value);
}

/** Canonical network text (host bits cleared): what `192.168.32.5/20` should have been. */
export function formatCidr(c: ParsedCidr): string {
  return `${c.family === 4 ? formatIp4(c.start) : formatIp6(c.start)}/${c.prefixLength}`;
}

/** `start-end` text of any interval. */
export function formatRange(r: Interval): string {
  return r.family === 4 ? `${formatIp4(r.start)}-${formatIp4(r.end)}` : `${formatIp6(r.start)}-${formatIp6(r.end)}`;
}

/** Number of addresses in an interval (a CIDR or a range). IPv6 counts need `bigint`. */
export function size(r: Interval4): number;
export function size(r: Interval6): bigint;
export function size(r: Interval): number | bigint;
export function size(r: Interval): number | bigint {
  return r.family === 4 ? r.end - r.start + 1 : r.end - r.start + 1n;
}

/**
 * Addresses a host can take. IPv4 loses the network and broadcast addresses below /31 (RFC 3021
 * makes both /31 addresses usable). IPv6 has no broadcast, so every address counts.
 */
export function usableHosts(c: ParsedCidr4): number;
export function usableHosts(c: ParsedCidr6): bigint;
export function usableHosts(c: ParsedCidr): number | bigint;
export function usableHosts(c: ParsedCidr): number | bigint {
  if (c.family === 6) return c.end - c.start + 1n;
  return c.prefixLength >= 31 ? c.end - c.start + 1 : c.end - c.start - 1;
}

/** Whether the interval holds the address; always false across families. */
export function contains(r: Interval, ip: ParsedIp): boolean {
  if (r.family === 4) return ip.family === 4 && r.start <= ip.value && ip.value <= r.end;
  return ip.family === 6 && r.start <= ip.value && ip.value <= r.end;
}

/** Whether `outer` holds all of `inner` (equal intervals count); false across families. */
export function cidrContains(outer: Interval, inner: Interval): boolean {
  if (outer.family === 4) return inner.family === 4 && outer.start <= inner.start && inner.end <= outer.end;
  return inner.family === 6 && outer.start <= inner.start && inner.end <= outer.end;
}

/** Whether two intervals share at least one address; false across families. */
export function overlaps(a: Interval, b: Interval): boolean {
  if (a.family === 4) return b.family === 4 && a.start <= b.end && b.start <= a.end;
  return b.family === 6 && a.start <= b.end && b.start <= a.end;
}
