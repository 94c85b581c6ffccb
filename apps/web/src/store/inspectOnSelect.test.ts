import { afterEach, describe, expect, it } from 'vitest';
import { editor } from './editor.ts';
import { useUi } from './ui.ts';
import { installInspectOnSelect } from './inspectOnSelect.ts';

describe('selecting shows the inspector', () => {
  let uninstall: (() => void) | null = null;
  afterEach(() => {
    uninstall?.();
    editor().clearSelection();
  });

  it('switches the right panel to Inspect on a new selection, not on clearing it', () => {
    uninstall = installInspectOnSelect();
    useUi.setState({ rightTab: 'problems' });
    editor().select(['pg-1']);
    expect(useUi.getState().rightTab).toBe('inspect');
    useUi.setState({ rightTab: 'trace' });
    editor().clearSelection();
    expect(useUi.getState().rightTab).toBe('trace');
    editor().select([], ['link:a--b-1']);
    expect(useUi.getState().rightTab).toBe('inspect');
  });

  it('leaves the panel alone when the same selection is set again', () => {
    editor().select(['pg-1']);
    uninstall = installInspectOnSelect();
    useUi.setState({ rightTab: 'history' });
    editor().select(['pg-1']);
    expect(useUi.getState().rightTab).toBe('history');
  });
});
