import { testRule } from '../../testing/ruleTester.ts';
import rule from './vip-on-node-network.ts';
import { seed000, withProps } from '../../../test/fixtures/security.ts';
import { seed002Multi, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

const two = seed000('2-network');
const s002 = seed002One24();
const s003 = seed003();

testRule(rule, {
  valid: [
    { name: 'seed 000 1-network: security/single-network reports it instead', doc: seed000('1-network').doc },
    { name: 'seed 000 3-network NSX-ALB: apps on dp-data-48, nodes on dp-data-52', doc: seed000('3-network-alb').doc },
    { name: 'seed 000 3-network kube-vip', doc: seed000('3-network-kubevip').doc },
    {
      name: 'boundary: the API VIP alone on the node network is the recommended placement',
      doc: [two.ids.tkgMgmt, two.ids.tkgWc1].reduce((doc, id) => withProps(doc, id, { workloadVipNetworkId: two.ids.data52 }), two.doc),
    },
    { name: 'seed 003: AKO VIPs on alb-vip, nodes on alb-mgmt', doc: s003.doc },
    { name: 'seed 002 topology 3: TKC nodes on ns1-pg, VIPs on primary-pg', doc: seed002Multi().doc },
  ],
  invalid: [
    {
      name: 'seed 000 2-network: apps, API and nodes on dp-data-48 (internal services only)',
      doc: two.doc,
      errors: [
        { targets: [two.ids.tkgMgmt, two.ids.tkgWc1, two.ids.data48], severity: 'warning', data: { via: ['workload VIP network'] } },
      ],
    },
    {
      name: 'seed 002 topology 1: HAProxy VIPs on the TKC workload network',
      doc: s002.doc,
      errors: [{ targets: [s002.ids.tkc, s002.ids.wl, s002.ids.hp], data: { via: ['HAProxy VIP range'] } }],
    },
    {
      name: 'seed 003 with the AKO VIP network set to the node network',
      doc: withProps(s003.doc, s003.ids.ako, { vipNetworkId: s003.ids.albMgmt }),
      errors: [{ targets: [s003.ids.k8s, s003.ids.albMgmt, s003.ids.ako], data: { via: ['AKO VIP network'] } }],
    },
  ],
});
