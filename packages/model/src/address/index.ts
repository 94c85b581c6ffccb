/**
 * Address core: parse once with `ip-address`, then plain numbers (IPv4: u32 `number`, IPv6:
 * `bigint`). Nothing here throws on bad input; parse functions return `{ error }` instead.
 *
 * - `parseIp(s)`            one address, `192.168.48.10` / `fd00:100:96::1`.
 * - `parseCidr(s)`          a network; host bits flagged in `hostBitsSet`, not rejected.
 * - `parseGatewayCidr(s)`   interface form `10.1.0.1/16` → `{ ip, network }`.
 * - `parseRange(a, b)`      inclusive range from two ends; same family, `b >= a`.
 * - `parseRangeString(s)`   the same from `a-b`.
 * - `isParseError(x)`       narrows a parse result to its error.
 * - `dottedQuad(s, end?)`, `prefixOf(s, from)`   the allocation-free fast path the parsers take
 *   for plain `a.b.c.d` and `/n` (-1 for anything else, which must go to `parseIp`/`parseCidr`);
 *   for callers that keep their own parsed form (the validator's parse cache).
 * - `formatIp4` / `formatIp6` / `formatIp`   canonical text (RFC 5952 for IPv6).
 * - `formatCidr(c)`         canonical network text, host bits cleared.
 * - `formatRange(r)`        `start-end` text.
 * - `size(r)`               address count (`number` for IPv4, `bigint` for IPv6).
 * - `usableHosts(c)`        host addresses of a CIDR (IPv4 drops network/broadcast below /31).
 * - `contains(r, ip)`, `cidrContains(outer, inner)`, `overlaps(a, b)`   interval predicates,
 *   valid for CIDRs and ranges alike, false across families.
 */
export {
  parseIp,
  parseCidr,
  parseGatewayCidr,
  parseRange,
  parseRangeString,
  isParseError,
  dottedQuad,
  prefixOf,
  formatIp4,
  formatIp6,
  formatIp,
  formatCidr,
  formatRange,
  size,
  usableHosts,
  contains,
  cidrContains,
  overlaps,
} from './parse.ts';
export type {
  IpFamily,
  ParseError,
  ParsedIp,
  ParsedIp4,
  ParsedIp6,
  Interval,
  Interval4,
  Interval6,
  ParsedCidr,
  ParsedCidr4,
  ParsedCidr6,
  ParsedRange,
  ParsedInterface,
} from './parse.ts';
