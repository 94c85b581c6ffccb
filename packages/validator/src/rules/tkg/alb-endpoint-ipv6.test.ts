import { testRule } from '../../testing/ruleTester.ts';
import rule from './alb-endpoint-ipv6.ts';
import { mutate, propsOf, seed000 } from '../../../test/fixtures/routing.ts';

type Tkg = { endpoint: { provider: string; address: string | null } };
const alb = seed000('3net-alb');
const kubevip = seed000('3net-kubevip');

testRule(rule, {
  valid: [
    { name: 'seed 000 NSX-ALB provider, no fixed endpoint', doc: alb.doc },
    {
      name: 'kube-vip with an IPv6 endpoint is not this rule',
      doc: mutate(kubevip.doc, (d) => {
        propsOf<Tkg>(d, kubevip.ids.wc).endpoint.address = 'fd00:52::100';
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 000 NSX-ALB provider asked for fd00:52::100',
      doc: mutate(alb.doc, (d) => {
        propsOf<Tkg>(d, alb.ids.wc).endpoint.address = 'fd00:52::100';
      }),
      errors: [{ targets: [alb.ids.wc], severity: 'error' }],
    },
  ],
});
