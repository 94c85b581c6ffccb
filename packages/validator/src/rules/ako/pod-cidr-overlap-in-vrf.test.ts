import { testRule } from '../../testing/ruleTester.ts';
import rule from './pod-cidr-overlap-in-vrf.ts';
import { seed003 } from '../../../test/fixtures/routing.ts';
import { seed003TwoClusters } from '../../../test/fixtures/ako.ts';

const { ids } = seed003();

testRule(rule, {
  valid: [
    { name: 'seed 003: one cluster', doc: seed003().doc },
    { name: 'two clusters, distinct pod CIDRs', doc: seed003TwoClusters({ seGroup: 'own' }).doc },
    {
      name: 'equal pod CIDRs when the second AKO programs no static routes (NodePort)',
      doc: seed003TwoClusters({ seGroup: 'own', podCidr: '10.244.0.0/16', mode: 'nodeport' }).doc,
    },
  ],
  invalid: [
    {
      name: 'both clusters keep the kubeadm default 10.244.0.0/16, each on its own SE group',
      doc: seed003TwoClusters({ seGroup: 'own', podCidr: '10.244.0.0/16' }).doc,
      errors: [{ targets: [ids.cluster, 'k8s-2', ids.ako, 'ako-2', ids.ctrl], severity: 'error' }],
    },
    {
      name: 'a pod CIDR inside the other',
      doc: seed003TwoClusters({ seGroup: 'own', podCidr: '10.244.128.0/17' }).doc,
      errors: [{ targets: [ids.cluster, 'k8s-2'], data: { podCidrs: ['10.244.0.0/16', '10.244.128.0/17'] } }],
    },
  ],
});
