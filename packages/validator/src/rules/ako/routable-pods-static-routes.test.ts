import { testRule } from '../../testing/ruleTester.ts';
import rule from './routable-pods-static-routes.ts';
import { mutate, propsOf, seed001, seed003 } from '../../../test/fixtures/routing.ts';

const routable = seed001();
const ako = seed003();
const mode = (doc: Parameters<typeof mutate>[0], id: string, value: string) =>
  mutate(doc, (d) => {
    propsOf<{ mode: string }>(d, id).mode = value;
  });

testRule(rule, {
  valid: [
    { name: 'seed 003: static routes with Antrea (pods not routable)', doc: ako.doc },
    { name: 'seed 001: AKO in NodePort mode on the routable-pod cluster cl1', doc: routable.doc },
    { name: 'seed 001: AKO routable mode', doc: mode(routable.doc, routable.ids.ako, 'routable') },
  ],
  invalid: [
    {
      name: 'seed 001 ako-static-routes-with-routable',
      doc: mode(routable.doc, routable.ids.ako, 'static-route'),
      errors: [{ targets: [routable.ids.ako, routable.ids.cl1], severity: 'warning' }],
    },
    {
      name: 'CNI antrea-nsx-routed',
      doc: mutate(ako.doc, (d) => {
        propsOf<{ cni: string }>(d, ako.ids.cluster).cni = 'antrea-nsx-routed';
      }),
      errors: [{ targets: [ako.ids.ako, ako.ids.cluster], severity: 'warning', data: { reason: 'CNI antrea-nsx-routed' } }],
    },
  ],
});
