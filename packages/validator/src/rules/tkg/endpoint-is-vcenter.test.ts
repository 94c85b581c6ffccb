import { testRule } from '../../testing/ruleTester.ts';
import rule from './endpoint-is-vcenter.ts';
import { mutate, propsOf, seed000 } from '../../../test/fixtures/routing.ts';

type Tkg = { endpoint: { provider: string; address: string | null } };
const kubevip = seed000('3net-kubevip');
const alb = seed000('3net-alb');
const vcenterOf = (d: typeof kubevip.doc) => d.elements.find((e) => e.kind === 'vcenter')!.id;

testRule(rule, {
  valid: [
    { name: 'seed 000 kube-vip: endpoints 192.168.52.100/.101, vCenter 192.168.32.10', doc: kubevip.doc },
    { name: 'seed 000 NSX-ALB provider: no endpoint address', doc: alb.doc },
  ],
  invalid: [
    {
      name: 'seed 000 kube-vip: tkg-wc1 endpoint 192.168.32.10 = the vCenter',
      doc: mutate(kubevip.doc, (d) => {
        propsOf<Tkg>(d, kubevip.ids.wc).endpoint.address = '192.168.32.10';
      }),
      errors: [{ targets: [kubevip.ids.wc, vcenterOf(kubevip.doc)], severity: 'error' }],
    },
    {
      name: 'the same address written differently (leading zeros are not IPv4; the vCenter by FQDN string-equal)',
      doc: mutate(alb.doc, (d) => {
        propsOf<{ server: string }>(d, vcenterOf(d)).server = 'vc.lab.local';
        propsOf<Tkg>(d, alb.ids.mgmtCluster).endpoint.address = 'vc.lab.local';
      }),
      errors: [{ targets: [alb.ids.mgmtCluster, vcenterOf(alb.doc)] }],
    },
  ],
});
