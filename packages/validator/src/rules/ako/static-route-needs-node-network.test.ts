import { testRule } from '../../testing/ruleTester.ts';
import rule from './static-route-needs-node-network.ts';
import { mutate, propsOf, seed003 } from '../../../test/fixtures/routing.ts';

const ako = seed003();

/** seed 003 se-not-on-node-network: the nodes move to alb-nodes (172.16.252.0/24), where the SE has no NIC. */
const moved = (seNic: boolean, registered = true) =>
  mutate(ako.doc, (d) => {
    d.elements.push({
      id: 'alb-nodes',
      kind: 'portGroup',
      name: 'alb-nodes',
      position: { x: 0, y: 0 },
      props: {
        vlan: null,
        subnet: '172.16.252.0/24',
        gateway: '172.16.252.254',
        dhcp: false,
        albRegistered: registered,
        ranges: [],
        routingDomain: 'default',
      },
    });
    propsOf<{ nodeNetworkId: string }>(d, ako.ids.cluster).nodeNetworkId = 'alb-nodes';
    propsOf<{ nodeNetworkId: string | null }>(d, ako.ids.ako).nodeNetworkId = null;
    if (seNic)
      d.links.push({
        id: 'se-nodes',
        kind: 'nic',
        from: ako.ids.se,
        to: 'alb-nodes',
        role: 'data',
        address: null,
        addressMode: 'pool',
        gateway: null,
      });
  });

testRule(rule, {
  valid: [
    { name: 'seed 003: SE management NIC on alb-mgmt, the node network', doc: ako.doc },
    { name: 'SE data NIC on the new node network', doc: moved(true) },
    {
      name: 'NodePort mode does not need the SE on the node network',
      doc: mutate(moved(false), (d) => {
        propsOf<{ mode: string }>(d, ako.ids.ako).mode = 'nodeport';
      }),
    },
    {
      name: 'an imported SE group known by name only (no NICs, its facts unknown) is not judged',
      doc: mutate(moved(false), (d) => {
        d.links = d.links.filter((l) => l.from !== ako.ids.se);
        const se = d.elements.find((e) => e.id === ako.ids.se) as { unknown?: string[] };
        se.unknown = ['haMode', 'seCount'];
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 003 se-not-on-node-network',
      doc: moved(false),
      errors: [
        {
          targets: [ako.ids.ako, ako.ids.se, 'alb-nodes', ako.ids.cluster],
          severity: 'error',
          data: { nodeNetwork: 'alb-nodes', seNetworks: ['alb-vip'], reason: 'no-nic' },
        },
      ],
    },
    {
      name: 'the same SE group with no NICs but known facts is judged',
      doc: mutate(moved(false), (d) => {
        d.links = d.links.filter((l) => l.from !== ako.ids.se);
      }),
      errors: [{ targets: [ako.ids.ako, ako.ids.se, 'alb-nodes', ako.ids.cluster] }],
    },
    {
      name: 'a data NIC on an unregistered node network: the SE never attaches there',
      doc: moved(true, false),
      errors: [{ targets: [ako.ids.ako, ako.ids.se, 'alb-nodes'], data: { reason: 'not-registered' } }],
    },
  ],
});
