import { beforeEach, describe, expect, it } from 'vitest';
import { addElement, emptyDocument } from '../document/edits.ts';
import { editor, history } from './editor.ts';
import { useSession } from './session.ts';
import { useUi } from './ui.ts';
import { markSavedToFile, replaceDocument, unsavedWork } from './actions.ts';

beforeEach(() => {
  editor().load(emptyDocument());
  useSession.setState({ server: null, dirty: false });
  useUi.setState({ dialog: null });
});

function withElements(n: number) {
  for (let i = 0; i < n; i++) editor().edit((d) => addElement(d, 'portGroup', { x: i * 10, y: 0 }).doc);
}

describe('replacing the open design', () => {
  it('names what would be lost: elements saved nowhere, or edits the server has not seen', () => {
    expect(unsavedWork()).toBeUndefined(); // empty
    withElements(3);
    expect(unsavedWork()).toBe('3 elements not saved anywhere');
    useSession.setState({ server: { id: 'd', version: 2, editToken: 't', viewToken: null }, dirty: false });
    expect(unsavedWork()).toBeUndefined();
    useSession.setState({ dirty: true });
    expect(unsavedWork()).toBe('3 elements with edits not saved to the server');
    useSession.setState({ server: null });
    markSavedToFile(editor().doc);
    expect(unsavedWork()).toBeUndefined();
  });

  it('asks before replacing unsaved work, replaces only on confirm, in a new Recent designs slot', () => {
    withElements(2);
    const mine = editor().doc;
    const slot = useSession.getState().localId;
    expect(replaceDocument(emptyDocument('other'), 'The template “x”')).toBe(true);
    const dialog = useUi.getState().dialog;
    expect(dialog).toMatchObject({ type: 'confirm-replace', lost: '2 elements not saved anywhere' });
    expect(editor().doc).toBe(mine);
    if (dialog?.type !== 'confirm-replace') throw new Error('no question');
    dialog.confirm();
    expect(editor().doc.name).toBe('other');
    expect(useSession.getState().localId).not.toBe(slot);
    editor().undo();
    expect(editor().doc).toBe(mine);
  });

  it('refuses a document restore() rejects, naming the path, and changes nothing', () => {
    withElements(1);
    const mine = editor().doc;
    expect(replaceDocument({ ...emptyDocument('bad'), environment: 'staging' }, 'bad.json')).toBe(false);
    expect(useUi.getState().dialog).toMatchObject({ type: 'load-errors', errors: [expect.objectContaining({ path: '/environment' })] });
    expect(editor().doc).toBe(mine);
  });

  it('over an empty canvas with no history, opening starts a fresh history (nothing to bring back)', () => {
    replaceDocument(emptyDocument('first'), 'a file');
    expect(useUi.getState().dialog).toBeNull();
    expect(editor().doc.name).toBe('first');
    expect(history().pastStates).toHaveLength(0);
  });
});
