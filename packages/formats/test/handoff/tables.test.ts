/** The handoff's tables for seed 000's four designs (and seed 003's delegation), as the templates define them. */
import { describe, expect, it } from 'vitest';
import { getTemplate } from '@viplane/templates';
import { buildHandoff } from '../../src/handoff/build.ts';
import type { Handoff, HandoffTableId } from '../../src/handoff/types.ts';

const NO_FLOWS = { matrix: [], l2: [] };
const handoffOf = (id: string) => buildHandoff(getTemplate(id)!.build(), NO_FLOWS);
const rows = (h: Handoff, id: HandoffTableId) => h.tables.find((t) => t.id === id)!.rows;
const row = (h: Handoff, id: HandoffTableId, match: Record<string, string>) => {
  const found = rows(h, id).filter((r) => Object.entries(match).every(([k, v]) => r[k] === v));
  expect(found, JSON.stringify(match)).toHaveLength(1);
  return found[0]!;
};

describe('buildHandoff: seed 000', () => {
  it('lists every table, in order, with every row keyed by its columns', () => {
    const h = handoffOf('seed000-3net-alb');
    expect(h.tables.map((t) => t.id)).toEqual(['vlans', 'subnets', 'ranges', 'addresses', 'routes', 'dns', 'firewall', 'l2']);
    for (const t of h.tables) for (const r of t.rows) expect(Object.keys(r).sort()).toEqual(t.columns.map((c) => c.key).sort());
  });

  it('3-network NSX-ALB: VLANs 32/48/52 with what attaches, gateways .1, the DHCP scope on the node network', () => {
    const h = handoffOf('seed000-3net-alb');
    expect(rows(h, 'vlans').map((r) => [r.name, r.vlan, r.subnet])).toEqual([
      ['dp-mgmt-32', '32', '192.168.32.0/20'],
      ['dp-data-48', '48', '192.168.48.0/22'],
      ['dp-data-52', '52', '192.168.52.0/22'],
    ]);
    expect(row(h, 'vlans', { name: 'dp-data-52' }).purpose).toContain('nodes of tkg-wc1');
    expect(row(h, 'vlans', { name: 'dp-data-52' }).purpose).toContain('SE group Default-Group (data)');
    expect(row(h, 'vlans', { name: 'dp-mgmt-32' }).purpose).toContain('(management)');
    expect(row(h, 'subnets', { network: 'dp-mgmt-32' })).toMatchObject({
      gateway: '192.168.32.1',
      dhcp: '',
      reserved: '192.168.33.10-192.168.33.49',
    });
    expect(row(h, 'subnets', { network: 'dp-data-48' })).toMatchObject({
      gateway: '192.168.48.1',
      reserved: '192.168.48.10-192.168.48.49, 192.168.49.0-192.168.49.255',
    });
    expect(row(h, 'subnets', { network: 'dp-data-52' })).toMatchObject({
      gateway: '192.168.52.1',
      dhcp: '192.168.54.1-192.168.55.254',
      reserved: '192.168.52.10-192.168.52.49, 192.168.53.0-192.168.53.255',
    });
    expect(row(h, 'subnets', { network: 'clients (anywhere)' }).subnet).toBe('any');
    expect(row(h, 'ranges', { range: '192.168.53.0-192.168.53.255' })).toMatchObject({
      network: 'dp-data-52',
      purpose: 'NSX-ALB VIP pool',
    });
  });

  it('holders: the L3 switch holds each gateway, the Controller .32.20, vCenter .32.10; SEs take pool addresses', () => {
    const h = handoffOf('seed000-3net-alb');
    for (const gw of ['192.168.32.1', '192.168.48.1', '192.168.52.1'])
      expect(row(h, 'addresses', { address: gw }).holder).toBe('L3 switch');
    expect(row(h, 'addresses', { address: '192.168.32.20' })).toMatchObject({
      holder: 'NSX-ALB Controller',
      purpose: 'NSX-ALB Controller',
    });
    expect(row(h, 'addresses', { address: '192.168.32.10' })).toMatchObject({ holder: 'vCenter', network: 'dp-mgmt-32' });
    expect(row(h, 'addresses', { network: 'dp-data-52', purpose: 'SE interface (data)' })).toMatchObject({
      address: 'from pool',
      within: 'NSX-ALB SE interface pool 192.168.52.10-192.168.52.49',
    });
  });

  it('3-network kube-vip: the endpoints .52.100/.52.101 are held by their clusters; no SE on the node network', () => {
    const h = handoffOf('seed000-3net-kubevip');
    expect(row(h, 'addresses', { address: '192.168.52.100' }).holder).toBe('tkg-mgmt');
    expect(row(h, 'addresses', { address: '192.168.52.101' }).holder).toBe('tkg-wc1');
    expect(row(h, 'vlans', { name: 'dp-data-52' }).purpose).not.toContain('SE group');
    expect(row(h, 'subnets', { network: 'dp-data-52' }).reserved).toBe('');
    expect(row(h, 'dns', { value: '192.168.52.100' })).toMatchObject({ type: 'A', holder: 'tkg-mgmt' });
  });

  it('2-network and 1-network: the DHCP scope and the VIP pool move with the node network', () => {
    const two = handoffOf('seed000-2net');
    expect(rows(two, 'vlans').map((r) => r.name)).toEqual(['dp-mgmt-32', 'dp-data-48']);
    expect(row(two, 'subnets', { network: 'dp-data-48' }).dhcp).toBe('192.168.50.1-192.168.51.254');
    const one = handoffOf('seed000-1net');
    expect(rows(one, 'vlans').map((r) => r.name)).toEqual(['dp-mgmt-32']);
    expect(row(one, 'subnets', { network: 'dp-mgmt-32' })).toMatchObject({
      dhcp: '192.168.40.1-192.168.43.254',
      reserved: '192.168.33.10-192.168.33.49, 192.168.34.0-192.168.34.255',
    });
  });

  it('routes: the SE data VRF default route via the VIP network gateway, the management one via .32.1', () => {
    const three = handoffOf('seed000-3net-alb');
    expect(row(three, 'routes', { device: 'Default-Group', vrf: 'global' })).toMatchObject({
      prefix: '0.0.0.0/0',
      nextHop: '192.168.48.1',
    });
    expect(row(three, 'routes', { device: 'Default-Group', vrf: 'management' }).nextHop).toBe('192.168.32.1');
    expect(row(handoffOf('seed000-1net'), 'routes', { device: 'Default-Group', vrf: 'global' }).nextHop).toBe('192.168.32.1');
    expect(rows(three, 'routes').some((r) => r.origin === 'connected')).toBe(false);
  });

  it('DNS: the Controller address; without flows the firewall and L2 tables are empty', () => {
    const h = handoffOf('seed000-3net-alb');
    expect(row(h, 'dns', { value: '192.168.32.20' })).toMatchObject({ type: 'A', holder: 'NSX-ALB Controller' });
    expect(rows(h, 'firewall')).toEqual([]);
    expect(rows(h, 'l2')).toEqual([]);
  });
});

describe('buildHandoff: other seeds', () => {
  it('seed 003: the AKO DNS delegation once, and the pod CIDR AKO routes in the SE data VRF', () => {
    const h = handoffOf('seed003-ako-static-route');
    expect(rows(h, 'dns').filter((r) => r.type === 'NS')).toEqual([expect.objectContaining({ name: 'ako.example.com' })]);
    expect(row(h, 'dns', { value: '172.16.251.253' }).type).toBe('A');
    expect(row(h, 'routes', { origin: 'cluster' })).toMatchObject({ device: 'Default-Group', vrf: 'global', prefix: '10.244.0.0/16' });
  });

  it('seed 001 routable: the physical router static route towards the overlay, and the Tier-0 routes to learn', () => {
    const h = handoffOf('seed001-tkg-routable');
    expect(row(h, 'routes', { deviceKind: 'physical router' })).toMatchObject({ prefix: '172.16.128.0/18', nextHop: '192.168.20.2' });
    expect(
      rows(h, 'routes').some((r) => r.deviceKind === 'NSX-T Tier-0' && r.origin === 'internal' && r.prefix === '172.16.136.0/21'),
    ).toBe(true);
    expect(row(h, 'vlans', { name: 'tanzu-overlay' })).toMatchObject({ switch: 'NSX-T overlay', vlan: '' });
  });
});
