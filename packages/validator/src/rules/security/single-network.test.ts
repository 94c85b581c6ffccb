import { testRule } from '../../testing/ruleTester.ts';
import rule from './single-network.ts';
import { seed000, withProps } from '../../../test/fixtures/security.ts';
import { seed001, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

const one = seed000('1-network');
const alb3 = seed000('3-network-alb');

testRule(rule, {
  valid: [
    { name: 'seed 000 2-network: management on dp-mgmt-32, nodes on dp-data-48', doc: seed000('2-network').doc },
    { name: 'seed 000 3-network NSX-ALB', doc: alb3.doc },
    { name: 'seed 000 3-network kube-vip', doc: seed000('3-network-kubevip').doc },
    { name: 'seed 001: nodes on tanzu-overlay, SE management on alb-mgmt', doc: seed001().doc },
    { name: 'seed 002: no TKG cluster', doc: seed002One24().doc },
    { name: 'seed 003: a plain Kubernetes cluster on the SE management network is the AKO lab, not a TKG design', doc: seed003().doc },
  ],
  invalid: [
    {
      name: 'seed 000 1-network: everything on dp-mgmt-32 (dev/PoC only), one warning for the design',
      doc: one.doc,
      errors: [
        {
          targets: [one.ids.tkgMgmt, one.ids.tkgWc1, one.ids.mgmt],
          severity: 'warning',
          data: { variant: 'one-network', network: 'dp-mgmt-32', clusters: ['tkg-mgmt', 'tkg-wc1'] },
        },
      ],
    },
    {
      name: 'seed 000 nodes-on-mgmt-net: 3-network with both clusters on VSPHERE_NETWORK = dp-mgmt-32',
      doc: [alb3.ids.tkgMgmt, alb3.ids.tkgWc1].reduce((doc, id) => withProps(doc, id, { nodeNetworkId: alb3.ids.mgmt }), alb3.doc),
      errors: [{ targets: [alb3.ids.tkgMgmt, alb3.ids.tkgWc1, alb3.ids.mgmt], data: { variant: 'nodes-on-management' } }],
    },
    {
      name: 'seed 000 nodes-on-mgmt-net: only the workload cluster on dp-mgmt-32',
      doc: withProps(alb3.doc, alb3.ids.tkgWc1, { nodeNetworkId: alb3.ids.mgmt }),
      errors: [{ targets: [alb3.ids.tkgWc1, alb3.ids.mgmt], severity: 'warning', data: { variant: 'nodes-on-management' } }],
    },
  ],
});
