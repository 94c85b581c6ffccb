import { testRule } from '../../testing/ruleTester.ts';
import rule from './stale-routes.ts';
import { seed001Designs, seed001TkgRoutable, seed001TkgsRoutable, setProps } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed001TkgRoutable();
const tkgs = seed001TkgsRoutable();

// Design B without the routed namespace override: the namespace T1's pod routes belong to nothing.
const natNamespace = seed001TkgsRoutable().doc;
setProps(natNamespace, tkgs.ids.ns, { networkOverride: null });

// cl1 scaled out: route 172.16.139.0/24 (seed 001 L225) is still inside CLUSTER_CIDR 172.16.136.0/21.
const scaledOut = seed001TkgRoutable().doc;
const t1 = scaledOut.elements.find((e) => e.id === ids.t1)!;
if (t1.kind === 'nsxtTier1') t1.props.staticRoutes.push({ id: 'cl1-route-139', prefix: '172.16.139.0/24', nextHop: '172.16.128.35' });

testRule(rule, {
  valid: [{ name: 'scale-out route inside CLUSTER_CIDR', doc: scaledOut }, ...seed001Designs(), ...seed002Designs(), ...seed004Designs()],
  invalid: [
    {
      name: 'seed 001 mistake stale-routes-after-delete: cl2 deleted, its three routes stay on tanzu-cl1',
      doc: seed001TkgRoutable({ withCl2: false }).doc,
      errors: [
        { targets: [ids.t1, 'cl2-route-144'], severity: 'info', data: { prefix: '172.16.144.0/24', nextHop: '172.16.128.70' } },
        { targets: [ids.t1, 'cl2-route-145'], severity: 'info' },
        { targets: [ids.t1, 'cl2-route-146'], severity: 'info' },
      ],
    },
    {
      name: 'routes outside a shrunk CLUSTER_CIDR (172.16.136.0/23 keeps .136 and .137 only)',
      doc: seed001TkgRoutable({ cl1PodCidr: '172.16.136.0/23' }).doc,
      errors: [{ targets: [ids.t1, 'cl1-route-138'], severity: 'info' }],
    },
    {
      name: 'namespace routes with no routed namespace left',
      doc: natNamespace,
      errors: ['97', '98', '99', '100', '101', '102'].map((p) => ({
        targets: [tkgs.ids.nsT1, `routablepods-${p}`],
        severity: 'info' as const,
      })),
    },
  ],
});
