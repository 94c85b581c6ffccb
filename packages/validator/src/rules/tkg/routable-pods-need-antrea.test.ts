import { testRule } from '../../testing/ruleTester.ts';
import rule from './routable-pods-need-antrea.ts';
import { mutate, propsOf, seed001 } from '../../../test/fixtures/routing.ts';

const routable = seed001();

testRule(rule, {
  valid: [
    { name: 'seed 001: routable pods with Antrea', doc: routable.doc },
    {
      name: 'Calico on a cluster without routable pods (the management cluster)',
      doc: mutate(routable.doc, (d) => {
        propsOf<{ cni: string }>(d, routable.ids.mgmtCluster).cni = 'calico';
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 001: cl2 with routable pods and Calico',
      doc: mutate(routable.doc, (d) => {
        propsOf<{ cni: string }>(d, routable.ids.cl2).cni = 'calico';
      }),
      errors: [{ targets: [routable.ids.cl2], severity: 'warning' }],
    },
  ],
});
