import { testRule } from '../../testing/ruleTester.ts';
import rule from './routed-namespace-needs-override.ts';
import { seed001Designs, seed001TkgsRoutable, setProps } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { mutate } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed001TkgsRoutable();

testRule(rule, {
  valid: [
    { name: 'seed 001: routable-ns with an override, NAT off', doc },
    {
      name: 'antrea (NAT) in a namespace without override',
      doc: mutate(seed001TkgsRoutable({ cni: 'antrea' }).doc, (d) => setProps(d, ids.ns, { networkOverride: null })),
    },
    ...seed001Designs(),
    ...seed002Designs(),
  ],
  invalid: [
    {
      name: 'seed 001 namespace with NAT on',
      doc: mutate(doc, (d) =>
        setProps(d, ids.ns, { networkOverride: { nat: true, namespaceNetwork: '172.16.96.0/20', subnetPrefix: 28 } }),
      ),
      errors: [{ targets: [ids.tkc, ids.ns], severity: 'error' }],
    },
    {
      name: 'seed 001 namespace without a network override',
      doc: mutate(doc, (d) => setProps(d, ids.ns, { networkOverride: null })),
      errors: [{ targets: [ids.tkc, ids.ns], data: { override: false } }],
    },
  ],
});
