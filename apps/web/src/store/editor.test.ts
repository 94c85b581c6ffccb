import { beforeEach, describe, expect, it } from 'vitest';
import { addElement, emptyDocument, getElement, setProp } from '../document/edits.ts';
import { editor, history } from './editor.ts';

beforeEach(() => editor().load(emptyDocument()));

describe('editor store history', () => {
  it('every edit is one undo step; undo/redo restore exactly', () => {
    editor().edit((d) => addElement(d, 'portGroup', { x: 0, y: 0 }).doc);
    const afterAdd = editor().doc;
    editor().edit((d) => setProp(d, 'pg-1', ['vlan'], 32));
    const afterVlan = editor().doc;
    expect(history().pastStates).toHaveLength(2);
    editor().undo();
    expect(editor().doc).toBe(afterAdd);
    editor().undo();
    expect(editor().doc.elements).toHaveLength(0);
    editor().redo();
    editor().redo();
    expect(editor().doc).toBe(afterVlan);
  });

  it('a drag is one step, and selection/measuring never enter history', () => {
    editor().edit((d) => addElement(d, 'portGroup', { x: 0, y: 0 }).doc);
    const before = editor().doc;
    editor().onNodesChange([{ type: 'select', id: 'pg-1', selected: true }]);
    editor().onNodesChange([{ type: 'dimensions', id: 'pg-1', dimensions: { width: 180, height: 60 } }]);
    for (let i = 1; i <= 10; i++) editor().onNodesChange([{ type: 'position', id: 'pg-1', position: { x: i * 10, y: i }, dragging: true }]);
    editor().commitTransaction();
    expect(getElement(editor().doc, 'pg-1')?.position).toEqual({ x: 100, y: 10 });
    expect(history().pastStates).toHaveLength(2);
    expect(editor().selectedNodes.has('pg-1')).toBe(true);
    editor().undo();
    expect(editor().doc).toBe(before);
  });

  it('load starts a fresh history; read-only refuses edits', () => {
    editor().edit((d) => addElement(d, 'portGroup', { x: 0, y: 0 }).doc);
    editor().load(emptyDocument('shared'), { readOnly: true });
    expect(history().pastStates).toHaveLength(0);
    expect(editor().edit((d) => addElement(d, 'portGroup', { x: 0, y: 0 }).doc)).toBe(false);
    expect(editor().doc.elements).toHaveLength(0);
  });

  it('replace is one undo step: Ctrl+Z brings the replaced design back exactly', () => {
    editor().edit((d) => addElement(d, 'portGroup', { x: 0, y: 0 }).doc);
    const mine = editor().doc;
    editor().select(['pg-1']);
    editor().replace(emptyDocument('template'));
    expect(editor().doc.name).toBe('template');
    expect(editor().selectedNodes.size).toBe(0);
    expect(history().pastStates).toHaveLength(2);
    editor().undo();
    expect(editor().doc).toBe(mine);
    editor().redo();
    expect(editor().doc.name).toBe('template');
  });
});
