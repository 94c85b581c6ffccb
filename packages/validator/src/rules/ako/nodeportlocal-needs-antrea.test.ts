import { testRule } from '../../testing/ruleTester.ts';
import rule from './nodeportlocal-needs-antrea.ts';
import { mutate, propsOf, seed003 } from '../../../test/fixtures/routing.ts';

const ako = seed003();
const npl = (cni: string, unknown?: string[]) =>
  mutate(ako.doc, (d) => {
    propsOf<{ mode: string }>(d, ako.ids.ako).mode = 'nodeportlocal';
    propsOf<{ cni: string }>(d, ako.ids.cluster).cni = cni;
    if (unknown) d.elements.find((e) => e.id === ako.ids.cluster)!.unknown = unknown;
  });

testRule(rule, {
  valid: [
    { name: 'seed 003: static-route mode on Antrea', doc: ako.doc },
    { name: 'seed 003 in NodePortLocal mode on Antrea', doc: npl('antrea') },
    { name: 'NodePortLocal on a cluster whose CNI an import could not read (unknown)', doc: npl('calico', ['cni']) },
  ],
  invalid: [
    {
      name: 'seed 003 in NodePortLocal mode on Calico',
      doc: npl('calico'),
      errors: [{ targets: [ako.ids.ako, ako.ids.cluster], severity: 'error', data: { cni: 'calico' } }],
    },
  ],
});
