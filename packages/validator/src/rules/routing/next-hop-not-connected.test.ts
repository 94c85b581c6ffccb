import { testRule } from '../../testing/ruleTester.ts';
import rule from './next-hop-not-connected.ts';
import { mutate, propsOf, seed000, seed000Overview, seed001 } from '../../../test/fixtures/routing.ts';

type Routes = { id: string; prefix: string; nextHop: string | null }[];
type Ctrl = { vrfs: { name: string; staticRoutes: Routes }[] };
const vrf = (doc: Parameters<typeof propsOf>[0], ctrl: string, name: string) =>
  propsOf<Ctrl>(doc, ctrl).vrfs.find((v) => v.name === name)!.staticRoutes;

const overview = seed000Overview();
const kubevip = seed000('3net-kubevip');
const routable = seed001();

/** Seed 000 L109: 192.168.52.0/22 via 192.168.48.1 (the L3 switch SVI on dp-data-48). */
const with52 = (nextHop: string) =>
  mutate(kubevip.doc, (d) => {
    vrf(d, kubevip.ids.ctrl, 'global').push({ id: 'to-52', prefix: '192.168.52.0/22', nextHop });
  });

testRule(rule, {
  valid: [
    { name: 'seed 000 overview: 192.168.100.0/24 via 192.168.1.254 on the SE NIC 192.168.1.0/24', doc: overview.doc },
    { name: 'seed 000 kube-vip with the explicit route 192.168.52.0/22 via 192.168.48.1', doc: with52('192.168.48.1') },
    { name: 'seed 001: Tier-1 pod routes to node IPs on tanzu-overlay', doc: routable.doc },
    { name: 'seed 000 1-network: both VRFs via 192.168.32.1 on the one interface', doc: seed000('1net').doc },
    {
      name: 'discard route has no next hop',
      doc: mutate(overview.doc, (d) => {
        vrf(d, overview.ids.ctrl, 'global').push({ id: 'null-route', prefix: '10.0.0.0/8', nextHop: null });
      }),
    },
    // The reported crash (issue 11): an empty next hop is not set, a malformed one is ipam/invalid-cidr's finding.
    ...['', '1.2.3', ' 192.168.48.1'].map((nextHop) => ({
      name: `a Controller VRF route with next hop ${JSON.stringify(nextHop)} is not installed, not checked here`,
      doc: with52(nextHop),
    })),
  ],
  invalid: [
    {
      name: 'seed 000 overview-next-hop-off-net: 192.168.100.0/24 via 192.168.4.254 (no SE NIC on 192.168.4.0/24)',
      doc: mutate(overview.doc, (d) => {
        vrf(d, overview.ids.ctrl, 'global').find((r) => r.id === 'to-100')!.nextHop = '192.168.4.254';
      }),
      errors: [
        { targets: [overview.ids.ctrl, 'to-100', overview.ids.se], severity: 'error', data: { vrf: 'global', nextHop: '192.168.4.254' } },
      ],
    },
    {
      name: 'kube-vip: next hop 192.168.52.1 on the unregistered node network, where the SE has no NIC',
      doc: with52('192.168.52.1'),
      errors: [{ targets: [kubevip.ids.ctrl, 'to-52', kubevip.ids.se] }],
    },
    {
      name: 'management VRF next hop on the data network',
      doc: mutate(kubevip.doc, (d) => {
        vrf(d, kubevip.ids.ctrl, 'management')[0]!.nextHop = '192.168.48.1';
      }),
      errors: [{ targets: [kubevip.ids.ctrl, 'mgmt-default', kubevip.ids.se], data: { vrf: 'management' } }],
    },
    {
      name: 'router static route off its networks',
      doc: mutate(overview.doc, (d) => {
        propsOf<{ staticRoutes: Routes }>(d, overview.ids.r100).staticRoutes[0]!.nextHop = '192.168.2.1';
      }),
      errors: [{ targets: [overview.ids.r100, 'r100-default'], severity: 'error' }],
    },
    {
      name: 'seed 001: Tier-1 route to a node IP outside tanzu-overlay',
      doc: mutate(routable.doc, (d) => {
        propsOf<{ staticRoutes: Routes }>(d, routable.ids.t1).staticRoutes[0]!.nextHop = '172.16.136.63';
      }),
      errors: [{ targets: [routable.ids.t1, 't1-pod-route-1'] }],
    },
  ],
});
