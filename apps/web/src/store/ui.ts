/**
 * UI state that is neither document nor diagnostics: panels, dialogs, toasts, theme, the
 * canvas highlight (problem focus, trace hops) and the connection chooser.
 */
import { create } from 'zustand';
import type { PathTrace } from '@viplane/validator';
import type { ConnectAction } from '../flow/connections.ts';

export type Theme = 'light' | 'dark';
export type RightTab = 'inspect' | 'problems' | 'trace' | 'flows' | 'history' | 'comments';
export type Dialog =
  | { type: 'templates' }
  | { type: 'share' }
  | { type: 'shortcuts' }
  | { type: 'confirm-delete'; elementIds: string[]; linkIds: string[]; refEdges: string[] }
  | { type: 'conflict'; serverVersion: number | null }
  | { type: 'confirm-new' }
  /** Replacing an open design with work not saved anywhere else: `lost` says what, `confirm` replaces. */
  | { type: 'confirm-replace'; source: string; lost: string; confirm: () => void }
  | { type: 'recent' }
  | { type: 'export' }
  | { type: 'import' }
  | { type: 'find' }
  | { type: 'routing'; hostId: string }
  | { type: 'load-errors'; title: string; errors: { path: string; message: string }[] };

export interface Toast {
  id: number;
  tone: 'info' | 'error' | 'success';
  text: string;
}

export interface UiState {
  theme: Theme;
  rightTab: RightTab;
  dialog: Dialog | null;
  toasts: Toast[];
  snapToGrid: boolean;
  showMinimap: boolean;
  /** Canvas ids (element ids, `link:<id>`, `ref:...`) drawn highlighted. */
  highlight: ReadonlySet<string>;
  highlightTone: 'problem' | 'trace';
  /** Trace hop numbers per element id. */
  traceSteps: ReadonlyMap<string, number[]>;
  trace: PathTrace | null;
  /** Several fields accept a connection: the user picks one. */
  chooser: { x: number; y: number; actions: ConnectAction[] } | null;
  /** Live reason why the connection being dragged would be refused. */
  connectHint: string | null;
  /** A connection started from a handle with the keyboard, waiting for Enter on the other element. */
  keyConnect: { source: string; handle: string; label: string } | null;
  /** History panel: how each element differs from the version compared against (drawn in colour). */
  diffMarks: ReadonlyMap<string, DiffMark>;
  /** An auto-layout is running (ELK in its worker can take a while on a large design). */
  layoutBusy: boolean;
}

export type DiffMark = 'added' | 'changed' | 'moved';

export const useUi = create<UiState>()(() => ({
  theme: initialTheme(),
  rightTab: 'inspect',
  dialog: null,
  toasts: [],
  snapToGrid: true,
  showMinimap: true,
  highlight: new Set(),
  highlightTone: 'problem',
  traceSteps: new Map(),
  trace: null,
  chooser: null,
  connectHint: null,
  keyConnect: null,
  diffMarks: new Map(),
  layoutBusy: false,
}));

function initialTheme(): Theme {
  try {
    const saved = globalThis.localStorage?.getItem('viplane.theme');
    if (saved === 'light' || saved === 'dark') return saved;
    return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

let toastSeq = 0;
export function toast(text: string, tone: Toast['tone'] = 'info', ms = 4000) {
  const id = ++toastSeq;
  useUi.setState((s) => ({ toasts: [...s.toasts.slice(-3), { id, tone, text }] }));
  setTimeout(() => useUi.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), ms);
}

export function setTheme(theme: Theme) {
  useUi.setState({ theme });
  try {
    localStorage.setItem('viplane.theme', theme);
  } catch {
    /* private mode */
  }
}

export function openDialog(dialog: Dialog) {
  useUi.setState({ dialog });
}
export function closeDialog() {
  useUi.setState({ dialog: null });
}

export function setHighlight(ids: Iterable<string>, tone: UiState['highlightTone'] = 'problem') {
  useUi.setState({ highlight: new Set(ids), highlightTone: tone });
}
export function clearHighlight() {
  useUi.setState({ highlight: new Set(), traceSteps: new Map(), trace: null });
}

export const useHighlighted = (id: string) => useUi((s) => s.highlight.has(id));
