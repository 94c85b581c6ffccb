/**
 * Undo history through the autosave: encoded as deltas, written as IndexedDB/localStorage would
 * (a JSON round trip), read back through restore() into the store; undo and redo then give back
 * exactly the documents of before the reload.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import type { TopologyDocument } from '@viplane/model';
import { addElement, moveElements, removeElements, setProp, updateLink } from '../document/edits.ts';
import { editor, history } from '../store/editor.ts';
import { decodeHistory, encodeHistory, MIN_STEPS, persistedSteps, type PersistedHistory } from './history.ts';

const seed = () => templates.find((t) => t.id === 'seed000-3net-alb')!.build();
const stored = (h: PersistedHistory): unknown => JSON.parse(JSON.stringify(h));
const docs = (states: { doc?: TopologyDocument }[]) => states.map((s) => s.doc!);

/** What a reload does: encode the store's history, lose everything, read it back. */
function reload() {
  const current = editor().doc;
  const h = encodeHistory(current, docs(history().pastStates), docs(history().futureStates));
  const text: unknown = JSON.parse(JSON.stringify({ doc: current, history: h }));
  const { doc, history: saved } = text as { doc: TopologyDocument; history: unknown };
  editor().load(doc);
  const back = decodeHistory(doc, saved);
  editor().restoreHistory(back.undo, back.redo);
}

beforeEach(() => editor().load(seed()));

describe('undo history in the autosave', () => {
  it('survives a reload: undo and redo give back exactly the same documents', () => {
    const states: TopologyDocument[] = [editor().doc];
    const edits: ((d: TopologyDocument) => TopologyDocument)[] = [
      (d) => setProp(d, 'dp-data-52', ['subnet'], '192.168.52.0/23'),
      (d) => addElement(d, 'portGroup', { x: 10, y: 20 }).doc,
      (d) => removeElements(d, ['dp-mgmt-32']), // removes its links too
      (d) => moveElements(d, new Map([['clients', { x: 500, y: 500 }]])),
      (d) => updateLink(d, 'se-group-default--dp-data-48', { address: '192.168.48.11', addressMode: 'static' }),
    ];
    for (const fn of edits) {
      editor().edit(fn);
      states.push(editor().doc);
    }
    editor().undo();
    editor().undo();
    // Now: 3 undo steps, 2 redo steps, the current document is states[3].
    reload();
    expect(history().pastStates).toHaveLength(3);
    expect(history().futureStates).toHaveLength(2);
    expect(editor().doc).toEqual(states[3]);
    for (let i = 2; i >= 0; i--) {
      editor().undo();
      expect(editor().doc).toEqual(states[i]);
    }
    for (let i = 1; i <= 5; i++) {
      editor().redo();
      expect(editor().doc).toEqual(states[i]);
    }
  });

  it('an open transaction (typing in a field) counts as a step', () => {
    const before = editor().doc;
    editor().beginTransaction('typing');
    editor().edit((d) => setProp(d, 'dp-data-48', ['vlan'], 4));
    editor().edit((d) => setProp(d, 'dp-data-48', ['vlan'], 48));
    const h = encodeHistory(editor().doc, [...docs(history().pastStates), editor().transaction!.before], []);
    const back = decodeHistory(editor().doc, stored(h));
    expect(back.undo).toEqual([before]);
    editor().commitTransaction();
  });

  it('stores edits, not copies: 60 one-field edits of a large design weigh less than the design', () => {
    let doc = seed();
    for (let i = 0; i < 400; i++) doc = addElement(doc, 'portGroup', { x: i * 10, y: 0 }).doc;
    editor().load(doc);
    for (let i = 0; i < 60; i++) editor().edit((d) => setProp(d, `pg-${(i % 400) + 1}`, ['vlan'], i + 2));
    const h = encodeHistory(editor().doc, docs(history().pastStates), []);
    expect(h.undo).toHaveLength(60);
    expect(JSON.stringify(h).length).toBeLessThan(JSON.stringify(editor().doc).length);
    // Rebuilt steps share what did not change.
    const back = decodeHistory(editor().doc, stored(h));
    expect(back.undo[0]!.elements[5]).toBe(back.undo[1]!.elements[5]);
  });

  it('keeps fewer steps of a very large design (each is restore()d when read back)', () => {
    let doc = seed();
    const elements = [...doc.elements];
    const client = elements.find((e) => e.id === 'clients')!; // no nested ids to duplicate
    for (let i = 0; i < 20_000; i++)
      elements.push({ ...client, id: `extra-${i}`, name: `extra-${i}`, position: { x: i, y: 0 } } as (typeof elements)[number]);
    doc = { ...doc, elements };
    editor().load(doc);
    for (let i = 0; i < 50; i++) editor().edit((d) => setProp(d, 'dp-data-52', ['vlan'], 100 + i));
    const h = encodeHistory(editor().doc, docs(history().pastStates), []);
    expect(h.undo).toHaveLength(persistedSteps(editor().doc));
    expect(h.undo.length).toBeLessThan(50);
    expect(h.undo.length).toBeGreaterThanOrEqual(MIN_STEPS);
    // The steps kept are the latest ones.
    const back = decodeHistory(editor().doc, stored(h));
    expect(back.undo.at(-1)).toEqual(docs(history().pastStates).at(-1));
  });

  it('keeps the steps up to the first one restore() refuses, and ignores what is not a history', () => {
    editor().edit((d) => setProp(d, 'dp-data-52', ['vlan'], 53));
    editor().edit((d) => setProp(d, 'dp-data-52', ['vlan'], 54));
    editor().edit((d) => setProp(d, 'dp-data-52', ['vlan'], 55));
    const h = stored(encodeHistory(editor().doc, docs(history().pastStates), [])) as PersistedHistory;
    const good = decodeHistory(editor().doc, h).undo;
    expect(good).toHaveLength(3);
    // The second step back names an element kind that does not exist.
    const bad = structuredClone(h);
    bad.undo[1]!.upsertElements = [{ ...bad.undo[1]!.upsertElements![0]!, kind: 'teleporter' } as never];
    const kept = decodeHistory(editor().doc, bad).undo;
    expect(kept).toEqual([good[2]]);
    expect(decodeHistory(editor().doc, { format: 99, undo: [], redo: [] })).toEqual({ undo: [], redo: [] });
    expect(decodeHistory(editor().doc, 'nonsense')).toEqual({ undo: [], redo: [] });
    expect(decodeHistory(editor().doc, undefined)).toEqual({ undo: [], redo: [] });
  });
});
