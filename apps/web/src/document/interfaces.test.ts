import { describe, expect, it } from 'vitest';
import { restore } from '@viplane/model';
import { addElement, emptyDocument, getLink, setProp } from './edits.ts';
import { addInterface, interfacesOf, moveInterface, removeInterface, setInterfaceFields, setInterfaceNetwork } from './interfaces.ts';

/** Seed 000's networks with an SE group and an L3 switch, no interfaces yet. */
function networks() {
  let doc = emptyDocument();
  const add = (kind: 'portGroup' | 'seGroup' | 'router', name: string) => {
    const r = addElement(doc, kind, { x: 0, y: 0 }, { name });
    doc = r.doc;
    return r.id;
  };
  const mgmt = add('portGroup', 'dp-mgmt-32');
  const data48 = add('portGroup', 'dp-data-48');
  const data52 = add('portGroup', 'dp-data-52');
  const se = add('seGroup', 'Default-Group');
  const l3 = add('router', 'l3-switch');
  doc = setProp(doc, mgmt, ['subnet'], '192.168.32.0/20');
  doc = setProp(doc, mgmt, ['gateway'], '192.168.32.1');
  doc = setProp(doc, data48, ['subnet'], '192.168.48.0/22');
  doc = setProp(doc, data48, ['gateway'], '192.168.48.1');
  return { doc, mgmt, data48, data52, se, l3 };
}

describe('interfaces', () => {
  it('adds an SE group interface in pool mode and a router interface holding the free gateway', () => {
    const n = networks();
    const a = addInterface(n.doc, n.se, n.mgmt, 'management')!;
    expect(getLink(a.doc, a.id)).toMatchObject({
      kind: 'nic',
      from: n.se,
      to: n.mgmt,
      role: 'management',
      addressMode: 'pool',
      address: null,
    });
    const b = addInterface(a.doc, n.l3, n.mgmt, 'routed')!;
    expect(getLink(b.doc, b.id)).toMatchObject({ addressMode: 'static', address: '192.168.32.1' });
    // A second router interface on the same network does not take the gateway again.
    const c = addInterface(b.doc, n.l3, n.mgmt, 'routed')!;
    expect(getLink(c.doc, c.id)?.address).toBeNull();
    expect(restore(c.doc).ok).toBe(true);
    expect(addInterface(n.doc, n.se, 'nope', 'data')).toBeNull();
  });

  it('never changes the address mode when an address is typed', () => {
    const n = networks();
    const a = addInterface(n.doc, n.se, n.data48, 'data')!;
    const typed = setInterfaceFields(a.doc, a.id, { address: '192.168.48.20' });
    expect(getLink(typed, a.id)).toMatchObject({ addressMode: 'pool', address: '192.168.48.20' });
    const back = setInterfaceFields(typed, a.id, { address: null });
    expect(getLink(back, a.id)).toMatchObject({ addressMode: 'pool', address: null });
    expect(setInterfaceFields(back, a.id, { address: null })).toBe(back);
  });

  it('lists, reorders and removes a holder’s interfaces without moving other links', () => {
    const n = networks();
    let doc = n.doc;
    const ids: string[] = [];
    for (const [holder, net, role] of [
      [n.se, n.mgmt, 'management'],
      [n.l3, n.mgmt, 'routed'],
      [n.se, n.data48, 'data'],
      [n.se, n.data52, 'data'],
    ] as const) {
      const r = addInterface(doc, holder, net, role)!;
      doc = r.doc;
      ids.push(r.id);
    }
    const [seMgmt, l3Mgmt, se48, se52] = ids as [string, string, string, string];
    expect(interfacesOf(doc, n.se).map((l) => l.id)).toEqual([seMgmt, se48, se52]);
    const down = moveInterface(doc, seMgmt, 1);
    expect(interfacesOf(down, n.se).map((l) => l.id)).toEqual([se48, seMgmt, se52]);
    expect(down.links[1]!.id).toBe(l3Mgmt);
    expect(moveInterface(doc, seMgmt, -1)).toBe(doc);
    expect(moveInterface(doc, se52, 1)).toBe(doc);
    const up = moveInterface(down, se52, -1);
    expect(interfacesOf(up, n.se).map((l) => l.id)).toEqual([se48, se52, seMgmt]);
    const removed = removeInterface(up, se52);
    expect(interfacesOf(removed, n.se).map((l) => l.id)).toEqual([se48, seMgmt]);
    expect(interfacesOf(removed, n.l3).map((l) => l.id)).toEqual([l3Mgmt]);
  });

  it('moves an interface to another network keeping id, role and mode, clearing the old address', () => {
    const n = networks();
    const a = addInterface(n.doc, n.l3, n.mgmt, 'routed')!;
    const moved = setInterfaceNetwork(a.doc, a.id, n.data48);
    expect(getLink(moved, a.id)).toMatchObject({ to: n.data48, role: 'routed', addressMode: 'static', address: '192.168.48.1' });
    const b = addInterface(n.doc, n.se, n.mgmt, 'management')!;
    const withAddress = setInterfaceFields(b.doc, b.id, { address: '192.168.32.50', gateway: '192.168.32.1' });
    expect(getLink(setInterfaceNetwork(withAddress, b.id, n.data52), b.id)).toMatchObject({
      to: n.data52,
      addressMode: 'pool',
      address: null,
      gateway: null,
    });
  });
});
