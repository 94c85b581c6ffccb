import { testRule } from '../../testing/ruleTester.ts';
import rule from './vip-network-not-registered.ts';
import { mutate, propsOf, seed000, seed001, seed003 } from '../../../test/fixtures/routing.ts';

type Pg = { albRegistered: boolean; subnet: string | null; ranges: { id: string; purpose: string }[] };
const alb = seed000('3net-alb');
const kubevip = seed000('3net-kubevip');
const routable = seed001();
const akoLab = seed003();

testRule(rule, {
  valid: [
    { name: 'seed 000 3-network: dp-data-48 and dp-data-52 registered with VIP pools', doc: alb.doc },
    { name: 'seed 000 kube-vip: dp-data-48 registered, dp-data-52 (nodes only) not', doc: kubevip.doc },
    { name: 'seed 000 1-network: dp-mgmt-32 with a VIP pool', doc: seed000('1net').doc },
    { name: 'seed 001: NSX-T segment tanzu-overlay with its Avi pool 172.16.129.1-172.16.129.254', doc: routable.doc },
    { name: 'seed 003: AKO VIP network alb-vip registered with pool .1-.100', doc: akoLab.doc },
    {
      name: 'kube-vip: the (unused) control-plane VIP network may be unregistered',
      doc: mutate(kubevip.doc, (d) => {
        for (const id of [kubevip.ids.mgmtCluster, kubevip.ids.wc])
          propsOf<{ controlPlaneVipNetworkId: string }>(d, id).controlPlaneVipNetworkId = kubevip.ids.data52;
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 003: AKO VIP network alb-vip not registered on the Controller',
      doc: mutate(akoLab.doc, (d) => {
        const pg = propsOf<Pg>(d, akoLab.ids.albVip);
        pg.albRegistered = false;
      }),
      errors: [{ targets: [akoLab.ids.ako, akoLab.ids.albVip], severity: 'error' }],
    },
    {
      name: 'seed 000 vip-net-not-registered: dp-data-52 subnet None while it is the control-plane VIP network',
      doc: mutate(alb.doc, (d) => {
        propsOf<Pg>(d, alb.ids.data52).albRegistered = false;
      }),
      errors: [
        {
          targets: [alb.ids.mgmtCluster, alb.ids.data52],
          severity: 'error',
          data: { registered: false, roles: ['control-plane VIP network'] },
        },
        { targets: [alb.ids.wc, alb.ids.data52], severity: 'error' },
      ],
    },
    {
      name: 'seed 000 network-without-pool: dp-data-48 keeps only its SE pool',
      doc: mutate(alb.doc, (d) => {
        const pg = propsOf<Pg>(d, alb.ids.data48);
        pg.ranges = pg.ranges.filter((r) => r.purpose !== 'vip-pool');
      }),
      errors: [
        { targets: [alb.ids.mgmtCluster, alb.ids.data48], data: { registered: true, vipPool: false } },
        { targets: [alb.ids.wc, alb.ids.data48], data: { registered: true, vipPool: false } },
      ],
    },
    {
      name: 'seed 000 1-network: one diagnostic when both VIP networks are the same unregistered network',
      doc: mutate(seed000('1net').doc, (d) => {
        propsOf<Pg>(d, 'dp-mgmt-32').albRegistered = false;
      }),
      errors: [
        { targets: ['tkg-mgmt', 'dp-mgmt-32'], data: { roles: ['workload VIP network', 'control-plane VIP network'] } },
        { targets: ['tkg-wc1', 'dp-mgmt-32'] },
      ],
    },
    {
      name: 'seed 001: segment without an Avi pool',
      doc: mutate(routable.doc, (d) => {
        const seg = propsOf<Pg>(d, routable.ids.overlay);
        seg.ranges = seg.ranges.filter((r) => r.purpose === 'dhcp');
      }),
      errors: [
        { targets: [routable.ids.mgmtCluster, routable.ids.overlay] },
        { targets: [routable.ids.cl1, routable.ids.overlay] },
        { targets: [routable.ids.cl2, routable.ids.overlay] },
      ],
    },
  ],
});
