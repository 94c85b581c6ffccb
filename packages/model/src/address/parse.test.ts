import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cidrContains,
  contains,
  formatCidr,
  formatIp,
  formatIp4,
  formatIp6,
  formatRange,
  isParseError,
  overlaps,
  parseCidr,
  parseGatewayCidr,
  parseIp,
  parseRange,
  parseRangeString,
  size,
  usableHosts,
  type Interval,
  type ParsedCidr,
  type ParsedIp,
  type ParsedRange,
} from './index.ts';

// Test helpers unwrap a successful parse, failing loudly otherwise.
function cidr(s: string): ParsedCidr {
  const r = parseCidr(s);
  if (isParseError(r)) throw new Error(r.error);
  return r;
}
function ip(s: string): ParsedIp {
  const r = parseIp(s);
  if (isParseError(r)) throw new Error(r.error);
  return r;
}
function range(a: string, b: string): ParsedRange {
  const r = parseRange(a, b);
  if (isParseError(r)) throw new Error(r.error);
  return r;
}

// Independent oracle: dotted quad by split, no ip-address, bigint arithmetic.
function oracleV4(s: string): bigint {
  return s.split('.').reduce((acc, o) => (acc << 8n) | BigInt(Number(o)), 0n);
}

describe('parseCidr (IPv4)', () => {
  it('reads a canonical network', () => {
    const c = cidr('192.168.32.0/20');
    expect(c).toEqual({
      family: 4,
      prefixLength: 20,
      start: Number(oracleV4('192.168.32.0')),
      end: Number(oracleV4('192.168.47.255')),
      address: Number(oracleV4('192.168.32.0')),
      hostBitsSet: false,
    });
    expect(size(c)).toBe(4096);
    expect(usableHosts(c)).toBe(4094);
    expect(formatCidr(c)).toBe('192.168.32.0/20');
  });

  it('flags host bits and names the intended network', () => {
    const c = cidr('192.168.32.5/20');
    expect(c.hostBitsSet).toBe(true);
    expect(c.family === 4 && formatIp4(c.address)).toBe('192.168.32.5');
    expect(formatCidr(c)).toBe('192.168.32.0/20');
  });

  it.each([
    ['192.168.48.0/22', '192.168.48.0', '192.168.51.255', 1024],
    ['172.16.136.0/21', '172.16.136.0', '172.16.143.255', 2048],
    ['10.244.0.0/16', '10.244.0.0', '10.244.255.255', 65536],
    ['10.96.0.0/12', '10.96.0.0', '10.111.255.255', 1048576],
    ['100.64.0.0/10', '100.64.0.0', '100.127.255.255', 4194304],
    ['0.0.0.0/0', '0.0.0.0', '255.255.255.255', 4294967296],
    ['255.255.255.255/32', '255.255.255.255', '255.255.255.255', 1],
    ['128.0.0.0/1', '128.0.0.0', '255.255.255.255', 2147483648],
  ])('%s spans %s-%s', (s, first, last, count) => {
    const c = cidr(s);
    expect(formatRange(c)).toBe(`${first}-${last}`);
    expect(size(c)).toBe(count);
    expect(c.hostBitsSet).toBe(false);
  });

  it('counts usable hosts the way RFC 3021 does for /31 and /32', () => {
    expect(usableHosts(cidr('192.168.120.0/24'))).toBe(254);
    expect(usableHosts(cidr('192.168.120.0/30'))).toBe(2);
    expect(usableHosts(cidr('192.168.120.0/31'))).toBe(2);
    expect(usableHosts(cidr('192.168.120.7/32'))).toBe(1);
    expect(usableHosts(cidr('0.0.0.0/0'))).toBe(2 ** 32 - 2);
  });

  it('answers containment and overlap on numbers', () => {
    const pods = cidr('10.244.0.0/16');
    expect(contains(pods, ip('10.244.1.5'))).toBe(true);
    expect(contains(pods, ip('10.245.0.0'))).toBe(false);
    expect(contains(pods, ip('fd00::1'))).toBe(false);
    expect(cidrContains(pods, cidr('10.244.1.0/24'))).toBe(true);
    expect(cidrContains(cidr('10.244.1.0/24'), pods)).toBe(false);
    expect(cidrContains(pods, pods)).toBe(true);
    expect(overlaps(pods, cidr('10.96.0.0/12'))).toBe(false);
    expect(overlaps(cidr('192.168.32.0/20'), cidr('192.168.47.0/24'))).toBe(true);
    expect(overlaps(cidr('192.168.32.0/20'), cidr('192.168.48.0/22'))).toBe(false);
    expect(overlaps(cidr('192.168.32.0/20'), range('192.168.47.250', '192.168.48.10'))).toBe(true);
    expect(overlaps(pods, cidr('fd00::/8'))).toBe(false);
  });

  it.each([
    ['', /empty/],
    ['192.168.32.0', /no prefix length/],
    ['192.168.32.0/33', /"192\.168\.32\.0\/33": prefix length must be 0-32/],
    ['192.168.32.0/', /invalid IPv4 CIDR/],
    ['300.1.1.1/8', /invalid IPv4 CIDR/],
    ['1.2.3.04/8', /leading zero/],
    [' 192.168.32.0/20', /invalid IPv4 CIDR/],
    ['192.168.32.0/20 ', /invalid IPv4 CIDR/],
    ['192.168.32.0/-1', /invalid IPv4 CIDR/],
    ['10.0.0.0/8/8', /invalid IPv4 CIDR/],
    ['hello/8', /invalid IPv4 CIDR/],
    ['1'.repeat(500) + '/8', /too long/],
  ])('rejects %j', (s, message) => {
    const r = parseCidr(s);
    expect(isParseError(r)).toBe(true);
    expect(isParseError(r) && r.error).toMatch(message);
  });
});

describe('parseCidr (IPv6)', () => {
  it('reads a ULA /48', () => {
    const c = cidr('fd00:100:96::/48');
    expect(c.family).toBe(6);
    expect(c.prefixLength).toBe(48);
    expect(c.start).toBe(0xfd00_0100_0096n << 80n);
    expect(c.end).toBe((0xfd00_0100_0096n << 80n) | ((1n << 80n) - 1n));
    expect(size(c)).toBe(1n << 80n);
    expect(usableHosts(c)).toBe(1n << 80n);
    expect(formatCidr(c)).toBe('fd00:100:96::/48');
  });

  it('flags host bits and accepts upper case and zero-padded groups', () => {
    const c = cidr('FD00:0100:0096::1/48');
    expect(c.hostBitsSet).toBe(true);
    expect(formatCidr(c)).toBe('fd00:100:96::/48');
    expect(c.family === 6 && formatIp6(c.address)).toBe('fd00:100:96::1');
  });

  it('covers the whole space with ::/0 and a single address with /128', () => {
    const all = cidr('::/0');
    expect(all.start).toBe(0n);
    expect(all.end).toBe((1n << 128n) - 1n);
    expect(size(cidr('fd00::1/128'))).toBe(1n);
  });

  it.each([
    ['fd00::/129', /invalid IPv6 CIDR "fd00::\/129": prefix length must be 0-128/],
    ['fe80::1%eth0/64', /zone/],
    ['fd00:::/48', /invalid IPv6 CIDR/],
    ['1::2::3/64', /invalid IPv6 CIDR/],
    ['fd00::', /no prefix length/],
    ['fd00::g/64', /invalid IPv6 CIDR/],
  ])('rejects %j', (s, message) => {
    const r = parseCidr(s);
    expect(isParseError(r) && r.error).toMatch(message);
  });
});

describe('parseIp', () => {
  it('reads addresses of both families', () => {
    expect(ip('192.168.48.10')).toEqual({ family: 4, value: Number(oracleV4('192.168.48.10')) });
    expect(ip('0.0.0.0')).toEqual({ family: 4, value: 0 });
    expect(ip('255.255.255.255')).toEqual({ family: 4, value: 2 ** 32 - 1 });
    expect(ip('fd00:100:96::10')).toEqual({ family: 6, value: (0xfd00_0100_0096n << 80n) | 0x10n });
    expect(ip('::')).toEqual({ family: 6, value: 0n });
  });

  it('reads embedded IPv4 notation as the same 128 bits', () => {
    expect(ip('::ffff:192.168.1.1')).toEqual({ family: 6, value: 0xffff_c0a8_0101n });
    expect(formatIp(ip('::ffff:192.168.1.1'))).toBe('::ffff:c0a8:101');
  });

  it.each([
    ['192.168.48.10/22', /is a CIDR/],
    ['192.168.48', /invalid IPv4 address/],
    ['fe80::1%eth0', /zone/],
    ['', /empty/],
  ])('rejects %j', (s, message) => {
    const r = parseIp(s);
    expect(isParseError(r) && r.error).toMatch(message);
  });

  it('returns an error for non-strings coming from untyped JSON', () => {
    expect(isParseError(parseIp(42 as unknown as string))).toBe(true);
    expect(isParseError(parseCidr(null as unknown as string))).toBe(true);
    expect(isParseError(parseRangeString(undefined as unknown as string))).toBe(true);
  });
});

describe('parseGatewayCidr', () => {
  it('splits the interface form into address and network', () => {
    const g = parseGatewayCidr('10.1.0.1/16');
    if (isParseError(g)) throw new Error(g.error);
    expect(formatIp(g.ip)).toBe('10.1.0.1');
    expect(formatCidr(g.network)).toBe('10.1.0.0/16');
    expect(g.network.hostBitsSet).toBe(false);
    expect(contains(g.network, g.ip)).toBe(true);
  });

  it('works for IPv6 and keeps a network-address gateway for the rules to judge', () => {
    const g = parseGatewayCidr('fd00:100:96::1/48');
    if (isParseError(g)) throw new Error(g.error);
    expect(formatIp(g.ip)).toBe('fd00:100:96::1');
    expect(formatCidr(g.network)).toBe('fd00:100:96::/48');
    const n = parseGatewayCidr('192.168.48.0/22');
    expect(!isParseError(n) && n.ip.value === n.network.start).toBe(true);
  });

  it('requires the prefix length', () => {
    expect(isParseError(parseGatewayCidr('10.1.0.1'))).toBe(true);
  });
});

describe('parseRange', () => {
  it('reads a pool', () => {
    const r = range('192.168.120.31', '192.168.120.40');
    expect(size(r)).toBe(10);
    expect(formatRange(r)).toBe('192.168.120.31-192.168.120.40');
    expect(cidrContains(cidr('192.168.120.0/24'), r)).toBe(true);
    expect(size(range('192.168.120.31', '192.168.120.31'))).toBe(1);
  });

  it('reads IPv6 ranges with bigint sizes', () => {
    const r = range('fd00:100:96::10', 'fd00:100:96::1:f');
    expect(size(r)).toBe(0x10000n);
  });

  it.each([
    ['192.168.120.40', '192.168.120.31', /before its start/],
    ['192.168.120.31', 'fd00::1', /mixes IPv4 and IPv6/],
    ['192.168.120.x', '192.168.120.40', /^range start/],
    ['192.168.120.31', '192.168.120.0/24', /^range end/],
    ['fd00::2', 'fd00::1', /before its start/],
  ])('rejects %s-%s', (a, b, message) => {
    const r = parseRange(a, b);
    expect(isParseError(r) && r.error).toMatch(message);
  });

  it('reads the one-string form', () => {
    const r = parseRangeString('192.168.120.31-192.168.120.40');
    expect(!isParseError(r) && formatRange(r)).toBe('192.168.120.31-192.168.120.40');
    expect(isParseError(parseRangeString('192.168.120.31'))).toBe(true);
    expect(isParseError(parseRangeString('1.1.1.1-2.2.2.2-3.3.3.3'))).toBe(true);
  });
});

describe('formatIp6 (RFC 5952)', () => {
  it.each([
    [0n, '::'],
    [1n, '::1'],
    [1n << 112n, '1::'],
    [0x2001_0db8_0000_0000_0001_0000_0000_0001n, '2001:db8::1:0:0:1'],
    [0x2001_0db8_0000_0001_0001_0001_0001_0001n, '2001:db8:0:1:1:1:1:1'],
    [0x2001_0db8_0000_0000_0001_0000_0000_0000n, '2001:db8:0:0:1::'],
    [0xfd00_0100_0096_0000_0000_0000_0000_0000n, 'fd00:100:96::'],
    [0xffff_ffff_ffff_ffff_ffff_ffff_ffff_ffffn, 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ])('formats %s as %s', (value, text) => {
    expect(formatIp6(value)).toBe(text);
  });
});

// ---- properties -------------------------------------------------------------------------

const U32_MAX = 2 ** 32 - 1;
const V6_MAX = (1n << 128n) - 1n;
const u32 = fc.oneof(fc.integer({ min: 0, max: U32_MAX }), fc.constantFrom(0, 1, 255, 256, 2 ** 31 - 1, 2 ** 31, U32_MAX - 1, U32_MAX));
// Zero groups in runs, so `::` placement gets exercised.
const v6 = fc
  .array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 })
  .map((gs) => gs.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n));

/** Independent RFC 5952 formatter: the longest `0:0…` run found by a regular expression. */
function oracleFormat6(value: bigint): string {
  const groups: string[] = [];
  for (let i = 0; i < 8; i++) groups.push(((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  const full = groups.join(':');
  let best: { at: number; text: string } | undefined;
  for (const m of full.matchAll(/(?:^|:)(0(?::0)+)(?=:|$)/g)) {
    const text = m[1]!;
    const at = m.index + (m[0].startsWith(':') ? 1 : 0);
    if (!best || text.length > best.text.length) best = { at, text };
  }
  if (!best) return full;
  return `${full.slice(0, best.at).replace(/:$/, '')}::${full.slice(best.at + best.text.length).replace(/^:/, '')}`;
}

describe('properties', () => {
  it('IPv4 CIDRs match bigint mask arithmetic and round-trip', () => {
    fc.assert(
      fc.property(u32, fc.integer({ min: 0, max: 32 }), (a, len) => {
        const c = cidr(`${formatIp4(a)}/${len}`);
        const hostBits = 32n - BigInt(len);
        const start = (BigInt(a) >> hostBits) << hostBits;
        expect(c.family).toBe(4);
        expect(BigInt(c.start)).toBe(start);
        expect(BigInt(c.end)).toBe(start + (1n << hostBits) - 1n);
        expect(c.hostBitsSet).toBe(start !== BigInt(a));
        expect(c.address).toBe(a);
        expect(cidr(formatCidr(c))).toEqual({ ...c, address: c.start, hostBitsSet: false });
        expect(ip(formatIp4(a))).toEqual({ family: 4, value: a });
        expect(oracleV4(formatIp4(a))).toBe(BigInt(a));
      }),
      { numRuns: 2000 },
    );
  });

  it('IPv6 text is RFC 5952 and round-trips through ip-address', () => {
    fc.assert(
      fc.property(v6, fc.integer({ min: 0, max: 128 }), (value, len) => {
        const text = formatIp6(value);
        expect(text).toBe(oracleFormat6(value));
        expect(ip(text)).toEqual({ family: 6, value });
        const c = cidr(`${text}/${len}`);
        const hostMask = (1n << BigInt(128 - len)) - 1n;
        expect(c.start).toBe(value & (V6_MAX ^ hostMask));
        expect(c.end).toBe(value | hostMask);
        expect(c.hostBitsSet).toBe((value & hostMask) !== 0n);
        expect(formatCidr(cidr(formatCidr(c)))).toBe(formatCidr(c));
      }),
      { numRuns: 2000 },
    );
  });

  it('interval predicates agree with bigint comparisons', () => {
    const iv = fc.tuple(u32, u32).map(([x, y]): Interval => ({ family: 4, start: Math.min(x, y), end: Math.max(x, y) }));
    fc.assert(
      fc.property(iv, iv, u32, (a, b, x) => {
        const [as, ae, bs, be] = [a.start, a.end, b.start, b.end].map(BigInt) as [bigint, bigint, bigint, bigint];
        expect(overlaps(a, b)).toBe(!(ae < bs || be < as));
        expect(cidrContains(a, b)).toBe(as <= bs && be <= ae);
        expect(contains(a, { family: 4, value: x })).toBe(as <= BigInt(x) && BigInt(x) <= ae);
        expect(BigInt(size(a as Interval & { family: 4 }))).toBe(ae - as + 1n);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('fuzz: parsing never throws', () => {
  const near = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF.:/%-x \t\n'.split('')), maxLength: 60 });
  const arbitrary = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), near);

  it('returns a value or { error } for any string, and accepted text round-trips', () => {
    fc.assert(
      fc.property(arbitrary, (s) => {
        const c = parseCidr(s);
        if (!isParseError(c)) expect(cidr(formatCidr(c)).start).toBe(c.start);
        const a = parseIp(s);
        if (!isParseError(a)) expect(ip(formatIp(a)).value).toBe(a.value);
        parseGatewayCidr(s);
        parseRangeString(s);
        parseRange(s, s);
      }),
      { numRuns: 5000 },
    );
  });

  it('stays fast on long adversarial input', () => {
    const t0 = Date.now();
    for (const s of [':'.repeat(99), '1:'.repeat(49), '1.'.repeat(49), 'f'.repeat(99), `${'0:'.repeat(40)}/64`]) {
      expect(isParseError(parseCidr(s))).toBe(true);
      expect(isParseError(parseIp(s))).toBe(true);
    }
    expect(Date.now() - t0).toBeLessThan(500);
  });
});
