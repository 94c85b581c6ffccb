import type { TopologyDocument } from '@viplane/model';
import { testRule } from '../../testing/ruleTester.ts';
import rule from './unknown-value.ts';
import { seed001Designs, seed001TkgRoutable } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';

/** The design with `fields` of element `id` marked unknown, as an import leaves them. */
function withUnknown(doc: TopologyDocument, id: string, fields: string[]): TopologyDocument {
  return { ...doc, elements: doc.elements.map((e) => (e.id === id ? { ...e, unknown: fields } : e)) };
}

const { doc, ids } = seed001TkgRoutable();

testRule(rule, {
  valid: [...seed001Designs(), ...seed002Designs(), { name: 'an empty unknown list', doc: withUnknown(doc, ids.t1, []) }],
  invalid: [
    {
      name: 'an imported Tier-1 whose Tier-0 and advertisement the files do not give',
      doc: withUnknown(doc, ids.t1, ['routeAdvertisement', 'tier0Id']),
      errors: [{ targets: [ids.t1], severity: 'info', data: { fields: ['routeAdvertisement', 'tier0Id'] } }],
    },
    {
      name: 'one diagnostic per element',
      doc: withUnknown(withUnknown(doc, ids.t1, ['tier0Id']), ids.overlay, ['gateway']),
      errors: [{ targets: [ids.t1] }, { targets: [ids.overlay] }],
    },
  ],
});
