import { testRule } from '../../testing/ruleTester.ts';
import rule from './se-group-shared-static-route.ts';
import { mutate, propsOf, seed003 } from '../../../test/fixtures/routing.ts';
import { seed003TwoClusters } from '../../../test/fixtures/ako.ts';

const { ids } = seed003();

testRule(rule, {
  valid: [
    { name: 'seed 003: one cluster on Default-Group', doc: seed003().doc },
    { name: 'a second cluster with its own SE group', doc: seed003TwoClusters({ seGroup: 'own' }).doc },
    {
      name: 'a second cluster on the same SE group in NodePort mode (no static routes)',
      doc: seed003TwoClusters({ mode: 'nodeport' }).doc,
    },
    {
      name: 'two AKO elements of the same cluster are one AKO',
      doc: mutate(seed003TwoClusters().doc, (d) => {
        propsOf<{ clusterId: string }>(d, 'ako-2').clusterId = ids.cluster;
      }),
    },
  ],
  invalid: [
    {
      name: 'two clusters in static-route mode on Default-Group (AKO #435)',
      doc: seed003TwoClusters().doc,
      errors: [{ targets: [ids.se, ids.ako, 'ako-2'], severity: 'error', data: { clusters: ['avi-cluster', 'k8s-2'] } }],
    },
  ],
});
