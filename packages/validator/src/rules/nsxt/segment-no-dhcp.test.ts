import { testRule } from '../../testing/ruleTester.ts';
import rule from './segment-no-dhcp.ts';
import { seed001Designs, seed001TkgRoutable, seed001TkgsRoutable } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed001TkgRoutable();

testRule(rule, {
  valid: [
    // Design B's node segment has no DHCP: TKC nodes get addresses from NCP IPAM, not DHCP.
    { name: 'a segment without TKG nodes needs no DHCP', doc: seed001TkgsRoutable().doc },
    ...seed001Designs(),
    ...seed002Designs(),
    ...seed004Designs(),
  ],
  invalid: [
    {
      name: 'seed 001 mistake segment-no-dhcp: tanzu-overlay without a DHCP server',
      doc: seed001TkgRoutable({ segmentDhcp: false }).doc,
      errors: [{ targets: [ids.overlay, ids.mgmt, ids.cl1, ids.cl2!], severity: 'error', data: { dhcp: false } }],
    },
    {
      name: 'DHCP enabled but no DHCP range on the segment',
      doc: seed001TkgRoutable({ segmentDhcpRange: false }).doc,
      errors: [{ targets: [ids.overlay, ids.cl1], data: { dhcp: true, dhcpRanges: 0 } }],
    },
  ],
});
