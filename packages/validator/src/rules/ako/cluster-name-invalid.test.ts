import { testRule } from '../../testing/ruleTester.ts';
import rule from './cluster-name-invalid.ts';
import { mutate, propsOf, seed001, seed003 } from '../../../test/fixtures/routing.ts';

const ako = seed003();
const named = (name: string) =>
  mutate(ako.doc, (d) => {
    propsOf<{ clusterName: string }>(d, ako.ids.ako).clusterName = name;
  });

testRule(rule, {
  valid: [
    { name: 'seed 003: avi-cluster', doc: ako.doc },
    { name: 'letters, digits, "-" and "_": Avi_Cluster-01', doc: named('Avi_Cluster-01') },
    { name: 'empty (not set: the cluster name is used)', doc: named('') },
    {
      name: 'seed 001: AKO on a TKG cluster (the AKO operator names it)',
      doc: mutate(seed001().doc, (d) => {
        propsOf<{ clusterName: string }>(d, seed001().ids.ako).clusterName = 'cl.1';
      }),
    },
  ],
  invalid: [
    { name: 'a "." in the name: avi.cluster', doc: named('avi.cluster'), errors: [{ targets: [ako.ids.ako], severity: 'error' }] },
    { name: 'a space: "avi cluster"', doc: named('avi cluster'), errors: [{ targets: [ako.ids.ako] }] },
  ],
});
