import { testRule } from '../../testing/ruleTester.ts';
import rule from './unintended-direct-attach.ts';
import { mutate, propsOf, seed000, seed003 } from '../../../test/fixtures/routing.ts';

const kubevip = seed000('3net-kubevip');

/** seed 000 kubevip-node-net-registered: dp-data-52 registered with 192.168.52.0/22 and a pool. */
const registered = mutate(kubevip.doc, (d) => {
  const pg = propsOf<{ albRegistered: boolean; ranges: unknown[] }>(d, kubevip.ids.data52);
  pg.albRegistered = true;
  pg.ranges.push({ id: 'data52-vip-pool', purpose: 'vip-pool', start: '192.168.53.0', end: '192.168.53.255' });
});

testRule(rule, {
  valid: [
    { name: 'seed 000 kube-vip: dp-data-52 subnet "None" on the Controller', doc: kubevip.doc },
    { name: 'seed 000 3-network NSX-ALB: SE has a NIC on the registered dp-data-52', doc: seed000('3net-alb').doc },
    { name: 'seed 003: node network alb-mgmt carries the SE management NIC', doc: seed003().doc },
    {
      name: 'registered and the SE NIC drawn on it: a direct attachment by design',
      doc: mutate(registered, (d) => {
        d.links.push({
          id: 'se-52',
          kind: 'nic',
          from: kubevip.ids.se,
          to: kubevip.ids.data52,
          role: 'data',
          address: null,
          addressMode: 'pool',
          gateway: null,
        });
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 000 kubevip-node-net-registered',
      doc: registered,
      errors: [
        {
          targets: [kubevip.ids.data52, kubevip.ids.se, kubevip.ids.mgmtCluster, kubevip.ids.wc],
          severity: 'warning',
          data: { network: 'dp-data-52', routePrefix: '0.0.0.0/0', nextHop: '192.168.48.1' },
        },
      ],
    },
  ],
});
