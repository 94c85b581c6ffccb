import { testRule } from '../../testing/ruleTester.ts';
import rule from './endpoint-required.ts';
import { mutate, propsOf, seed000, seed001 } from '../../../test/fixtures/routing.ts';

type Tkg = { endpoint: { provider: string; address: string | null } };
const kubevip = seed000('3net-kubevip');
const routable = seed001();

testRule(rule, {
  valid: [
    { name: 'seed 000 kube-vip: endpoints 192.168.52.100 and 192.168.52.101', doc: kubevip.doc },
    { name: 'seed 000 3-network NSX-ALB provider: endpoint left blank (allocated from the pool)', doc: seed000('3net-alb').doc },
    { name: 'seed 001: kube-vip endpoints 172.16.135.240 / .250 / .251', doc: routable.doc },
  ],
  invalid: [
    {
      name: 'seed 000 kubevip-no-endpoint (null and empty string)',
      doc: mutate(kubevip.doc, (d) => {
        propsOf<Tkg>(d, kubevip.ids.mgmtCluster).endpoint.address = null;
        propsOf<Tkg>(d, kubevip.ids.wc).endpoint.address = ' ';
      }),
      errors: [
        { targets: [kubevip.ids.mgmtCluster], severity: 'error' },
        { targets: [kubevip.ids.wc], severity: 'error' },
      ],
    },
    {
      name: 'seed 001 kubevip-no-endpoint: cl1 without VSPHERE_CONTROL_PLANE_ENDPOINT',
      doc: mutate(routable.doc, (d) => {
        propsOf<Tkg>(d, routable.ids.cl1).endpoint.address = null;
      }),
      errors: [{ targets: [routable.ids.cl1] }],
    },
  ],
});
