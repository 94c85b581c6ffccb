import { testRule } from '../../testing/ruleTester.ts';
import rule from './tkc-name-invalid.ts';
import { seed001Designs, seed001TkgsRoutable } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { mutate } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed001TkgsRoutable();
const rename = (id: string, name: string) =>
  mutate(doc, (d) => {
    d.elements.find((e) => e.id === id)!.name = name;
  });

testRule(rule, {
  valid: [{ name: 'seed 001: TKC routablepods in routable-ns', doc }, ...seed001Designs(), ...seed002Designs()],
  invalid: [
    { name: 'a TKC named Routable_Pods', doc: rename(ids.tkc, 'Routable_Pods'), errors: [{ targets: [ids.tkc], severity: 'error' }] },
    {
      name: 'its vSphere namespace named "Routable NS"',
      doc: rename(ids.ns, 'Routable NS'),
      errors: [{ targets: [ids.ns, ids.tkc], severity: 'error' }],
    },
  ],
});
