/**
 * AcceptedState on its own: a participant's update is taken only if the document after it restores,
 * and a document that is invalid already (two replicas' concurrent additions) still takes edits that
 * add no new error, including the one that fixes it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSharedDocument, readDocument, shared } from '@viplane/sync';
import { AcceptedState, onlyMoves } from '../src/live/acceptedState.ts';
import { smallDesign } from './fixtures.ts';

/** A peer's Y.Doc starting from `state`, and the updates its edits make. */
function peer(state: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const edit = (change: (s: ReturnType<typeof shared>) => void): Uint8Array => {
    let out: Uint8Array | undefined;
    const take = (u: Uint8Array) => (out = u);
    doc.on('update', take);
    doc.transact(() => change(shared(doc)));
    doc.off('update', take);
    if (!out) throw new Error('no update');
    return out;
  };
  return { doc, edit };
}

function setup() {
  const design = smallDesign();
  const room = createSharedDocument(design);
  const accepted = new AcceptedState(room);
  accepted.rebuild();
  const take = (update: Uint8Array) => {
    const refused = accepted.tryUpdate(update);
    if (!refused) {
      Y.applyUpdate(room, update);
      accepted.settle(update, true);
    }
    return refused;
  };
  const seGroupId = design.elements.find((e) => e.kind === 'seGroup')!.id;
  const index = design.elements.findIndex((e) => e.id === seGroupId);
  const labels = (s: ReturnType<typeof shared>) => {
    const props = s.elements.get(seGroupId)!.get('props') as Y.Map<unknown>;
    if (!(props.get('labels') instanceof Y.Array)) props.set('labels', new Y.Array());
    return props.get('labels') as Y.Array<Y.Map<unknown>>;
  };
  const label = (value: string) => {
    const m = new Y.Map<unknown>();
    m.set('key', 'k');
    m.set('value', value);
    return m;
  };
  return { room, accepted, take, labels, label, index };
}

describe('AcceptedState', () => {
  it('takes an update after which the document restores, and refuses one after which it does not, naming path and value', () => {
    const { room, take } = setup();
    const a = peer(Y.encodeStateAsUpdate(room));
    const id = [...shared(a.doc).elements.keys()][0]!;
    expect(take(a.edit((s) => s.elements.get(id)!.set('name', 'renamed')))).toBeUndefined();
    const pg = readDocument(room);
    if (!pg.ok) throw new Error('unreadable');
    const pgIndex = pg.document.elements.findIndex((e) => e.kind === 'portGroup');
    const pgId = pg.document.elements[pgIndex]!.id;
    const refused = take(a.edit((s) => (s.elements.get(pgId)!.get('props') as Y.Map<unknown>).set('vlan', 'ten')));
    expect(refused).toContainEqual({ path: `/elements/${pgIndex}/props/vlan`, message: expect.any(String), value: 'ten' });
    expect(readDocument(room).ok).toBe(true);
  });

  it('checks two concurrent additions one after the other: the second past the limit is refused', () => {
    const { room, take, labels, label, index } = setup();
    const a = peer(Y.encodeStateAsUpdate(room));
    expect(take(a.edit((s) => labels(s).push(Array.from({ length: 31 }, (_, i) => label(`v${i}`)))))).toBeUndefined();
    const b = peer(Y.encodeStateAsUpdate(room));
    const fromA = a.edit((s) => labels(s).push([label('from-a')]));
    const fromB = b.edit((s) => labels(s).push([label('from-b')]));
    expect(take(fromA)).toBeUndefined();
    expect(take(fromB)?.[0]).toMatchObject({ path: `/elements/${index}/props/labels` });
    const read = readDocument(room);
    expect(read.ok && read.document.elements[index]!.props).toMatchObject({
      labels: expect.arrayContaining([{ key: 'k', value: 'from-a' }]),
    });
  });

  it('keeps taking edits on a document already invalid (replicas raced), refuses a new error, takes the fix', () => {
    const { room, accepted, take, labels, label, index } = setup();
    // The list exists before the race (else both would create it, and one list would win whole).
    expect(take(peer(Y.encodeStateAsUpdate(room)).edit((s) => labels(s)))).toBeUndefined();
    const base = Y.encodeStateAsUpdate(room);
    const a = peer(base);
    // Two replicas each took one half of 33 labels: the room hears the second from the bus (follow, unchecked).
    const first = a.edit((s) => labels(s).push(Array.from({ length: 20 }, (_, i) => label(`a${i}`))));
    const b = peer(base);
    const second = b.edit((s) => labels(s).push(Array.from({ length: 13 }, (_, i) => label(`b${i}`))));
    expect(take(first)).toBeUndefined();
    Y.applyUpdate(room, second, 'remote');
    accepted.follow(second);
    expect(readDocument(room).ok).toBe(false);
    Y.applyUpdate(a.doc, second);
    const id = [...shared(a.doc).elements.keys()][0]!;
    // An unrelated edit adds no error: taken.
    expect(take(a.edit((s) => s.elements.get(id)!.set('name', 'still editing')))).toBeUndefined();
    // A new error is refused.
    const pg = [...shared(a.doc).elements.entries()].find(([, m]) => m.get('kind') === 'portGroup')![0];
    expect(take(a.edit((s) => (s.elements.get(pg)!.get('props') as Y.Map<unknown>).set('vlan', 'ten')))).toBeDefined();
    // Removing the extra label fixes it.
    const c = peer(Y.encodeStateAsUpdate(room));
    expect(take(c.edit((s) => labels(s).delete(0, 1)))).toBeUndefined();
    const read = readDocument(room);
    expect(read.ok).toBe(true);
    expect(read.ok && (read.document.elements[index]!.props as { labels: unknown[] }).labels).toHaveLength(32);
  });

  it('skips the whole read only for moves to a well-formed position; anything else is read', () => {
    const { room, take } = setup();
    const a = peer(Y.encodeStateAsUpdate(room));
    const id = [...shared(a.doc).elements.keys()][0]!;
    const changes = (p: ReturnType<typeof peer>, change: (s: ReturnType<typeof shared>) => void) => {
      let changed: Y.Transaction['changed'] | undefined;
      const spy = (tr: Y.Transaction) => (changed = tr.changed);
      p.doc.on('afterTransaction', spy);
      const update = p.edit(change);
      p.doc.off('afterTransaction', spy);
      return { update, moves: onlyMoves(changed!, shared(p.doc).elements as unknown as Y.Map<unknown>) };
    };
    const move = changes(a, (s) => s.elements.get(id)!.set('position', { x: 10, y: 20.5 }));
    expect(move.moves).toBe(true);
    expect(take(move.update)).toBeUndefined();
    const rename = changes(a, (s) => s.elements.get(id)!.set('name', 'x'));
    expect(rename.moves).toBe(false);
    expect(take(rename.update)).toBeUndefined();
    // Not moves, so they are read, and refused.
    const extraKey = changes(peer(Y.encodeStateAsUpdate(room)), (s) => s.elements.get(id)!.set('position', { x: 1, y: 2, z: 3 }));
    expect(extraKey.moves).toBe(false);
    expect(take(extraKey.update)).toBeDefined();
    const text = changes(peer(Y.encodeStateAsUpdate(room)), (s) => s.elements.get(id)!.set('position', { x: '1', y: 2 }));
    expect(text.moves).toBe(false);
    expect(take(text.update)?.[0]).toMatchObject({ path: expect.stringMatching(/^\/elements\/\d+\/position\/x$/), value: '1' });
    const read = readDocument(room);
    expect(read.ok && read.document.elements.find((e) => e.id === id)!.position).toEqual({ x: 10, y: 20.5 });
  });
});
