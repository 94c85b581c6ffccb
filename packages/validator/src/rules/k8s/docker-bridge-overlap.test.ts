import { testRule } from '../../testing/ruleTester.ts';
import rule from './docker-bridge-overlap.ts';
import { mutate, propsOf, seed000, seed003 } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed000('3net-alb');
const subnet = (id: string, cidr: string) =>
  mutate(doc, (d) => {
    propsOf<{ subnet: string }>(d, id).subnet = cidr;
  });

testRule(rule, {
  valid: [
    { name: 'seed 000: 192.168.x networks', doc },
    { name: 'seed 003 (no TKG, no bootstrap machine) on 172.16.250.0/24', doc: seed003().doc },
    { name: '172.16.0.0/16 and 172.19.0.0/16 are not the bridge ranges', doc: subnet(ids.data52, '172.19.0.0/16') },
  ],
  invalid: [
    {
      name: 'the node network dp-data-52 on 172.17.52.0/22 (both clusters)',
      doc: subnet(ids.data52, '172.17.52.0/22'),
      errors: [
        { targets: [ids.mgmtCluster, ids.data52], severity: 'warning', data: { docker: '172.17.0.0/16' } },
        { targets: [ids.wc, ids.data52], severity: 'warning', data: { docker: '172.17.0.0/16' } },
      ],
    },
    {
      name: 'the app VIP network on 172.18.48.0/22',
      doc: subnet(ids.data48, '172.18.48.0/22'),
      errors: [
        { targets: [ids.mgmtCluster, ids.data48], data: { docker: '172.18.0.0/16' } },
        { targets: [ids.wc, ids.data48], data: { docker: '172.18.0.0/16' } },
      ],
    },
  ],
});
