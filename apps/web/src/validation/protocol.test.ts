import { describe, expect, it } from 'vitest';
import { addElement, addLink, emptyDocument, moveElements, removeElements, setProp, type Doc } from '../document/edits.ts';
import { diffDocuments, DocumentReplica } from './protocol.ts';

function base(): Doc {
  let doc = emptyDocument();
  for (let i = 0; i < 5; i++) doc = addElement(doc, 'portGroup', { x: i, y: 0 }).doc;
  doc = addElement(doc, 'router', { x: 0, y: 1 }).doc;
  doc = addLink(doc, {
    kind: 'nic',
    from: 'router-1',
    to: 'pg-1',
    role: 'routed',
    address: null,
    addressMode: 'static',
    gateway: null,
  }).doc;
  return doc;
}

function replicate(a: Doc, b: Doc) {
  const replica = new DocumentReplica();
  replica.load(a);
  const delta = diffDocuments(a, b);
  if (delta) replica.apply(delta);
  return { delta, doc: replica.document };
}

describe('worker delta protocol', () => {
  it('sends only what changed', () => {
    const a = base();
    const b = setProp(a, 'pg-3', ['vlan'], 48);
    const { delta, doc } = replicate(a, b);
    expect(delta?.upsertElements?.map((e) => e.id)).toEqual(['pg-3']);
    expect(delta?.affectsValidation).toBe(true);
    expect(doc).toEqual(b);
    expect(diffDocuments(b, b)).toBeNull();
  });

  it('marks moves as not affecting validation', () => {
    const a = base();
    const { delta, doc } = replicate(a, moveElements(a, new Map([['pg-2', { x: 99, y: 99 }]])));
    expect(delta?.affectsValidation).toBe(false);
    expect(doc.elements[1]!.position).toEqual({ x: 99, y: 99 });
  });

  it('replays removals, undo re-inserts (order) and link changes exactly', () => {
    const a = base();
    const b = removeElements(a, ['pg-1', 'pg-4']);
    const r1 = replicate(a, b);
    expect(r1.delta?.removeElements).toEqual(['pg-1', 'pg-4']);
    expect(r1.delta?.removeLinks).toEqual(['router-1--pg-1-1']);
    expect(r1.doc).toEqual(b);
    // undo: back to a, the elements come back in their old places
    const r2 = replicate(b, a);
    expect(r2.delta?.order).toBeDefined();
    expect(r2.doc).toEqual(a);
  });

  it('meta changes', () => {
    const a = base();
    const { delta, doc } = replicate(a, { ...a, name: 'renamed' });
    expect(delta?.meta?.name).toBe('renamed');
    expect(doc).toEqual({ ...a, name: 'renamed' });
  });
});
