import { testRule } from '../../testing/ruleTester.ts';
import rule from './system-id-invalid.ts';
import { seed004 } from '../../../test/fixtures/aci.ts';

const { doc, ids } = seed004();

testRule(rule, {
  valid: [
    { name: 'seed 004: k8s_demo2', doc },
    { name: '31 characters', doc: seed004({ fabric: { systemId: `k${'8'.repeat(30)}` } }).doc },
  ],
  invalid: [
    {
      name: 'a hyphen: k8s-demo2',
      doc: seed004({ fabric: { systemId: 'k8s-demo2' } }).doc,
      errors: [{ targets: [ids.fabric], severity: 'error' }],
    },
    { name: 'a digit first: 8s_demo', doc: seed004({ fabric: { systemId: '8s_demo' } }).doc, errors: [{ targets: [ids.fabric] }] },
    { name: '32 characters', doc: seed004({ fabric: { systemId: `k${'8'.repeat(31)}` } }).doc, errors: [{ targets: [ids.fabric] }] },
  ],
});
