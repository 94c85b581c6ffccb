/**
 * The editor store: the TopologyDocument plus the canvas state that is not document
 * (selection, measured sizes, read-only). zustand slices; zundo keeps the history of the
 * document only (`partialize`), so selection, dragging and measuring never enter undo.
 *
 * History rules (design.md invariants):
 * - every `edit()` is one undo step;
 * - a transaction (a drag, typing in one field) is one undo step: zundo is paused while it
 *   is open and the state before it is pushed once at commit;
 * - loading a document (file, template, server, autosave) starts a fresh history.
 */
import { useRef } from 'react';
import { create } from 'zustand';
import { temporal } from 'zundo';
import type { NodeChange, EdgeChange, XYPosition } from '@xyflow/react';
import type { TopologyDocument } from '@viplane/model';
import { emptyDocument, moveElements, type Doc } from '../document/edits.ts';
import type { Measured } from '../flow/mapping.ts';

export const HISTORY_LIMIT = 200;

interface DocumentSlice {
  doc: Doc;
  /** Open transaction: the document before it (pushed to history at commit). */
  transaction: { before: Doc; label: string } | null;
  readOnly: boolean;
  /** Applies one user edit; a no-op in read-only mode or when nothing changed. */
  edit(fn: (doc: Doc) => Doc): boolean;
  beginTransaction(label: string): void;
  commitTransaction(): void;
  /** Replaces the document (load): a fresh history. */
  load(doc: Doc, options?: { readOnly?: boolean }): void;
  /**
   * Replaces the document as one undo step (a template, file, import or version over the open
   * design): Ctrl+Z brings the old design back. In read-only mode it is a load.
   */
  replace(doc: Doc): void;
  /** Puts back a saved history around the loaded document (the autosave's, after restore()). */
  restoreHistory(undo: readonly Doc[], redo: readonly Doc[]): void;
  undo(): void;
  redo(): void;
  /**
   * Puts a document from a live session's other participants in place: not an edit of ours, so it
   * never enters the undo history (zundo is paused while live) and works in read-only mode too.
   */
  applyRemote(doc: Doc): void;
  setReadOnly(readOnly: boolean): void;
}

/** While a live session runs, undo and redo are its own (per user: only our changes). */
let undoRedo: { undo(): void; redo(): void } | null = null;
export function setUndoRedo(override: { undo(): void; redo(): void } | null): void {
  undoRedo = override;
}

interface SelectionSlice {
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  select(nodes: Iterable<string>, edges?: Iterable<string>): void;
  clearSelection(): void;
}

interface CanvasSlice {
  measured: ReadonlyMap<string, Measured>;
  /** React Flow's node changes: positions go to the document, the rest stays UI state. */
  onNodesChange(changes: NodeChange[]): void;
  onEdgesChange(changes: EdgeChange[]): void;
}

export type EditorState = DocumentSlice & SelectionSlice & CanvasSlice;

type SetState = (partial: Partial<EditorState> | ((s: EditorState) => Partial<EditorState>)) => void;
type Get = () => EditorState;

const EMPTY: ReadonlySet<string> = new Set();

function documentSlice(set: SetState, get: Get): DocumentSlice {
  return {
    doc: emptyDocument(),
    transaction: null,
    readOnly: false,
    edit(fn) {
      const { doc, readOnly } = get();
      if (readOnly) return false;
      const next = fn(doc);
      if (next === doc) return false;
      set({ doc: next });
      return true;
    },
    beginTransaction(label) {
      if (get().transaction || get().readOnly) return;
      set({ transaction: { before: get().doc, label } });
      useEditor.temporal.getState().pause();
    },
    commitTransaction() {
      const tx = get().transaction;
      if (!tx) return;
      set({ transaction: null });
      const temporalStore = useEditor.temporal;
      if (get().doc !== tx.before) {
        const { pastStates } = temporalStore.getState();
        const trimmed = pastStates.length >= HISTORY_LIMIT ? pastStates.slice(1) : pastStates;
        temporalStore.setState({ pastStates: [...trimmed, { doc: tx.before }], futureStates: [] });
      }
      temporalStore.getState().resume();
    },
    load(doc, options = {}) {
      const temporalStore = useEditor.temporal.getState();
      temporalStore.pause();
      set({
        doc,
        transaction: null,
        readOnly: options.readOnly ?? false,
        selectedNodes: EMPTY,
        selectedEdges: EMPTY,
        measured: new Map(),
      });
      temporalStore.clear();
      temporalStore.resume();
    },
    replace(doc) {
      if (get().readOnly) {
        get().load(doc);
        return;
      }
      get().commitTransaction();
      // A plain set: zundo records the design before it as one step.
      set({ doc, selectedNodes: EMPTY, selectedEdges: EMPTY, measured: new Map() });
    },
    applyRemote(doc) {
      if (doc === get().doc) return;
      set({ doc });
      pruneSelection(set, get);
    },
    setReadOnly(readOnly) {
      get().commitTransaction();
      set({ readOnly });
    },
    restoreHistory(undo, redo) {
      if (get().readOnly) return;
      const keep = (docs: readonly Doc[]) => docs.slice(Math.max(0, docs.length - HISTORY_LIMIT)).map((doc) => ({ doc }));
      useEditor.temporal.setState({ pastStates: keep(undo), futureStates: keep(redo) });
    },
    undo() {
      get().commitTransaction();
      if (get().readOnly) return;
      if (undoRedo) {
        undoRedo.undo();
        pruneSelection(set, get);
        return;
      }
      useEditor.temporal.getState().undo();
      pruneSelection(set, get);
    },
    redo() {
      get().commitTransaction();
      if (get().readOnly) return;
      if (undoRedo) {
        undoRedo.redo();
        pruneSelection(set, get);
        return;
      }
      useEditor.temporal.getState().redo();
      pruneSelection(set, get);
    },
  };
}

function pruneSelection(set: SetState, get: Get) {
  const { doc, selectedNodes } = get();
  if (selectedNodes.size === 0) return;
  const ids = new Set(doc.elements.map((e) => e.id));
  const kept = [...selectedNodes].filter((id) => ids.has(id));
  if (kept.length !== selectedNodes.size) set({ selectedNodes: new Set(kept) });
}

function selectionSlice(set: SetState): SelectionSlice {
  return {
    selectedNodes: EMPTY,
    selectedEdges: EMPTY,
    select(nodes, edges = []) {
      set({ selectedNodes: new Set(nodes), selectedEdges: new Set(edges) });
    },
    clearSelection() {
      set({ selectedNodes: EMPTY, selectedEdges: EMPTY });
    },
  };
}

function canvasSlice(set: SetState, get: Get): CanvasSlice {
  return {
    measured: new Map(),
    onNodesChange(changes) {
      let moves: Map<string, XYPosition> | undefined;
      let measured: Map<string, Measured> | undefined;
      let selected: Set<string> | undefined;
      for (const c of changes) {
        if (c.type === 'position' && c.position) {
          (moves ??= new Map()).set(c.id, c.position);
          if (c.dragging && !get().transaction) get().beginTransaction('move');
        } else if (c.type === 'dimensions' && c.dimensions) {
          const prior = (measured ?? get().measured).get(c.id);
          if (!prior || prior.width !== c.dimensions.width || prior.height !== c.dimensions.height) {
            measured ??= new Map(get().measured);
            measured.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
          }
        } else if (c.type === 'select') {
          selected ??= new Set(get().selectedNodes);
          if (c.selected) selected.add(c.id);
          else selected.delete(c.id);
        }
      }
      if (measured) set({ measured });
      if (selected) set({ selectedNodes: selected });
      if (moves && !get().readOnly) get().edit((doc) => moveElements(doc, moves));
    },
    onEdgesChange(changes) {
      let selected: Set<string> | undefined;
      for (const c of changes) {
        if (c.type === 'select') {
          selected ??= new Set(get().selectedEdges);
          if (c.selected) selected.add(c.id);
          else selected.delete(c.id);
        }
      }
      if (selected) set({ selectedEdges: selected });
    },
  };
}

export const useEditor = create<EditorState>()(
  temporal(
    (set, get) => ({
      ...documentSlice(set as SetState, get),
      ...selectionSlice(set as SetState),
      ...canvasSlice(set as SetState, get),
    }),
    {
      partialize: (state) => ({ doc: state.doc }),
      equality: (a, b) => a.doc === b.doc,
      limit: HISTORY_LIMIT,
    },
  ),
);

/** Shorthand for actions outside React. */
export const editor = () => useEditor.getState();
export const history = () => useEditor.temporal.getState();

export type { TopologyDocument };

/**
 * Like `useEditor(selector)`, but keeps the previous result while `equal` says nothing
 * changed (zustand 5 dropped the equality argument of bound hooks).
 */
export function useEditorStable<T>(selector: (s: EditorState) => T, equal: (a: T, b: T) => boolean): T {
  const prior = useRef<{ value: T } | null>(null);
  return useEditor((s) => {
    const next = selector(s);
    if (prior.current && equal(prior.current.value, next)) return prior.current.value;
    prior.current = { value: next };
    return next;
  });
}
