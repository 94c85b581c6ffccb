import { testRule } from '../../testing/ruleTester.ts';
import rule from './unreachable-backend.ts';
import { mutate, propsOf, seed000, seed001, seed002, seed003 } from '../../../test/fixtures/routing.ts';

const kubevip = seed000('3net-kubevip');
const multi = seed002('multi-3nic');
const ako = seed003();
const routable = seed001();

const withoutLink = (doc: Parameters<typeof mutate>[0], from: string, to: string) =>
  mutate(doc, (d) => {
    d.links = d.links.filter((l) => !(l.from === from && l.to === to));
  });
const akoMode = (doc: Parameters<typeof mutate>[0], id: string, mode: string) =>
  mutate(doc, (d) => {
    propsOf<{ mode: string }>(d, id).mode = mode;
  });

testRule(rule, {
  valid: [
    { name: 'seed 000 kube-vip: SE reaches dp-data-52 via 0.0.0.0/0 -> 192.168.48.1 and the L3 switch', doc: kubevip.doc },
    { name: 'seed 000 3-network: SE directly on dp-data-52', doc: seed000('3net-alb').doc },
    { name: 'seed 002 topology 4: HAProxy reaches ns1-pg and ns2-pg through l3-gw', doc: multi.doc },
    { name: 'seed 003: the SE management NIC on alb-mgmt (the node network)', doc: ako.doc },
    { name: 'seed 001: AKO routable mode reaches pods through Tier-1 tanzu-cl1', doc: akoMode(routable.doc, routable.ids.ako, 'routable') },
  ],
  invalid: [
    {
      name: 'kube-vip: the L3 switch has no SVI on dp-data-52',
      doc: withoutLink(kubevip.doc, kubevip.ids.l3sw, kubevip.ids.data52),
      errors: [
        // The trace goes to a real node address: the first of the nodes' DHCP scope, not the subnet's last host.
        {
          targets: [kubevip.ids.se, kubevip.ids.mgmtCluster, kubevip.ids.data52],
          severity: 'error',
          data: { direction: 'forward', nodeAddress: '192.168.54.1' },
        },
        {
          targets: [kubevip.ids.se, kubevip.ids.wc, kubevip.ids.data52],
          severity: 'error',
          data: { direction: 'forward', nodeAddress: '192.168.54.1' },
        },
      ],
    },
    {
      name: 'kube-vip: dp-data-52 without a gateway, the nodes cannot reply to the SE on dp-data-48',
      doc: mutate(kubevip.doc, (d) => {
        propsOf<{ gateway: string | null }>(d, kubevip.ids.data52).gateway = null;
      }),
      errors: [
        { targets: [kubevip.ids.se, kubevip.ids.mgmtCluster, kubevip.ids.data52], data: { direction: 'reply' } },
        { targets: [kubevip.ids.se, kubevip.ids.wc, kubevip.ids.data52], data: { direction: 'reply' } },
      ],
    },
    {
      name: 'seed 002 topology 4: ns1-pg not routed',
      doc: withoutLink(multi.doc, multi.ids.gw, multi.ids.extra[0]!),
      errors: [
        { targets: [multi.ids.hp, multi.ids.wns[0]!, multi.ids.extra[0]!, multi.ids.sup], severity: 'error' },
        { targets: [multi.ids.hp, multi.ids.tkcs[0]!, multi.ids.extra[0]!, multi.ids.app], severity: 'error' },
      ],
    },
    {
      name: 'seed 003: AKO routable mode while the pods (10.244.0.0/16) are not routable',
      doc: akoMode(ako.doc, ako.ids.ako, 'routable'),
      errors: [{ targets: [ako.ids.se, ako.ids.cluster, ako.ids.ako], severity: 'error', data: { podCidr: '10.244.0.0/16', tier1: null } }],
    },
    {
      name: 'seed 003 with the nodes on a port group the SE cannot reach: the message names a node (avi-node...) address',
      doc: mutate(ako.doc, (d) => {
        d.links = d.links.filter((l) => l.id !== ako.ids.seMgmt);
        propsOf<{ vrfs: { staticRoutes: unknown[] }[] }>(d, ako.ids.ctrl).vrfs[0]!.staticRoutes = [];
      }),
      errors: [{ targets: [ako.ids.se, ako.ids.cluster, ako.ids.albMgmt], data: { nodeAddress: '172.16.250.11', direction: 'forward' } }],
    },
  ],
});
