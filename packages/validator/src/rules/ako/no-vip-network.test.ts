import { testRule } from '../../testing/ruleTester.ts';
import rule from './no-vip-network.ts';
import { mutate, propsOf, seed003 } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed003();
const noVip = mutate(doc, (d) => {
  propsOf<{ vipNetworkId: string | null }>(d, ids.ako).vipNetworkId = null;
});

testRule(rule, {
  valid: [
    { name: 'seed 003: vipNetworkList alb-vip', doc },
    {
      name: 'an imported AKO whose file did not say (unknown) is a question, not a mistake',
      doc: mutate(noVip, (d) => {
        (d.elements.find((e) => e.id === ids.ako) as { unknown?: string[] }).unknown = ['vipNetworkId'];
      }),
    },
  ],
  invalid: [{ name: 'AKO without a VIP network', doc: noVip, errors: [{ targets: [ids.ako], severity: 'error' }] }],
});
