/**
 * Small designs with seed 000's lab addresses for rule and engine tests. The full reference
 * designs live in @viplane/templates; these stay minimal so each test shows what it needs.
 */
import { DesignBuilder } from '@viplane/model';

/** Seed 000's 3-network design with the NSX-ALB endpoint (recommended for production). */
export function threeNetwork() {
  const b = new DesignBuilder({ name: '3-network NSX-ALB endpoint' });
  const mgmt = b.add('portGroup', 'dp-mgmt-32', {
    vlan: 32, subnet: '192.168.32.0/20', gateway: '192.168.32.1', albRegistered: true,
    ranges: [{ id: 'mgmt-se-pool', purpose: 'se-pool', start: '192.168.40.1', end: '192.168.40.100' }],
  });
  const data48 = b.add('portGroup', 'dp-data-48', {
    vlan: 48, subnet: '192.168.48.0/22', gateway: '192.168.48.1', albRegistered: true,
    ranges: [{ id: 'data48-pool', purpose: 'se-vip-pool', start: '192.168.49.0', end: '192.168.49.255' }],
  });
  const data52 = b.add('portGroup', 'dp-data-52', {
    vlan: 52, subnet: '192.168.52.0/22', gateway: '192.168.52.1', albRegistered: true, dhcp: true,
    ranges: [
      { id: 'data52-dhcp', purpose: 'dhcp', start: '192.168.52.10', end: '192.168.52.99' },
      { id: 'data52-pool', purpose: 'se-vip-pool', start: '192.168.53.0', end: '192.168.53.255' },
    ],
  });
  const clients = b.add('clientNetwork', 'clients', { subnet: null });
  const l3 = b.add('router', 'l3-switch');
  b.nic(l3, mgmt, { role: 'routed', address: '192.168.32.1' });
  b.nic(l3, data48, { role: 'routed', address: '192.168.48.1' });
  b.nic(l3, data52, { role: 'routed', address: '192.168.52.1' });
  b.nic(l3, clients, { role: 'routed', address: null, addressMode: 'static' });
  const ctrl = b.add('aviController', 'avi-controller', {
    vrfs: [
      { name: 'global', staticRoutes: [{ id: 'data-default', prefix: '0.0.0.0/0', nextHop: '192.168.48.1' }] },
      { name: 'management', staticRoutes: [{ id: 'mgmt-default', prefix: '0.0.0.0/0', nextHop: '192.168.32.1' }] },
    ],
  });
  b.nic(ctrl, mgmt, { role: 'management', address: '192.168.32.10' });
  const se = b.add('seGroup', 'Default-Group', { controllerId: ctrl });
  b.nic(se, mgmt, { role: 'management' });
  b.nic(se, data48, { role: 'data' });
  b.nic(se, data52, { role: 'data' });
  const wc = b.add('tkgCluster', 'workload-1', {
    nodeNetworkId: data52, controllerId: ctrl, seGroupId: se, workloadVipNetworkId: data48, controlPlaneVipNetworkId: data52,
  });
  return { doc: b.build(), ids: { mgmt, data48, data52, clients, l3, ctrl, se, wc } };
}
