import { testRule } from '../../testing/ruleTester.ts';
import rule from './cluster-name-too-long.ts';
import { mutate, propsOf, seed000 } from '../../../test/fixtures/routing.ts';

const alb = seed000('3net-alb');
const kubevip = seed000('3net-kubevip');
const NAME_26 = 'tkg-workload-cluster-0001x';
const rename = (doc: typeof alb.doc, id: string, name: string) =>
  mutate(doc, (d) => {
    d.elements.find((e) => e.id === id)!.name = name;
  });

testRule(rule, {
  valid: [
    { name: 'seed 000: tkg-wc1 on NSX-ALB', doc: alb.doc },
    { name: 'exactly 25 characters on NSX-ALB', doc: rename(alb.doc, alb.ids.wc, NAME_26.slice(0, 25)) },
    {
      name: 'a 26-character name without NSX-ALB (no Controller)',
      doc: mutate(rename(kubevip.doc, kubevip.ids.wc, NAME_26), (d) => {
        propsOf<{ controllerId: string | null }>(d, kubevip.ids.wc).controllerId = null;
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 000: a workload cluster on NSX-ALB named with 26 characters',
      doc: rename(alb.doc, alb.ids.wc, NAME_26),
      errors: [{ targets: [alb.ids.wc], severity: 'error', data: { length: 26 } }],
    },
  ],
});
