import { describe, expect, it } from 'vitest';
import { restore } from '@viplane/model';
import {
  addElement,
  addLink,
  copySelection,
  emptyDocument,
  getElement,
  moveElements,
  paste,
  removalImpact,
  removeElements,
  setProp,
  setReference,
} from './edits.ts';

function small() {
  let doc = emptyDocument();
  let r = addElement(doc, 'portGroup', { x: 0, y: 0 }, { name: 'dp-data-48' });
  doc = r.doc;
  const pg = r.id;
  r = addElement(doc, 'seGroup', { x: 300, y: 0 });
  doc = r.doc;
  const se = r.id;
  r = addElement(doc, 'aviController', { x: 600, y: 0 });
  doc = r.doc;
  const ctrl = r.id;
  doc = setReference(doc, se, 'controllerId', ctrl);
  doc = addLink(doc, { kind: 'nic', from: se, to: pg, role: 'data', address: null, addressMode: 'pool', gateway: null }).doc;
  return { doc, pg, se, ctrl };
}

describe('document edits', () => {
  it('adds elements with default props, readable ids and names', () => {
    const { doc, pg, se } = small();
    expect(pg).toBe('pg-1');
    expect(se).toBe('se-group-1');
    expect(getElement(doc, se)?.name).toBe('SE group 1');
    expect(restore(doc).ok).toBe(true);
  });

  it('shares untouched elements (structural sharing)', () => {
    const { doc, pg, se } = small();
    const next = setProp(doc, pg, ['subnet'], '192.168.48.0/22');
    expect(getElement(next, se)).toBe(getElement(doc, se));
    expect(getElement(next, pg)).not.toBe(getElement(doc, pg));
    expect(setProp(next, pg, ['subnet'], '192.168.48.0/22')).toBe(next);
  });

  it('moves keep props identity', () => {
    const { doc, pg } = small();
    const moved = moveElements(doc, new Map([[pg, { x: 10.4, y: 20.6 }]]));
    expect(getElement(moved, pg)?.position).toEqual({ x: 10, y: 21 });
    expect(getElement(moved, pg)?.props).toBe(getElement(doc, pg)?.props);
  });

  it('removing an element takes its links and clears references to it', () => {
    const { doc, pg, se, ctrl } = small();
    const impact = removalImpact(doc, [ctrl, pg]);
    expect(impact.links).toHaveLength(1);
    expect(impact.clearedReferences).toEqual([expect.objectContaining({ elementId: se, path: 'controllerId' })]);
    const next = removeElements(doc, [ctrl, pg]);
    expect(next.links).toHaveLength(0);
    expect(getElement(next, se)?.props).toMatchObject({ controllerId: null });
    expect(restore(next).ok).toBe(true);
  });

  it('paste gives fresh ids, remaps internal references and keeps the document valid', () => {
    const built = small();
    const { pg, se, ctrl } = built;
    const doc = setProp(built.doc, pg, ['ranges'], [{ id: 'r1', purpose: 'se-pool', start: '192.168.48.10', end: '192.168.48.20' }]);
    const clip = copySelection(doc, [pg, se]);
    expect(clip.links).toHaveLength(1);
    const r = paste(doc, clip, { x: 40, y: 40 });
    expect(r.ids).toEqual(['pg-2', 'se-group-2']);
    const copy = getElement(r.doc, 'se-group-2')!;
    expect(copy.props).toMatchObject({ controllerId: ctrl });
    expect(r.doc.links.some((l) => l.from === 'se-group-2' && l.to === 'pg-2')).toBe(true);
    expect(getElement(r.doc, 'pg-2')?.name).toBe('dp-data-48 copy');
    const result = restore(r.doc);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('copy and paste keep interfaces', () => {
  it('a pasted SE group keeps its interfaces on networks that were not copied, without the static address', () => {
    const built = small();
    const { pg, se } = built;
    const doc = addLink(built.doc, {
      kind: 'nic',
      from: se,
      to: pg,
      role: 'management',
      address: '192.168.48.5',
      addressMode: 'static',
      gateway: null,
    }).doc;
    const clip = copySelection(doc, [se]);
    expect(clip.links).toHaveLength(2);
    const r = paste(doc, clip, { x: 40, y: 40 });
    const copied = r.doc.links.filter((l) => l.from === 'se-group-2');
    expect(copied).toEqual([
      expect.objectContaining({ to: pg, role: 'data', addressMode: 'pool', address: null }),
      expect.objectContaining({ to: pg, role: 'management', addressMode: 'static', address: null }),
    ]);
    const result = restore(r.doc);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('an interface on a network pasted with it follows the copy with its address; one on a deleted network is dropped', () => {
    const built = small();
    const { pg, se } = built;
    const doc = addLink(built.doc, {
      kind: 'nic',
      from: se,
      to: pg,
      role: 'management',
      address: '192.168.48.5',
      addressMode: 'static',
      gateway: null,
    }).doc;
    const both = paste(doc, copySelection(doc, [se, pg]), { x: 40, y: 40 });
    expect(both.doc.links.filter((l) => l.from === 'se-group-2')).toEqual([
      expect.objectContaining({ to: 'pg-2', address: null, addressMode: 'pool' }),
      expect.objectContaining({ to: 'pg-2', address: '192.168.48.5', addressMode: 'static' }),
    ]);
    const clip = copySelection(doc, [se]);
    const gone = paste(removeElements(doc, [pg]), clip, { x: 40, y: 40 });
    expect(gone.doc.links).toEqual([]);
  });
});
