import { testRule } from '../../testing/ruleTester.ts';
import rule from './service-cidr-too-wide.ts';
import { mutate, propsOf, seed000, seed003 } from '../../../test/fixtures/routing.ts';

const tkg = seed000('3net-alb');
const k8s = seed003();
const serviceCidr = (cidr: string) =>
  mutate(tkg.doc, (d) => {
    propsOf<{ serviceCidr: string }>(d, tkg.ids.wc).serviceCidr = cidr;
  });

testRule(rule, {
  valid: [
    { name: 'seed 000: TKG default 100.64.0.0/13', doc: tkg.doc },
    { name: 'seed 003: kubeadm default 10.96.0.0/12, the widest allowed', doc: k8s.doc },
    { name: 'IPv6 /108', doc: serviceCidr('fd00:10:96::/108') },
  ],
  invalid: [
    {
      name: 'SERVICE_CIDR 100.64.0.0/10 (tanzu-framework #986)',
      doc: serviceCidr('100.64.0.0/10'),
      errors: [{ targets: [tkg.ids.wc], severity: 'error', data: { widest: '/12' } }],
    },
    { name: 'IPv6 /64', doc: serviceCidr('fd00:10:96::/64'), errors: [{ targets: [tkg.ids.wc], data: { widest: '/108' } }] },
    {
      name: 'a kubeadm cluster with serviceSubnet 10.0.0.0/8',
      doc: mutate(k8s.doc, (d) => {
        propsOf<{ serviceCidr: string }>(d, k8s.ids.cluster).serviceCidr = '10.0.0.0/8';
      }),
      errors: [{ targets: [k8s.ids.cluster] }],
    },
  ],
});
