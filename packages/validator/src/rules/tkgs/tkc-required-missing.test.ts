import { testRule } from '../../testing/ruleTester.ts';
import rule from './tkc-required-missing.ts';
import { seed001Designs, seed001TkgsRoutable, setProps } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { mutate } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed001TkgsRoutable();

testRule(rule, {
  valid: [
    { name: 'seed 001: TKC with namespace and VM class', doc },
    ...seed001Designs(),
    ...seed002Designs(),
    {
      name: 'an imported TKC whose namespace the manifest did not give (unknown)',
      doc: mutate(doc, (d) => {
        setProps(d, ids.tkc, { namespaceId: null });
        d.elements.find((e) => e.id === ids.tkc)!.unknown = ['namespaceId'];
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 001 TKC without a VM class and without a namespace',
      doc: mutate(doc, (d) => setProps(d, ids.tkc, { vmClass: '', namespaceId: null })),
      errors: [{ targets: [ids.tkc], severity: 'error' }],
    },
    {
      name: 'seed 001 TKC without a VM class',
      doc: mutate(doc, (d) => setProps(d, ids.tkc, { vmClass: '' })),
      errors: [{ targets: [ids.tkc], data: { missing: ['VM class (vmClass)'] } }],
    },
  ],
});
