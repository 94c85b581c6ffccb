/** The firewall matrix and L2 tables from hand-built rows (the shape designFlows returns): merged, sorted, grouped. */
import { describe, expect, it } from 'vitest';
import { getTemplate } from '@viplane/templates';
import { buildHandoff } from '../../src/handoff/build.ts';
import { firewallTable, l2Table } from '../../src/handoff/tables/firewall.ts';
import { handoffMarkdown } from '../../src/handoff/markdown.ts';
import { handoffHtml } from '../../src/handoff/html.ts';
import type { HandoffL2Row, HandoffMatrixRow } from '../../src/handoff/types.ts';

const base: HandoffMatrixRow = {
  enforcementPoint: 'L3 switch',
  enforcementPointId: 'router-1',
  source: 'nodes of tkg-wc1',
  sourceCidrs: ['192.168.54.1-192.168.55.254'],
  destination: 'NSX-ALB Controller',
  destinationCidrs: ['192.168.32.20/32'],
  protocol: 'TCP',
  ports: '443',
  purpose: 'AKO → Controller API',
  requirement: 'required',
  vendorSource: 'AKO docs',
  flowIds: ['ako/controller-api'],
};

const MATRIX: HandoffMatrixRow[] = [
  {
    ...base,
    enforcementPoint: 'L3 switch',
    purpose: 'AKO operator → Controller API',
    vendorSource: 'AKOO docs',
    flowIds: ['akoo/controller-api'],
  },
  base,
  { ...base, requirement: 'doubtful', ports: '8443', purpose: 'secure channel (doubtful: one table lists it)', flowIds: ['avi/8443'] },
  {
    ...base,
    enforcementPoint: 'Edge firewall',
    enforcementPointId: 'fw-1',
    source: 'clients',
    sourceCidrs: ['0.0.0.0/0'],
    ports: '80,443',
  },
  { ...base, requirement: 'conditional', condition: 'ako.serviceType == NodePort', ports: '30000-32767', destination: 'nodes' },
];

const L2: HandoffL2Row[] = [
  {
    networkId: 'pg-52',
    network: 'dp-data-52',
    requirement: 'GARP',
    purpose: 'kube-vip announces the endpoint',
    vendorSource: 'kube-vip docs',
  },
  {
    networkId: 'pg-52',
    network: 'dp-data-52',
    requirement: 'GARP',
    purpose: 'kube-vip announces the endpoint',
    vendorSource: 'kube-vip docs',
  },
  { networkId: 'pg-48', network: 'dp-data-48', requirement: 'DHCP relay', purpose: 'nodes get addresses', vendorSource: 'TKG docs' },
];

describe('firewallTable', () => {
  const table = firewallTable(MATRIX);

  it('merges rows that permit the same thing, joining purposes, sources and flow ids', () => {
    const merged = table.rows.filter((r) => r.enforcementPoint === 'L3 switch' && r.ports === '443' && r.requirement === 'required');
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      purpose: 'AKO operator → Controller API; AKO → Controller API',
      vendorSource: 'AKO docs; AKOO docs',
      flowIds: 'ako/controller-api; akoo/controller-api',
      sourceCidrs: '192.168.54.1-192.168.55.254',
      destinationCidrs: '192.168.32.20/32',
    });
  });

  it('sorts by enforcement point, then required, conditional, optional, doubtful; keeps the condition and the doubtful mark', () => {
    expect(table.rows.map((r) => [r.enforcementPoint, r.requirement, r.ports])).toEqual([
      ['Edge firewall', 'required', '80,443'],
      ['L3 switch', 'required', '443'],
      ['L3 switch', 'conditional', '30000-32767'],
      ['L3 switch', 'doubtful', '8443'],
    ]);
    expect(table.rows[2]!.condition).toBe('ako.serviceType == NodePort');
  });

  it('groups by enforcement point in Markdown and HTML', () => {
    const doc = getTemplate('seed000-3net-alb')!.build();
    const h = buildHandoff(doc, { matrix: MATRIX, l2: L2 });
    const md = handoffMarkdown(h);
    expect(md).toContain('### Edge firewall');
    expect(md).toContain('### L3 switch');
    expect(md.indexOf('### Edge firewall')).toBeLessThan(md.indexOf('### L3 switch'));
    const html = handoffHtml(h);
    expect(html).toContain('<h3>L3 switch</h3>');
    expect(html).toContain('<tr class="doubtful">');
  });
});

describe('l2Table', () => {
  it('drops repeated requirements and sorts by network', () => {
    expect(l2Table(L2).rows.map((r) => [r.network, r.requirement])).toEqual([
      ['dp-data-48', 'DHCP relay'],
      ['dp-data-52', 'GARP'],
    ]);
  });
});
