/**
 * Seed 001 (`/work/shared/seeds/001_b360c7a3b1652392.txt`, digest `docs/seeds/001.md` §2.1-2.2): the
 * NSX-T side shared by both routable-pod designs - a Tier-0 gateway uplinked to the existing network
 * (L32), vCenter 10.44.55.100 and NSX Manager 10.44.55.101 (L78, L121).
 *
 * [assumed] (the seed does not describe the physical side): the Tier-0 name t0, its uplink network
 * nsx-uplink 192.168.20.0/24 (Tier-0 192.168.20.2, existing router 192.168.20.1), the existing router's
 * static route toward the NSX prefixes via the Tier-0 (it stands for what the Tier-0 advertises), and
 * clients anywhere behind the existing router.
 */
import type { DesignBuilder } from '@viplane/model';
import { route, routeId, svi } from './common.ts';

export const ID = {
  router: 'existing-router',
  uplink: 'nsx-uplink',
  clients: 'clients',
  t0: 't0',
  vcenter: 'vcenter',
} as const;

/** Adds vCenter, the existing router with its clients, the uplink network and the Tier-0. */
export function addNsxtUnderlay(b: DesignBuilder, nsxPrefixes: string[]): void {
  b.add(
    'vcenter',
    'vCenter',
    {
      server: '10.44.55.100',
      datacenter: '/DC',
      datastore: '/DC/datastore/NFS',
      folder: '/DC/vm',
      resourcePool: '/DC/host/CL/Resources/Tanzu',
    },
    { id: ID.vcenter },
  );
  b.add(
    'portGroup',
    'nsx-uplink',
    { vlan: 20, subnet: '192.168.20.0/24', gateway: '192.168.20.1', dhcp: false, albRegistered: false, ranges: [] },
    { id: ID.uplink },
  );
  b.add('clientNetwork', 'clients (anywhere)', { subnet: null, gateway: null }, { id: ID.clients });
  b.add(
    'router',
    'existing network router',
    { staticRoutes: nsxPrefixes.map((p) => route(routeId('existing-router', p), p, '192.168.20.2')) },
    { id: ID.router },
  );
  svi(b, ID.router, ID.uplink, '192.168.20.1');
  svi(b, ID.router, ID.clients, null);
  b.add(
    'nsxtTier0',
    't0',
    { managerHost: '10.44.55.101', staticRoutes: [route('t0-default', '0.0.0.0/0', '192.168.20.1')] },
    { id: ID.t0 },
  );
  b.nic(ID.t0, ID.uplink, { role: 'uplink', address: '192.168.20.2', addressMode: 'static' });
}
