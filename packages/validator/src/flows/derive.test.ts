/**
 * Seed 000's four designs against ../shared/ports.md §7.4: which flows cross the L3 switch (one
 * matrix entry there) and which stay inside a segment.
 */
import { describe, expect, it } from 'vitest';
import { getTemplate } from '@viplane/templates';
import { designFlows, type DesignFlow, type DesignFlows } from '../index.ts';

const of = (id: string): DesignFlows => designFlows(getTemplate(id)!.build());

function statusOf(r: DesignFlows, flowId: string): string[] {
  return [...new Set(r.flows.filter((f) => f.flowId === flowId).map((f) => f.status))];
}

function crosses(f: DesignFlow): boolean {
  return f.status === 'routed' && f.enforcementPoints.some((p) => p.id === 'l3-switch');
}

describe('seed 000 flows (ports.md §7.4)', () => {
  it('3-network, NSX-ALB endpoint: SE management and SE data on -52 stay in their segments; nodes, clients and admins cross', () => {
    const r = of('seed000-3net-alb');
    for (const id of ['nsx-alb/se-controller-ssh', 'nsx-alb/se-controller-8443', 'nsx-alb/se-controller-ntp', 'nsx-alb/se-se-objsync', 'ako/se-nodeport', 'tkg/se-control-plane'])
      expect(statusOf(r, id), id).toEqual(['intra-segment']);
    // SE data → nodes leaves from the SE interface on dp-data-52, source-NATed to its pool.
    const nodeport = r.flows.find((f) => f.flowId === 'ako/se-nodeport')!;
    expect(nodeport.networkId).toBe('dp-data-52');
    expect(nodeport.sourceCidrs).toEqual(['192.168.52.10-192.168.52.49']);
    // The Controller sits on dp-mgmt-32 with vCenter: intra-segment.
    expect(statusOf(r, 'nsx-alb/controller-vcenter')).toEqual(['intra-segment']);
    for (const id of ['ako/controller-api', 'tkg/nodes-vcenter', 'nsx-alb/clients-vip', 'tkg/clients-endpoint', 'nsx-alb/admin-api'])
      expect(r.flows.filter((f) => f.flowId === id).every(crosses), id).toBe(true);
    expect(r.flows.some((f) => f.status === 'broken')).toBe(false);
  });

  it('3-network NSX-ALB matrix: what the L3 switch must permit, merged per address set', () => {
    const r = of('seed000-3net-alb');
    const rows = r.matrix.map((m) => [m.enforcementPointId, m.sourceCidrs.join(' '), m.destinationCidrs.join(' '), m.protocol, m.ports, m.requirement]);
    expect(rows).toEqual([
      ['l3-switch', 'any', '192.168.32.20/32', 'tcp', '443', 'required'],
      ['l3-switch', 'any', '192.168.53.0/24', 'tcp', '6443', 'required'],
      ['l3-switch', 'any', '192.168.49.0/24', 'tcp', '80', 'required'],
      ['l3-switch', '192.168.54.1-192.168.55.254', '192.168.32.20/32', 'tcp', '443', 'required'],
      ['l3-switch', '192.168.54.1-192.168.55.254', '192.168.32.10/32', 'tcp', '443', 'required'],
      ['l3-switch', 'any', '192.168.32.20/32', 'tcp', '22,80', 'optional'],
    ]);
    const ako = r.matrix.find((m) => m.flowIds.includes('ako/controller-api'))!;
    expect(ako.source).toBe('tkg-mgmt nodes, tkg-wc1 nodes');
    expect(ako.vendorSource).toBe('K3, K4, T1, T2, T3, T4, T5');
    expect(r.l2.map((l) => [l.networkId, l.vendorSource])).toEqual([['dp-data-52', 'K1, T2, T3']]);
  });

  it('3-network, kube-vip endpoint: SE data (-48) → node NodePorts crosses; the endpoint GARP stays in -52', () => {
    const r = of('seed000-3net-kubevip');
    const nodeport = r.flows.filter((f) => f.flowId === 'ako/se-nodeport');
    expect(nodeport.length).toBeGreaterThan(0);
    for (const f of nodeport) {
      expect(crosses(f)).toBe(true);
      expect(f.source).toContain('dp-data-48');
      expect(f.sourceCidrs).toEqual(['192.168.48.10-192.168.48.49']);
    }
    const row = r.matrix.find((m) => m.flowIds.includes('ako/se-nodeport'))!;
    expect([row.enforcementPointId, row.ports, row.destinationCidrs]).toEqual(['l3-switch', '30000-32767', ['192.168.54.1-192.168.55.254']]);
    expect(r.matrix.some((m) => m.destinationCidrs.includes('192.168.52.100/32') && m.ports === '6443')).toBe(true);
    expect(r.l2.find((l) => l.vendorSource === 'K2, V1')?.networkId).toBe('dp-data-52');
    expect(statusOf(r, 'kube-vip/garp')).toEqual(['l2']);
  });

  it('2-network: nodes, VIPs and SE data share dp-data-48, so only node → Controller / vCenter and clients cross', () => {
    const r = of('seed000-2net');
    for (const id of ['ako/se-nodeport', 'tkg/se-control-plane', 'nsx-alb/se-controller-8443']) expect(statusOf(r, id), id).toEqual(['intra-segment']);
    expect(new Set(r.matrix.flatMap((m) => m.flowIds))).toEqual(
      new Set(['ako/controller-api', 'tkg/nodes-vcenter', 'nsx-alb/clients-vip', 'tkg/clients-endpoint', 'nsx-alb/admin-api', 'nsx-alb/admin-http', 'nsx-alb/admin-ssh']),
    );
  });

  it('1-network: everything shares dp-mgmt-32; only clients and admins cross', () => {
    const r = of('seed000-1net');
    for (const f of r.flows) if (f.status === 'routed') expect(f.sourceElementId).toBe('clients');
    expect(r.matrix.every((m) => m.source.startsWith('Admins') || m.source.startsWith('Clients'))).toBe(true);
    expect(statusOf(r, 'ako/controller-api')).toEqual(['intra-segment']);
  });

  it('keeps the catalogue marks: doubtful and optional rows stay doubtful and optional', () => {
    const r = of('seed000-3net-alb');
    expect(r.flows.find((f) => f.flowId === 'tkg/mgmt-to-workload-5556')?.requirement).toBe('doubtful');
    expect(r.flows.find((f) => f.flowId === 'nsx-alb/admin-ssh')?.requirement).toBe('optional');
  });

  it('lists roles the design does not hold as unresolved, not as matrix rows', () => {
    const r = of('seed000-3net-alb');
    const dns = r.flows.filter((f) => f.flowId === 'tkg/nodes-dns');
    expect(dns.map((f) => f.status)).toEqual(['unresolved', 'unresolved']);
    expect(r.matrix.some((m) => m.flowIds.includes('tkg/nodes-dns'))).toBe(false);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(of('seed000-3net-alb'))).toBe(JSON.stringify(of('seed000-3net-alb')));
  });
});
