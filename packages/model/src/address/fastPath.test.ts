/**
 * The dotted-quad fast path in parse.ts must change nothing: for every string, `parseIp`,
 * `parseCidr` and `parseGatewayCidr` give what ip-address alone gives (value, prefix, flags, and
 * the very same error text). Inputs are biased toward the near misses a hand-written parser gets
 * wrong: leading zeros, octets above 255, missing or extra parts, odd prefix lengths, spaces,
 * signs, IPv6 and IPv4-in-IPv6.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Address4 } from 'ip-address';
import { parseCidr, parseGatewayCidr, parseIp, parseWithLibraryOnly } from './parse.ts';

const octet = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map(String),
  fc.integer({ min: 256, max: 999 }).map(String),
  fc.constantFrom('0', '00', '01', '010', '000', '1000', '', '-1', '+1', ' 1', '1 ', 'a', '0x1', '1e2', '٣'),
);
const prefix = fc.oneof(
  fc.integer({ min: 0, max: 32 }).map(String),
  fc.integer({ min: 33, max: 129 }).map(String),
  fc.constantFrom('', '00', '08', '032', '-1', ' 8', '8 ', 'x', '/8'),
);
const dotted = fc
  .tuple(fc.array(octet, { minLength: 1, maxLength: 6 }), fc.option(prefix, { nil: undefined }))
  .map(([parts, p]) => `${parts.join('.')}${p === undefined ? '' : `/${p}`}`);
const v6 = fc.oneof(
  fc.ipV6(),
  fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 130 })).map(([a, p]) => `${a}/${p}`),
  fc.constantFrom('::ffff:10.0.0.1', '::ffff:10.0.0.1/120', 'fe80::1%eth0', '::', '::/0', '1::2::3'),
);
const anyText = fc.oneof(
  { weight: 6, arbitrary: dotted },
  { weight: 2, arbitrary: fc.ipV4().chain((a) => fc.integer({ min: 0, max: 32 }).map((p) => [a, `${a}/${p}`])).chain((xs) => fc.constantFrom(...xs)) },
  { weight: 2, arbitrary: v6 },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

describe('dotted-quad fast path', () => {
  it('gives what ip-address alone gives, errors included', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(parseIp(s)).toEqual(parseWithLibraryOnly(s, 'address'));
        expect(parseCidr(s)).toEqual(parseWithLibraryOnly(s, 'CIDR'));
      }),
      { numRuns: 20_000 },
    );
  });

  it('accepts every canonical IPv4 address and CIDR with the value ip-address reads', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (a, p) => {
        const lib = new Address4(`${a}/${p}`);
        const value = lib.parsedAddress.reduce((acc, o) => acc * 256 + Number(o), 0);
        expect(parseIp(a)).toEqual({ family: 4, value });
        const c = parseCidr(`${a}/${p}`);
        expect(c).toMatchObject({ family: 4, address: value, prefixLength: lib.subnetMask });
        expect(parseGatewayCidr(`${a}/${p}`)).toMatchObject({ ip: { family: 4, value } });
      }),
      { numRuns: 5_000 },
    );
  });

  it.each(['010.0.0.1', '10.0.0.256', '10.0.0', '10.0.0.1.1', ' 10.0.0.1', '10.0.0.1/33', '10.0.0.0/08', '10.0.0.0/', '/8'])(
    'leaves %s to ip-address',
    (s) => {
      expect(parseIp(s)).toEqual(parseWithLibraryOnly(s, 'address'));
      expect(parseCidr(s)).toEqual(parseWithLibraryOnly(s, 'CIDR'));
    },
  );
});
