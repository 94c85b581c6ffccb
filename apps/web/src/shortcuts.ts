/** Keyboard shortcuts: one table for the handler and the help sheet. */
import { editor } from './store/editor.ts';
import { copy, duplicate, pasteClipboard, requestDelete, selectAll } from './store/actions.ts';
import { clearHighlight, openDialog, setTheme, useUi } from './store/ui.ts';
import { canvasApi } from './store/canvasApi.ts';
import { autoLayout } from './layout/autoLayout.ts';
import { saveToServer } from './persistence/serverSync.ts';
import { pickFile, saveFile } from './persistence/files.ts';
import { cyclePane } from './panes.ts';
import { commentAtCentre } from './comments/pointComments.ts';

interface Shortcut {
  keys: string;
  label: string;
  match(e: KeyboardEvent): boolean;
  run(): void;
  /** Also while typing in a field (pane keys must get the user out of a field). */
  inFields?: boolean;
}

/**
 * Keys handled where they act, listed here for the help sheet only: the palette list, the
 * canvas (flow/useArrowNavigation.ts, React Flow's node keys) and the skip links.
 */
export const LOCAL_KEYS: { keys: string; label: string }[] = [
  { keys: 'Tab', label: 'Skip links, top bar, palette, canvas, inspector — in that order' },
  { keys: '↑ ↓ (palette)', label: 'Move between element kinds; Enter adds the kind at the centre of the view' },
  { keys: '← → ↑ ↓ (canvas)', label: 'Select the neighbouring element' },
  { keys: 'Shift ← → ↑ ↓ (canvas)', label: 'Move the selected elements' },
  { keys: 'Enter (canvas)', label: 'Select the focused element or connection' },
  {
    keys: 'Tab, Enter (canvas)',
    label: 'Tab from the selected element to its handles; Enter on a handle starts a connection, Enter on another element ends it',
  },
];

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const key = (e: KeyboardEvent, k: string) => e.key.toLowerCase() === k;
const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Ctrl Z', label: 'Undo', match: (e) => mod(e) && !e.shiftKey && key(e, 'z'), run: () => editor().undo() },
  { keys: 'Ctrl Shift Z', label: 'Redo', match: (e) => mod(e) && ((e.shiftKey && key(e, 'z')) || key(e, 'y')), run: () => editor().redo() },
  {
    keys: 'Delete',
    label: 'Delete selection (asks first)',
    match: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace'),
    run: requestDelete,
  },
  { keys: 'Ctrl C', label: 'Copy', match: (e) => mod(e) && key(e, 'c'), run: () => void copy() },
  { keys: 'Ctrl V', label: 'Paste', match: (e) => mod(e) && key(e, 'v'), run: pasteClipboard },
  { keys: 'Ctrl D', label: 'Duplicate', match: (e) => mod(e) && key(e, 'd'), run: duplicate },
  { keys: 'Ctrl A', label: 'Select all', match: (e) => mod(e) && key(e, 'a'), run: selectAll },
  {
    keys: 'Escape',
    label: 'Clear selection and highlight',
    match: (e) => e.key === 'Escape',
    run: () => (editor().clearSelection(), clearHighlight(), useUi.setState({ chooser: null, keyConnect: null })),
  },
  { keys: 'F', label: 'Zoom to fit', match: (e) => plain(e) && key(e, 'f'), run: () => canvasApi.current?.fitAll() },
  { keys: '+', label: 'Zoom in', match: (e) => plain(e) && (e.key === '+' || e.key === '='), run: () => canvasApi.current?.zoomIn() },
  { keys: '-', label: 'Zoom out', match: (e) => plain(e) && e.key === '-', run: () => canvasApi.current?.zoomOut() },
  { keys: 'Shift L', label: 'Auto-layout', match: (e) => !mod(e) && e.shiftKey && key(e, 'l'), run: () => void autoLayout() },
  {
    keys: 'G',
    label: 'Snap to grid on/off',
    match: (e) => plain(e) && !e.shiftKey && key(e, 'g'),
    run: () => useUi.setState((s) => ({ snapToGrid: !s.snapToGrid })),
  },
  {
    keys: 'M',
    label: 'Minimap on/off',
    match: (e) => plain(e) && !e.shiftKey && key(e, 'm'),
    run: () => useUi.setState((s) => ({ showMinimap: !s.showMinimap })),
  },
  {
    keys: 'C',
    label: 'Comment at the centre of the view (comment and edit links)',
    match: (e) => plain(e) && !e.shiftKey && key(e, 'c'),
    run: commentAtCentre,
  },
  {
    keys: 'P',
    label: 'Problems',
    match: (e) => plain(e) && !e.shiftKey && key(e, 'p'),
    run: () => useUi.setState({ rightTab: 'problems' }),
  },
  {
    keys: 'I',
    label: 'Inspector',
    match: (e) => plain(e) && !e.shiftKey && key(e, 'i'),
    run: () => useUi.setState({ rightTab: 'inspect' }),
  },
  {
    keys: 'T',
    label: 'Path tracer',
    match: (e) => plain(e) && !e.shiftKey && key(e, 't'),
    run: () => useUi.setState({ rightTab: 'trace' }),
  },
  {
    keys: 'Shift D',
    label: 'Light / dark theme',
    match: (e) => !mod(e) && e.shiftKey && key(e, 'd'),
    run: () => setTheme(useUi.getState().theme === 'dark' ? 'light' : 'dark'),
  },
  { keys: 'Ctrl S', label: 'Save to the server', match: (e) => mod(e) && !e.shiftKey && key(e, 's'), run: () => void saveToServer() },
  { keys: 'Ctrl Shift S', label: 'Save as a file', match: (e) => mod(e) && e.shiftKey && key(e, 's'), run: () => saveFile(editor().doc) },
  { keys: 'Ctrl O', label: 'Open a file', match: (e) => mod(e) && key(e, 'o'), run: pickFile },
  {
    keys: 'Ctrl F',
    label: 'Find by name, id, kind, address or CIDR',
    // Replaces the browser's own find from anywhere (an inspector field included), except inside Find itself.
    match: (e) => mod(e) && !e.shiftKey && key(e, 'f') && useUi.getState().dialog?.type !== 'find',
    run: () => openDialog({ type: 'find' }),
    inFields: true,
  },
  {
    keys: 'F6',
    label: 'Next pane: palette, canvas, inspector',
    match: (e) => e.key === 'F6' && !e.shiftKey,
    run: () => cyclePane(1),
    inFields: true,
  },
  { keys: 'Shift F6', label: 'Previous pane', match: (e) => e.key === 'F6' && e.shiftKey, run: () => cyclePane(-1), inFields: true },
  { keys: '?', label: 'This help', match: (e) => e.key === '?', run: () => openDialog({ type: 'shortcuts' }) },
];

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    if (useUi.getState().dialog && e.key !== '?') return;
    const s = SHORTCUTS.find((x) => x.match(e));
    if (!s || (typingIn(e.target) && !s.inFields)) return;
    e.preventDefault();
    s.run();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
