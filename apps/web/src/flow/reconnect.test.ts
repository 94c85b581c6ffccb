import { describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import { getElement, getLink } from '../document/edits.ts';
import { reconnectEdge } from './reconnect.ts';
import { sourceHandleId } from './roles.ts';

const seed = () => templates.find((t) => t.id === 'seed000-3net-alb')!.build();
const SE_DATA_52 = 'link:se-group-default--dp-data-52';

describe('reconnecting an edge end', () => {
  it('moves an interface to another network: same link, address of the old network cleared', () => {
    let doc = seed();
    doc = {
      ...doc,
      links: doc.links.map((l) =>
        l.id === 'se-group-default--dp-data-52' ? { ...l, address: '192.168.52.30', addressMode: 'static' as const } : l,
      ),
    };
    const r = reconnectEdge(doc, SE_DATA_52, { source: 'se-group-default', sourceHandle: sourceHandleId('data'), target: 'clients' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.edgeId).toBe(SE_DATA_52);
    expect(getLink(r.doc, 'se-group-default--dp-data-52')).toMatchObject({
      from: 'se-group-default',
      to: 'clients',
      role: 'data',
      address: null,
      addressMode: 'static',
    });
    expect(r.doc.links.map((l) => l.id)).toEqual(doc.links.map((l) => l.id));
  });

  it('a router interface moved to a network takes its free gateway', () => {
    let doc = seed();
    // Free dp-data-48's gateway: the router's SVI there goes away.
    doc = { ...doc, links: doc.links.filter((l) => l.id !== 'l3-switch--dp-data-48') };
    const r = reconnectEdge(doc, 'link:l3-switch--dp-data-52', {
      source: 'l3-switch',
      sourceHandle: sourceHandleId('routed'),
      target: 'dp-data-48',
    });
    expect(r.ok && getLink(r.doc, 'l3-switch--dp-data-52')).toMatchObject({ to: 'dp-data-48', address: '192.168.48.1' });
  });

  it('refuses with a reason like a new connection', () => {
    const doc = seed();
    const dup = reconnectEdge(doc, SE_DATA_52, { source: 'se-group-default', sourceHandle: sourceHandleId('data'), target: 'dp-data-48' });
    expect(dup).toEqual({ ok: false, reason: expect.stringContaining('already has a data / vip interface') });
    const wrongKind = reconnectEdge(doc, SE_DATA_52, {
      source: 'se-group-default',
      sourceHandle: sourceHandleId('data'),
      target: 'vcenter',
    });
    expect(wrongKind.ok).toBe(false);
    expect(!wrongKind.ok && wrongKind.reason).toMatch(/not to a vCenter/i);
  });

  it('keeps a reference in its field, and refuses a target that field does not accept', () => {
    const doc = seed();
    const edge = 'ref:workload-cluster-1:nodeNetworkId';
    const r = reconnectEdge(doc, edge, { source: 'workload-cluster-1', sourceHandle: sourceHandleId('workload'), target: 'dp-data-48' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.edgeId).toBe(edge);
    const wc = getElement(r.doc, 'workload-cluster-1')!;
    expect(wc.kind === 'tkgCluster' && wc.props.nodeNetworkId).toBe('dp-data-48');
    const refused = reconnectEdge(doc, 'ref:vs-nginx:vipNetworkId', {
      source: 'vs-nginx',
      sourceHandle: sourceHandleId('data'),
      target: 'se-group-default',
    });
    expect(refused.ok).toBe(false);
  });

  it('moving the source end makes the connection from the new element', () => {
    const doc = seed();
    // The SE group's data interface on dp-data-52 becomes a routed interface of the L3 switch? It has one already.
    const dup = reconnectEdge(doc, SE_DATA_52, { source: 'l3-switch', sourceHandle: sourceHandleId('routed'), target: 'dp-data-52' });
    expect(dup.ok).toBe(false);
    // The workload cluster's node network becomes the management cluster's.
    const r = reconnectEdge(doc, 'ref:workload-cluster-1:nodeNetworkId', {
      source: 'management-cluster',
      sourceHandle: sourceHandleId('workload'),
      target: 'dp-mgmt-32',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const wc = getElement(r.doc, 'workload-cluster-1')!;
    const mc = getElement(r.doc, 'management-cluster')!;
    expect(wc.kind === 'tkgCluster' && wc.props.nodeNetworkId).toBe(null);
    expect(mc.kind === 'tkgCluster' && mc.props.nodeNetworkId).toBe('dp-mgmt-32');
    expect(r.edgeId).toBe('ref:management-cluster:nodeNetworkId');
  });

  it('dropping on the same ends changes nothing', () => {
    const doc = seed();
    const r = reconnectEdge(doc, SE_DATA_52, { source: 'se-group-default', sourceHandle: sourceHandleId('data'), target: 'dp-data-52' });
    expect(r.ok && r.doc).toBe(doc);
  });
});
