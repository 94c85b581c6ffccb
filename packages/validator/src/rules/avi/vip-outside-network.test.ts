import { testRule } from '../../testing/ruleTester.ts';
import rule from './vip-outside-network.ts';
import { mutate, propsOf, seed003 } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed003();
const vipAt = (address: string, id: string = ids.lb) =>
  mutate(doc, (d) => {
    propsOf<{ address: string }>(d, id).address = address;
  });

testRule(rule, {
  valid: [
    { name: 'seed 003: VIPs .1 and .4 and the DNS VS .253 on alb-vip', doc },
    { name: 'a VIP from the pool has no fixed address to judge', doc: vipAt(null as unknown as string) },
  ],
  invalid: [
    {
      name: 'the LoadBalancer VIP typed on the node network alb-mgmt, inside its SE pool',
      doc: vipAt('172.16.250.120'),
      errors: [
        { targets: [ids.lb, ids.albVip, 'alb-mgmt-se-pool'], severity: 'error', data: { ranges: ['172.16.250.101-172.16.250.150'] } },
      ],
    },
    {
      name: 'the DNS VS outside every network',
      doc: vipAt('10.0.0.53', ids.dns),
      errors: [{ targets: [ids.dns, ids.albVip], data: { ranges: [] } }],
    },
  ],
});
