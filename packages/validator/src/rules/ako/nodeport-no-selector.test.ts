import { testRule } from '../../testing/ruleTester.ts';
import rule from './nodeport-no-selector.ts';
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
    { name: 'NodePort with nodeSelectorLabels ingress=true', doc: nodeport({ 'node-role.kubernetes.io/ingress': 'true' }) },
    { name: 'seed 001: TKG-managed AKO in NodePort mode (TKG exposes no node selector)', doc: seed001().doc },
  ],
  invalid: [
    {
      name: 'seed 003 nodeport-no-selector',
      doc: nodeport({}),
      errors: [{ targets: [ako.ids.ako, ako.ids.cluster], severity: 'warning' }],
    },
    { name: 'an empty key selects nothing', doc: nodeport({ '': 'true' }), errors: [{ targets: [ako.ids.ako] }] },
  ],
});
