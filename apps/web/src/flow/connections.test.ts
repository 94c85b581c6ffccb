import { describe, expect, it } from 'vitest';
import { restore } from '@viplane/model';
import { addElement, emptyDocument, getElement, type Doc } from '../document/edits.ts';
import { applyConnection, resolveConnection } from './connections.ts';

function build() {
  let doc: Doc = emptyDocument();
  for (const [kind, x] of [
    ['portGroup', 0],
    ['seGroup', 1],
    ['aviController', 2],
    ['tkgCluster', 3],
    ['router', 4],
    ['aciSwitch', 5],
    ['aciSwitch', 6],
    ['supervisor', 7],
    ['haproxy', 8],
  ] as const)
    doc = addElement(doc, kind, { x: x * 100, y: 0 }).doc;
  return doc;
}

describe('typed connections', () => {
  it('a NIC holder to a network creates a nic link with the handle role', () => {
    const doc = build();
    const r = resolveConnection(doc, 'se-group-1', 'data', 'pg-1');
    expect(r.ok && r.actions.map((a) => a.type)).toEqual(['nic']);
    if (!r.ok) return;
    const next = applyConnection(doc, r.actions[0]!).doc;
    expect(next.links).toEqual([
      expect.objectContaining({ kind: 'nic', from: 'se-group-1', to: 'pg-1', role: 'data', addressMode: 'pool' }),
    ]);
    const again = resolveConnection(next, 'se-group-1', 'data', 'pg-1');
    expect(again).toEqual({ ok: false, reason: expect.stringContaining('already has a data / vip interface') });
    expect(resolveConnection(next, 'se-group-1', 'management', 'pg-1').ok).toBe(true);
  });

  it('sets a reference field whose role and target kinds match', () => {
    const doc = build();
    const r = resolveConnection(doc, 'se-group-1', 'member', 'avi-ctrl-1');
    expect(r.ok && r.actions).toEqual([expect.objectContaining({ type: 'ref', path: 'controllerId' })]);
    if (!r.ok) return;
    const next = applyConnection(doc, r.actions[0]!).doc;
    expect(getElement(next, 'se-group-1')?.props).toMatchObject({ controllerId: 'avi-ctrl-1' });
    expect(restore(next).ok).toBe(true);
  });

  it('offers a choice when several fields accept the target', () => {
    const doc = build();
    const r = resolveConnection(doc, 'tkg-1', 'data', 'pg-1');
    expect(r.ok && r.actions.map((a) => a.type === 'ref' && a.path)).toEqual(['workloadVipNetworkId', 'controlPlaneVipNetworkId']);
  });

  it('refuses with a reason', () => {
    const doc = build();
    const wrongKind = resolveConnection(doc, 'se-group-1', 'member', 'pg-1');
    expect(wrongKind.ok).toBe(false);
    expect(!wrongKind.ok && wrongKind.reason).toMatch(/member of connection goes to NSX-ALB Controller, not to a Port group/);
    const self = resolveConnection(doc, 'pg-1', 'data', 'pg-1');
    expect(self.ok).toBe(false);
    const reverse = resolveConnection(doc, 'avi-ctrl-1', 'member', 'se-group-1');
    expect(!reverse.ok && reverse.reason).toMatch(/Start from SE group 1 instead/);
  });

  it('cables ACI switches and switches the Supervisor load-balancer provider', () => {
    const doc = build();
    const cable = resolveConnection(doc, 'aci-switch-1', 'leaf', 'aci-switch-2');
    expect(cable.ok).toBe(true);
    const sup = resolveConnection(doc, 'supervisor-1', 'member', 'haproxy-1');
    expect(sup.ok).toBe(true);
    if (!sup.ok) return;
    const next = applyConnection(doc, sup.actions[0]!).doc;
    expect(getElement(next, 'supervisor-1')?.props).toMatchObject({ loadBalancer: { provider: 'haproxy', haproxyId: 'haproxy-1' } });
    expect(restore(next).ok).toBe(true);
  });
});
