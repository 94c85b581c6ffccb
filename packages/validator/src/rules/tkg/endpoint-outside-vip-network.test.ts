import { testRule } from '../../testing/ruleTester.ts';
import rule from './endpoint-outside-vip-network.ts';
import { mutate, propsOf, seed000 } from '../../../test/fixtures/routing.ts';

type Tkg = { endpoint: { provider: string; address: string | null }; controlPlaneVipNetworkId: string | null };
const alb = seed000('3net-alb');
const kubevip = seed000('3net-kubevip');

testRule(rule, {
  valid: [
    { name: 'seed 000 NSX-ALB provider, no fixed endpoint (allocated from the pool)', doc: alb.doc },
    {
      name: 'seed 000 NSX-ALB provider, fixed endpoint 192.168.53.10 inside dp-data-52 (192.168.52.0/22)',
      doc: mutate(alb.doc, (d) => {
        propsOf<Tkg>(d, alb.ids.mgmtCluster).endpoint.address = '192.168.53.10';
      }),
    },
    { name: 'seed 000 kube-vip: the endpoint is on the node network, not a VIP network (not this rule)', doc: kubevip.doc },
  ],
  invalid: [
    {
      name: 'seed 000 NSX-ALB provider, endpoint 192.168.49.10 on dp-data-48 while the API VIP network is dp-data-52',
      doc: mutate(alb.doc, (d) => {
        propsOf<Tkg>(d, alb.ids.wc).endpoint.address = '192.168.49.10';
      }),
      errors: [{ targets: [alb.ids.wc, alb.ids.data52], severity: 'error' }],
    },
    {
      name: 'no control-plane VIP network: the workload VIP network (dp-data-48) is the one the endpoint must be in',
      doc: mutate(alb.doc, (d) => {
        const wc = propsOf<Tkg>(d, alb.ids.wc);
        wc.controlPlaneVipNetworkId = null;
        wc.endpoint.address = '192.168.53.10';
      }),
      errors: [{ targets: [alb.ids.wc, alb.ids.data48] }],
    },
  ],
});
