import { testRule } from '../../testing/ruleTester.ts';
import rule from './endpoint-not-on-node-network.ts';
import { mutate, propsOf, seed000, seed001 } from '../../../test/fixtures/routing.ts';

type Tkg = { endpoint: { provider: string; address: string | null } };
const kubevip = seed000('3net-kubevip');
const routable = seed001();
const withEndpoint = (address: string) =>
  mutate(kubevip.doc, (d) => {
    propsOf<Tkg>(d, kubevip.ids.mgmtCluster).endpoint.address = address;
  });

testRule(rule, {
  valid: [
    { name: 'seed 000 kube-vip: 192.168.52.100 on dp-data-52 (192.168.52.0/22)', doc: kubevip.doc },
    { name: 'seed 001: 172.16.135.240 on tanzu-overlay (172.16.128.0/21)', doc: routable.doc },
    { name: 'last host of the /22: 192.168.55.254', doc: withEndpoint('192.168.55.254') },
    { name: 'missing endpoint is tkg/endpoint-required', doc: withEndpoint('') },
    {
      name: 'NSX-ALB provider: the endpoint is a VIP, not on the node network',
      doc: mutate(seed000('3net-alb').doc, (d) => {
        propsOf<Tkg>(d, 'tkg-mgmt').endpoint.address = '192.168.53.10';
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 000 kubevip-endpoint-off-node-net: 192.168.49.100 (dp-data-48)',
      doc: withEndpoint('192.168.49.100'),
      errors: [
        {
          targets: [kubevip.ids.mgmtCluster, kubevip.ids.data52],
          severity: 'error',
          data: { endpoint: '192.168.49.100', subnet: '192.168.52.0/22' },
        },
      ],
    },
    {
      name: 'just past the /22: 192.168.56.0',
      doc: withEndpoint('192.168.56.0'),
      errors: [{ targets: [kubevip.ids.mgmtCluster, kubevip.ids.data52] }],
    },
    {
      name: 'seed 001 endpoint-off-segment: 172.16.136.240',
      doc: mutate(routable.doc, (d) => {
        propsOf<Tkg>(d, routable.ids.mgmtCluster).endpoint.address = '172.16.136.240';
      }),
      errors: [{ targets: [routable.ids.mgmtCluster, routable.ids.overlay] }],
    },
  ],
});
