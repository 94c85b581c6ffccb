import { testRule } from '../../testing/ruleTester.ts';
import rule from './tkc-cni-unsupported.ts';
import { seed001Designs, seed001TkgsRoutable, setProps } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { mutate } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed001TkgsRoutable();

testRule(rule, {
  valid: [
    { name: 'seed 001: antrea-nsx-routed', doc },
    { name: 'antrea', doc: seed001TkgsRoutable({ cni: 'antrea' }).doc },
    { name: 'calico', doc: mutate(doc, (d) => setProps(d, ids.tkc, { cni: 'calico' })) },
    ...seed001Designs(),
    ...seed002Designs(),
  ],
  invalid: [
    {
      name: 'flannel on a TKC',
      doc: mutate(doc, (d) => setProps(d, ids.tkc, { cni: 'flannel' })),
      errors: [{ targets: [ids.tkc], severity: 'error', data: { cni: 'flannel' } }],
    },
  ],
});
