import { testRule } from '../../testing/ruleTester.ts';
import rule from './routable-pods-settings-missing.ts';
import { mutate, propsOf, seed001 } from '../../../test/fixtures/routing.ts';

const routable = seed001();

testRule(rule, {
  valid: [
    { name: 'seed 001: cl1 and cl2 on Tier-1 tanzu-cl1, Tier-0 t0 with NSX Manager 10.44.55.101', doc: routable.doc },
    {
      name: 'an imported Tier-1 whose Tier-0 is unknown (design/unknown-value asks)',
      doc: mutate(routable.doc, (d) => {
        propsOf<{ tier0Id: string | null }>(d, routable.ids.t1).tier0Id = null;
        d.elements.find((e) => e.id === routable.ids.t1)!.unknown = ['tier0Id'];
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 001: the Tier-0 has no NSX Manager host (NSXT_MANAGER_HOST)',
      doc: mutate(routable.doc, (d) => {
        propsOf<{ managerHost: string }>(d, routable.ids.t0).managerHost = '';
      }),
      errors: [
        { targets: [routable.ids.cl1, routable.ids.t1, routable.ids.t0], severity: 'error', data: { setting: 'NSXT_MANAGER_HOST' } },
        { targets: [routable.ids.cl2, routable.ids.t1, routable.ids.t0], data: { setting: 'NSXT_MANAGER_HOST' } },
      ],
    },
    {
      name: 'seed 001: cl1 with routable pods but no Tier-1 (NSXT_ROUTER_PATH)',
      doc: mutate(routable.doc, (d) => {
        propsOf<{ routablePods: { tier1Id: string | null } }>(d, routable.ids.cl1).routablePods = { tier1Id: null };
      }),
      errors: [{ targets: [routable.ids.cl1], data: { setting: 'NSXT_ROUTER_PATH' } }],
    },
  ],
});
