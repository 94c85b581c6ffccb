import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { templates } from '@viplane/templates';
import type { TopologyDocument } from '@viplane/model';
import { createSharedDocument, readDocument, writeChanges, writeDocument } from '../src/index.ts';

function read(doc: Y.Doc): TopologyDocument {
  const result = readDocument(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

/** Two peers that start from `initial` and exchange every update when `sync()` is called. */
function pair(initial: TopologyDocument) {
  const a = createSharedDocument(initial);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, toB);
    Y.applyUpdate(a, toA);
  };
  return { a, b, sync };
}

const template = (id: string) => templates.find((t) => t.id === id)!.build();

describe('the document as a Y.Doc', () => {
  it.each(templates.map((t) => [t.id, t] as const))('%s reads back as the same document', (_, t) => {
    const doc = t.build();
    expect(read(createSharedDocument(doc))).toEqual(doc);
  });

  it('writes nothing for an unchanged document and one small update for a field edit', () => {
    const doc = template('seed000-3net-alb');
    const ydoc = createSharedDocument(doc);
    const updates: Uint8Array[] = [];
    ydoc.on('update', (u: Uint8Array) => updates.push(u));
    writeDocument(ydoc, structuredClone(doc));
    expect(updates).toHaveLength(0);
    const next = structuredClone(doc);
    next.elements[0]!.name = 'renamed';
    writeDocument(ydoc, next, 'local');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.byteLength).toBeLessThan(200);
    expect(read(ydoc).elements[0]!.name).toBe('renamed');
  });

  it('merges concurrent edits of different fields of one element', () => {
    const doc = template('seed000-3net-alb');
    const { a, b, sync } = pair(doc);
    const index = doc.elements.findIndex((e) => e.kind === 'seGroup');
    const mine = structuredClone(doc);
    mine.elements[index]!.name = 'se-a';
    const theirs = structuredClone(doc);
    (theirs.elements[index]!.props as { seCount: number }).seCount = 3;
    writeDocument(a, mine);
    writeDocument(b, theirs);
    sync();
    for (const peer of [a, b]) {
      const el = read(peer).elements[index]!;
      expect(el.name).toBe('se-a');
      expect((el.props as { seCount: number }).seCount).toBe(3);
    }
  });

  it('keeps a position whole: concurrent moves end in one of the two places', () => {
    const doc = template('seed000-3net-alb');
    const { a, b, sync } = pair(doc);
    const mine = structuredClone(doc);
    mine.elements[0]!.position = { x: 1, y: 1 };
    const theirs = structuredClone(doc);
    theirs.elements[0]!.position = { x: 2, y: 2 };
    writeDocument(a, mine);
    writeDocument(b, theirs);
    sync();
    const position = read(a).elements[0]!.position;
    expect([1, 2]).toContain(position.x);
    expect(position.y).toBe(position.x);
    expect(read(b).elements[0]!.position).toEqual(position);
  });

  it('replaces a union value whole when it switches variant, so a concurrent edit of the old variant leaves no mix', () => {
    const doc = template('seed002-single-2nic');
    const index = doc.elements.findIndex((e) => e.kind === 'supervisor');
    expect(index).toBeGreaterThanOrEqual(0);
    const { a, b, sync } = pair(doc);
    const controller = doc.elements.find((e) => e.kind === 'aviController');
    const mine = structuredClone(doc);
    (mine.elements[index]!.props as Record<string, unknown>)['loadBalancer'] = {
      provider: 'nsx-alb',
      controllerId: controller?.id ?? null,
    };
    const theirs = structuredClone(doc);
    (theirs.elements[index]!.props as { loadBalancer: { haproxyId: string | null } }).loadBalancer.haproxyId = null;
    writeDocument(a, mine);
    writeDocument(b, theirs);
    sync();
    expect(read(a)).toEqual(read(b));
  });

  it('merges concurrent additions to one list and clears a reference to an element deleted concurrently', () => {
    const doc = template('seed000-3net-alb');
    const { a, b, sync } = pair(doc);
    const se = doc.elements.find((e) => e.kind === 'seGroup')!;
    const network = doc.elements.find((e) => e.kind === 'portGroup')!;
    const mine = structuredClone(doc);
    mine.links.push({
      id: 'nic-a',
      kind: 'nic',
      from: se.id,
      to: network.id,
      role: 'data',
      address: null,
      addressMode: 'dhcp',
      gateway: null,
    });
    const theirs = structuredClone(doc);
    theirs.links.push({
      id: 'nic-b',
      kind: 'nic',
      from: se.id,
      to: network.id,
      role: 'data',
      address: null,
      addressMode: 'dhcp',
      gateway: null,
    });
    writeDocument(a, mine);
    writeDocument(b, theirs);
    sync();
    const ids = read(a).links.map((l) => l.id);
    expect(ids).toContain('nic-a');
    expect(ids).toContain('nic-b');
    expect(read(b)).toEqual(read(a));

    // b removes the network (and its links, as the canvas does); a concurrently attaches another NIC to it.
    const removed = structuredClone(read(b));
    removed.elements = removed.elements.filter((e) => e.id !== network.id);
    removed.links = removed.links.filter((l) => l.to !== network.id && l.from !== network.id);
    const attached = structuredClone(read(a));
    attached.links.push({
      id: 'nic-c',
      kind: 'nic',
      from: se.id,
      to: network.id,
      role: 'data',
      address: null,
      addressMode: 'dhcp',
      gateway: null,
    });
    writeDocument(a, attached);
    writeDocument(b, removed);
    sync();
    const merged = readDocument(a);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.document.elements.some((e) => e.id === network.id)).toBe(false);
    expect(merged.document.links.some((l) => l.id === 'nic-c')).toBe(false);
    expect(merged.repairs.some((r) => r.action === 'removed')).toBe(true);
    expect(read(b)).toEqual(merged.document);
  });
});

describe('writeChanges', () => {
  it('writes only what the edit changed, keeping a remote change the editor has not shown yet', () => {
    const doc = template('seed000-3net-alb');
    const { a, b, sync } = pair(doc);
    // b renames element 1; a has not seen it and edits element 0 from its old document.
    const theirs = structuredClone(doc);
    theirs.elements[1]!.name = 'remote-name';
    writeDocument(b, theirs);
    sync();
    const mine = structuredClone(doc);
    mine.elements[0] = { ...mine.elements[0]!, name: 'local-name' };
    writeChanges(a, doc, { ...doc, elements: mine.elements });
    sync();
    for (const peer of [a, b]) {
      const read = readDocument(peer);
      expect(read.ok && read.document.elements[0]!.name).toBe('local-name');
      expect(read.ok && read.document.elements[1]!.name).toBe('remote-name');
    }
  });
});
