/**
 * The editor's side of a live session with a real Y.Doc and Y.UndoManager (as live/session.ts wires
 * them): local edits go to the Y.Doc, a remote change comes back without entering the undo history,
 * and undo takes back only our own edit, not the other participant's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSharedDocument, readDocument, shared, writeChanges, writeDocument } from '@viplane/sync';
import { templates } from '@viplane/templates';
import { editor, history, setUndoRedo, useEditor } from './editor.ts';

afterEach(() => setUndoRedo(null));

describe('editor in a live session', () => {
  it('undoes only our own edit; a remote edit stays and never enters history', () => {
    const start = templates.find((t) => t.id === 'seed000-3net-alb')!.build();
    editor().load(start);
    const ydoc = createSharedDocument(start);
    const s = shared(ydoc);
    const undo = new Y.UndoManager([s.meta, s.elements, s.links, s.order, s.linkOrder], { trackedOrigins: new Set(['local']) });
    const apply = () => {
      const read = readDocument(ydoc);
      if (read.ok) editor().applyRemote(read.document);
    };
    ydoc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== 'local') apply();
    });
    let applying = false;
    useEditor.subscribe((state, prev) => {
      if (state.doc !== prev.doc && !applying) writeChanges(ydoc, prev.doc, state.doc, 'local');
    });
    const applyRemote = editor().applyRemote;
    useEditor.setState({
      applyRemote: (doc) => {
        applying = true;
        applyRemote(doc);
        applying = false;
      },
    });
    setUndoRedo({ undo: () => undo.undo(), redo: () => undo.redo() });
    history().clear();

    const [first, second] = [start.elements[0]!.id, start.elements[1]!.id];
    editor().edit((d) => ({ ...d, elements: d.elements.map((e) => (e.id === first ? { ...e, name: 'mine' } : e)) }));
    // Someone else renames the second element.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    const theirs = readDocument(other);
    if (!theirs.ok) throw new Error('unreadable');
    writeDocument(other, {
      ...theirs.document,
      elements: theirs.document.elements.map((e) => (e.id === second ? { ...e, name: 'theirs' } : e)),
    });
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ydoc)), 'remote');
    expect(editor().doc.elements[1]!.name).toBe('theirs');

    editor().undo();
    expect(editor().doc.elements[0]!.name).toBe(start.elements[0]!.name);
    expect(editor().doc.elements[1]!.name).toBe('theirs');
    editor().redo();
    expect(editor().doc.elements[0]!.name).toBe('mine');
  });
});
