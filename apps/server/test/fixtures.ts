/** Documents for tests and the benchmark, built here so they do not depend on template content. */
import { DesignBuilder, type TopologyDocument } from '@viplane/model';

/** A small lab: router, two networks, an NSX-ALB controller with an SE group, one TKG cluster. */
export function smallDesign(name = 'Small lab'): TopologyDocument {
  const b = new DesignBuilder({ name, environment: 'lab' });
  const router = b.add('router', 'Core router');
  const mgmt = b.add('portGroup', 'Management', {
    vlan: 10,
    subnet: '192.168.10.0/24',
    gateway: '192.168.10.1',
    ranges: [{ id: 'mgmt-nodes', purpose: 'node', start: '192.168.10.100', end: '192.168.10.199' }],
  });
  const vip = b.add('portGroup', 'VIP', {
    vlan: 20,
    subnet: '192.168.20.0/24',
    gateway: '192.168.20.1',
    albRegistered: true,
    ranges: [{ id: 'vip-pool', purpose: 'vip-pool', start: '192.168.20.50', end: '192.168.20.99' }],
  });
  b.nic(router, mgmt, { address: '192.168.10.1', role: 'routed' });
  b.nic(router, vip, { address: '192.168.20.1', role: 'routed' });
  const controller = b.add('aviController', 'NSX ALB');
  b.nic(controller, mgmt, { address: '192.168.10.10', role: 'management' });
  const seGroup = b.add('seGroup', 'SE group', { controllerId: controller });
  b.add('tkgCluster', 'Workload 1', { nodeNetworkId: mgmt, controllerId: controller, seGroupId: seGroup, workloadVipNetworkId: vip });
  return b.build();
}

/**
 * The benchmark's generated design (performance.md §4): `portGroups` networks, each with a CIDR,
 * a gateway, a VLAN and a pool, a router with a leg on each, and a few clusters. In this schema
 * a network with its router leg is about 420 bytes of JSON, so 114 networks make the ~52 KB
 * body of the performance anchor (280 networks make about 126 KB).
 */
export function largeDesign(portGroups = 114): TopologyDocument {
  const b = new DesignBuilder({ name: `Generated ${portGroups} networks`, environment: 'production' });
  const router = b.add('router', 'Core');
  const networks: string[] = [];
  for (let i = 0; i < portGroups; i++) {
    const third = i % 256;
    const second = 16 + Math.floor(i / 256);
    const net = b.add(
      'portGroup',
      `pg-${i}`,
      {
        vlan: 100 + i,
        subnet: `10.${second}.${third}.0/24`,
        gateway: `10.${second}.${third}.1`,
        ranges: [{ id: `pool-${i}`, purpose: 'vip-pool', start: `10.${second}.${third}.100`, end: `10.${second}.${third}.199` }],
      },
      { id: `pg-${i}` },
    );
    networks.push(net);
    b.nic(router, net, { address: `10.${second}.${third}.1`, role: 'routed', id: `core-${i}` });
  }
  const controller = b.add('aviController', 'NSX ALB');
  b.nic(controller, networks[0]!, { address: '10.16.0.10', role: 'management' });
  const seGroup = b.add('seGroup', 'SE group', { controllerId: controller });
  for (let c = 0; c < 4; c++) {
    b.add('tkgCluster', `cluster-${c}`, {
      nodeNetworkId: networks[c + 1]!,
      controllerId: controller,
      seGroupId: seGroup,
      workloadVipNetworkId: networks[c + 10]!,
    });
  }
  return b.build();
}

/**
 * A design of about `elements` elements, the size the README says is supported (10,000): networks
 * with a router leg each, spread over several routers, plus an NSX-ALB controller, SE groups and
 * clusters. VLANs repeat past 4,000 networks (a warning, not an error), so it stays valid.
 */
export function hugeDesign(elements = 10_000): TopologyDocument {
  const b = new DesignBuilder({ name: `Generated ${elements} elements`, environment: 'production' });
  const routers = Array.from({ length: 10 }, (_, i) => b.add('router', `core-${i}`));
  const controller = b.add('aviController', 'NSX ALB');
  const seGroups = Array.from({ length: 4 }, (_, i) => b.add('seGroup', `se-${i}`, { controllerId: controller }));
  const fixed = routers.length + 1 + seGroups.length;
  const clusters = 20;
  const networks: string[] = [];
  for (let i = 0; i < elements - fixed - clusters; i++) {
    const a = 16 + Math.floor(i / 65_536);
    const second = Math.floor(i / 256) % 256;
    const third = i % 256;
    const prefix = `10.${a + second}.${third}`;
    const net = b.add(
      'portGroup',
      `pg-${i}`,
      {
        vlan: 2 + (i % 4000),
        subnet: `${prefix}.0/24`,
        gateway: `${prefix}.1`,
        ranges: [{ id: `pool-${i}`, purpose: 'vip-pool', start: `${prefix}.100`, end: `${prefix}.199` }],
      },
      { id: `pg-${i}` },
    );
    networks.push(net);
    b.nic(routers[i % routers.length]!, net, { address: `${prefix}.1`, role: 'routed', id: `leg-${i}` });
  }
  b.nic(controller, networks[0]!, { address: '10.16.0.10', role: 'management' });
  for (let c = 0; c < clusters; c++) {
    b.add('tkgCluster', `cluster-${c}`, {
      nodeNetworkId: networks[c + 1]!,
      controllerId: controller,
      seGroupId: seGroups[c % seGroups.length]!,
      workloadVipNetworkId: networks[c + 100]!,
    });
  }
  return b.build();
}
