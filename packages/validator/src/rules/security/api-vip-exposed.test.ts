import { testRule } from '../../testing/ruleTester.ts';
import rule from './api-vip-exposed.ts';
import { SEED000_DESIGNS, seed000, withProps } from '../../../test/fixtures/security.ts';
import { seed001, seed003 } from '../../../test/fixtures/ipam.ts';

const alb3 = seed000('3-network-alb');
const kubevip = seed000('3-network-kubevip');

testRule(rule, {
  valid: [
    ...SEED000_DESIGNS.map((d) => ({ name: `seed 000 ${d}`, doc: seed000(d).doc })),
    { name: 'seed 000 kube-vip: the management VIP network dp-data-48 is set but unused', doc: kubevip.doc },
    { name: 'seed 001 (kube-vip endpoints)', doc: seed001().doc },
    { name: 'seed 003 (no TKG)', doc: seed003().doc },
    {
      name: 'API VIP on a dedicated network that carries no app VIPs',
      doc: withProps(alb3.doc, alb3.ids.tkgWc1, { controlPlaneVipNetworkId: alb3.ids.mgmt }),
    },
  ],
  invalid: [
    {
      name: 'seed 000 api-vip-on-app-net: 3-network with the management VIP network = dp-data-48',
      doc: withProps(alb3.doc, alb3.ids.tkgWc1, { controlPlaneVipNetworkId: alb3.ids.data48 }),
      errors: [
        {
          targets: [alb3.ids.tkgWc1, alb3.ids.data48, alb3.ids.data52],
          severity: 'warning',
          data: { apiVipNetwork: 'dp-data-48', nodeNetwork: 'dp-data-52' },
        },
      ],
    },
    {
      name: 'seed 000 api-vip-on-app-net for both clusters: one warning',
      doc: [alb3.ids.tkgMgmt, alb3.ids.tkgWc1].reduce(
        (doc, id) => withProps(doc, id, { controlPlaneVipNetworkId: alb3.ids.data48 }),
        alb3.doc,
      ),
      errors: [
        { targets: [alb3.ids.tkgMgmt, alb3.ids.tkgWc1, alb3.ids.data48, alb3.ids.data52], data: { clusters: ['tkg-mgmt', 'tkg-wc1'] } },
      ],
    },
    {
      name: 'no control-plane VIP network: the API VIP falls back to the DMZ workload VIP network',
      doc: withProps(alb3.doc, alb3.ids.tkgMgmt, { controlPlaneVipNetworkId: null }),
      errors: [{ targets: [alb3.ids.tkgMgmt, alb3.ids.data48, alb3.ids.data52] }],
    },
  ],
});
