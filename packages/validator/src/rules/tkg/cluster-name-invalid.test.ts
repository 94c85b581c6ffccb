import { testRule } from '../../testing/ruleTester.ts';
import rule from './cluster-name-invalid.ts';
import { mutate, seed000, seed001 } from '../../../test/fixtures/routing.ts';

const alb = seed000('3net-alb');
const rename = (doc: typeof alb.doc, id: string, name: string) =>
  mutate(doc, (d) => {
    d.elements.find((e) => e.id === id)!.name = name;
  });

testRule(rule, {
  valid: [
    { name: 'seed 000: tkg-mgmt, tkg-wc1', doc: alb.doc },
    { name: 'seed 001: mgmt, cl1, cl2', doc: seed001().doc },
    { name: 'dots and digits: tkg.prod-01', doc: rename(alb.doc, alb.ids.wc, 'tkg.prod-01') },
  ],
  invalid: [
    {
      name: 'capitals and "_": TKG_WC1; a trailing "-": wc-',
      doc: rename(rename(alb.doc, alb.ids.wc, 'TKG_WC1'), alb.ids.mgmtCluster, 'wc-'),
      errors: [
        { targets: [alb.ids.wc], severity: 'error' },
        { targets: [alb.ids.mgmtCluster], severity: 'error' },
      ],
    },
    { name: 'one character: a', doc: rename(alb.doc, alb.ids.wc, 'a'), errors: [{ targets: [alb.ids.wc] }] },
  ],
});
