import { testRule } from '../../testing/ruleTester.ts';
import rule from './nodeport-selector-one-label.ts';
import { mutate, propsOf, seed001, seed003 } from '../../../test/fixtures/routing.ts';

const ako = seed003();
const nodeport = (labels: Record<string, string>) =>
  mutate(ako.doc, (d) => {
    const p = propsOf<{ mode: string; nodeSelectorLabels: Record<string, string> }>(d, ako.ids.ako);
    p.mode = 'nodeport';
    p.nodeSelectorLabels = labels;
  });

testRule(rule, {
  valid: [
    { name: 'seed 003: static-route mode', doc: ako.doc },
    { name: 'NodePort with one label', doc: nodeport({ 'node-role.kubernetes.io/ingress': 'true' }) },
    { name: 'NodePort without labels (ako/nodeport-no-selector)', doc: nodeport({}) },
    { name: 'seed 001: TKG-managed AKO in NodePort mode', doc: seed001().doc },
  ],
  invalid: [
    {
      name: 'NodePort with two labels',
      doc: nodeport({ zone: 'a', 'node-role.kubernetes.io/ingress': 'true' }),
      errors: [{ targets: [ako.ids.ako], severity: 'warning', data: { used: 'node-role.kubernetes.io/ingress' } }],
    },
  ],
});
