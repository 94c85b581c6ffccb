import { testRule } from '../../testing/ruleTester.ts';
import rule from './cidr-family-mismatch.ts';
import { mutate, propsOf, seed000 } from '../../../test/fixtures/routing.ts';

type Tkg = { podCidr: string; serviceCidr: string };
const alb = seed000('3net-alb');

testRule(rule, {
  valid: [
    { name: 'seed 000: IPv4 defaults 100.96.0.0/11 and 100.64.0.0/13', doc: alb.doc },
    {
      name: 'IPv6 both: fd00:100:96::/48 and fd00:100:64::/108',
      doc: mutate(alb.doc, (d) =>
        Object.assign(propsOf<Tkg>(d, alb.ids.wc), { podCidr: 'fd00:100:96::/48', serviceCidr: 'fd00:100:64::/108' }),
      ),
    },
    {
      name: 'a malformed service CIDR is ipam/invalid-cidr, not this rule',
      doc: mutate(alb.doc, (d) => Object.assign(propsOf<Tkg>(d, alb.ids.wc), { serviceCidr: 'fd00::/999' })),
    },
  ],
  invalid: [
    {
      name: 'IPv4 pod CIDR with an IPv6 service CIDR',
      doc: mutate(alb.doc, (d) => Object.assign(propsOf<Tkg>(d, alb.ids.wc), { serviceCidr: 'fd00:100:64::/108' })),
      errors: [{ targets: [alb.ids.wc], severity: 'error' }],
    },
  ],
});
