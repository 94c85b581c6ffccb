/**
 * Seed 000 (`/work/shared/seeds/000_9a0e695975ded898.txt`), the routing-overview figure (L68-99;
 * digest `docs/seeds/000.md` §3.0): one SE directly connected to four networks - 192.168.0.0/24 (VIPs,
 * "192.168.0.X"), 192.168.1.0/24 (transit toward 192.168.100.0/24), 192.168.2.0/24 (the k8s nodes
 * "192.168.2.Y-Z") and 192.168.3.0/24 (management, the Controller) - but not to 192.168.4.0/24, which
 * exists in vSphere and is not needed (L83), nor to 192.168.100.0/24, reached through a specific next
 * hop rather than the default gateway (L95).
 *
 * [assumed]: port-group names net-0..net-4, gateways .1, the next-hop router 192.168.1.254 and its
 * default route via 192.168.1.1 (the L3 switch itself has no route to 192.168.100.0/24), Controller 192.168.3.5,
 * vCenter 192.168.3.10, pools .10-.19 (SE) and 192.168.0.100-199 (VIPs), the node DHCP scope
 * 192.168.2.20-99, management VRF default via 192.168.3.1, and the two TKG clusters using kube-vip
 * endpoints 192.168.2.100/.101 (the figure shows only app VIPs on the SE).
 */
import { DesignBuilder } from '@viplane/model';
import { route, rng, summary, svi } from './common.ts';
import { mutation, removeRoute, vrfRoutes } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed000-overview';
const title = 'NSX-ALB routing overview (SE on four networks)';
const text = summary(
  'One SE on 192.168.0.0/24 (VIPs), 192.168.1.0/24 (transit to 192.168.100.0/24 via a next hop), 192.168.2.0/24 (backends) and 192.168.3.0/24 (management); 192.168.4.0/24 unused.',
  'Seed 000: the reference picture of SE routing - register used networks with pools, set data and management default gateways, add specific routes where the next hop is not the default.',
);

const ID = {
  l3: 'l3-switch',
  nextHop: 'router-100',
  remote: 'net-100',
  clients: 'clients',
  controller: 'avi-controller',
  se: 'se-group-default',
  mgmtCluster: 'management-cluster',
  workloadCluster: 'workload-cluster-1',
  specificRoute: 'global-192-168-100-0-24',
} as const;

function build() {
  const b = new DesignBuilder({ name: title, description: text, environment: 'lab', origin: id });
  const pg = (n: number, registered: boolean, ranges: ReturnType<typeof rng>[], dhcp = false) =>
    b.add(
      'portGroup',
      `net-${n}`,
      { vlan: null, subnet: `192.168.${n}.0/24`, gateway: `192.168.${n}.1`, dhcp, albRegistered: registered, ranges },
      { id: `net-${n}` },
    );
  pg(0, true, [
    rng('net-0-se-pool', 'se-pool', '192.168.0.10', '192.168.0.19'),
    rng('net-0-vip-pool', 'vip-pool', '192.168.0.100', '192.168.0.199'),
  ]);
  pg(1, true, [rng('net-1-se-pool', 'se-pool', '192.168.1.10', '192.168.1.19')]);
  pg(
    2,
    true,
    [rng('net-2-se-pool', 'se-pool', '192.168.2.10', '192.168.2.19'), rng('net-2-dhcp', 'dhcp', '192.168.2.20', '192.168.2.99')],
    true,
  );
  pg(3, true, [rng('net-3-se-pool', 'se-pool', '192.168.3.10', '192.168.3.19')]);
  pg(4, false, []);
  b.add('clientNetwork', '192.168.100.0/24', { subnet: '192.168.100.0/24', gateway: '192.168.100.1' }, { id: ID.remote });
  b.add('clientNetwork', 'clients (anywhere)', { subnet: null, gateway: null }, { id: ID.clients });

  // The L3 switch (the SE's default gateway) does not route 192.168.100.0/24: only the next hop
  // 192.168.1.254 does, which is why the SE needs the more specific route (L95).
  b.add('router', 'L3 switch', { staticRoutes: [] }, { id: ID.l3 });
  for (const n of [0, 1, 2, 3, 4]) svi(b, ID.l3, `net-${n}`, `192.168.${n}.1`);
  svi(b, ID.l3, ID.clients, null);
  b.add(
    'router',
    'next hop to 192.168.100.0/24',
    { staticRoutes: [route('router-100-default', '0.0.0.0/0', '192.168.1.1')] },
    { id: ID.nextHop },
  );
  svi(b, ID.nextHop, 'net-1', '192.168.1.254');
  svi(b, ID.nextHop, ID.remote, '192.168.100.1');

  b.add('vcenter', 'vCenter', { server: '192.168.3.10' }, { id: 'vcenter' });
  b.add(
    'aviController',
    'NSX-ALB Controller',
    {
      cloudName: 'Default-Cloud',
      vcenterId: 'vcenter',
      vrfs: [
        {
          name: 'global',
          staticRoutes: [route('global-default', '0.0.0.0/0', '192.168.0.1'), route(ID.specificRoute, '192.168.100.0/24', '192.168.1.254')],
        },
        { name: 'management', staticRoutes: [route('management-default', '0.0.0.0/0', '192.168.3.1')] },
      ],
      ipamProfile: { name: 'ipam-profile', usableNetworkIds: ['net-0'] },
      dnsProfile: null,
    },
    { id: ID.controller },
  );
  b.nic(ID.controller, 'net-3', { role: 'management', address: '192.168.3.5', gateway: '192.168.3.1' });
  b.add('seGroup', 'Default-Group', { controllerId: ID.controller, haMode: 'HA_MODE_SHARED', seCount: 2 }, { id: ID.se });
  b.nic(ID.se, 'net-3', { role: 'management', address: null, addressMode: 'pool' });
  for (const n of [0, 1, 2]) b.nic(ID.se, `net-${n}`, { role: 'data', address: null, addressMode: 'pool' });

  const cluster = {
    vcenterId: 'vcenter',
    plan: 'dev' as const,
    controlPlaneCount: 1,
    workerCount: 1,
    nodeNetworkId: 'net-2',
    controllerId: ID.controller,
    seGroupId: ID.se,
    workloadVipNetworkId: 'net-0',
    controlPlaneVipNetworkId: null,
    podCidr: '100.96.0.0/11',
    serviceCidr: '100.64.0.0/13',
    cni: 'antrea' as const,
    routablePods: null,
  };
  b.add(
    'tkgCluster',
    'tkg-mgmt',
    { ...cluster, role: 'management', managementClusterId: null, endpoint: { provider: 'kube-vip', address: '192.168.2.100' } },
    { id: ID.mgmtCluster },
  );
  b.add(
    'tkgCluster',
    'tkg-wc1',
    { ...cluster, role: 'workload', managementClusterId: ID.mgmtCluster, endpoint: { provider: 'kube-vip', address: '192.168.2.101' } },
    { id: ID.workloadCluster },
  );
  b.add(
    'virtualService',
    'nginx',
    { loadBalancerId: ID.se, vipNetworkId: 'net-0', address: null, backendClusterId: ID.workloadCluster, port: 80 },
    { id: 'vs-nginx' },
  );
  return b.build();
}

export const seed000Overview: Template = {
  id,
  title,
  seed: '000',
  summary: text,
  build,
  expectedWarnings: [],
  mutations: [
    mutation({
      id: 'no-data-default-route',
      title: 'Data VRF without a default route',
      seedSays: 'Replies to clients anywhere on the internet need the data default gateway, normally the VIP interface gateway (L93).',
      ruleId: 'routing/no-default-gateway',
      targets: [ID.se, ID.controller],
      change: (doc) => removeRoute(vrfRoutes(doc, ID.controller, 'global'), 'global-default'),
    }),
    mutation({
      id: 'missing-specific-route',
      title: 'No route to 192.168.100.0/24 via 192.168.1.254 in the data VRF',
      seedSays:
        'A network reached through a next hop other than the default gateway needs a more specific route, set by hand or BGP (L95).',
      ruleId: 'routing/unreachable-vip',
      targets: [ID.se, ID.remote],
      change: (doc) => removeRoute(vrfRoutes(doc, ID.controller, 'global'), ID.specificRoute),
    }),
    mutation({
      id: 'next-hop-off-net',
      title: 'Route to 192.168.100.0/24 via 192.168.4.254, a network the SE is not on',
      seedSays: 'A specific route must point at a next hop on a connected network; the SE has no NIC on 192.168.4.0/24 (L83, L95).',
      ruleId: 'routing/next-hop-not-connected',
      targets: [ID.specificRoute, ID.controller],
      change: (doc) => {
        const r = vrfRoutes(doc, ID.controller, 'global').find((x) => x.id === ID.specificRoute);
        if (!r) throw new Error('no specific route');
        r.nextHop = '192.168.4.254';
      },
    }),
  ],
};
