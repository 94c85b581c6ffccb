/**
 * `ip()` and `cidr()` read plain dotted quads directly and send everything else through
 * @viplane/model's parsers (cached). Either way the answer must be what the model's parser says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCidr, parseIp } from '@viplane/model';
import { cidr, ip } from './addr.ts';

const octet = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom('256', '00', '01', '010', '', ' 1', '-1', 'x'));
const prefix = fc.oneof(fc.integer({ min: 0, max: 34 }).map(String), fc.constantFrom('', '00', '08', ' 8', '-1'));
const text = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.array(octet, { minLength: 3, maxLength: 5 }), fc.option(prefix, { nil: undefined }))
      .map(([o, p]) => `${o.join('.')}${p === undefined ? '' : `/${p}`}`),
  },
  { weight: 1, arbitrary: fc.ipV6() },
  { weight: 1, arbitrary: fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([a, p]) => `${a}/${p}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
);

describe('address cache', () => {
  it('ip() gives the model parser answer for any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const p = parseIp(s);
        expect(ip(s)).toEqual('error' in p ? null : { family: p.family, value: p.value, text: s });
      }),
      { numRuns: 5_000 },
    );
  });

  it('cidr() gives the model parser answer for any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const p = parseCidr(s);
        expect(cidr(s)).toEqual(
          'error' in p
            ? null
            : { family: p.family, prefix: p.prefixLength, first: p.start, last: p.end, text: s, hostBitsSet: p.hostBitsSet },
        );
      }),
      { numRuns: 5_000 },
    );
  });
});
