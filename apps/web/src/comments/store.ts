/** Comments UI state that is not server data: the canvas markers (derived), the open thread, the filter, a pending new thread. */
import { create } from 'zustand';
import type { CommentTarget } from '../persistence/api.ts';
import type { Marker, PointMarker, ThreadFilter } from './threads.ts';

export interface CommentUiState {
  /** Per canvas id (element id or `link:<id>`), from the latest thread list. */
  markers: ReadonlyMap<string, Marker>;
  /** Threads pinned to points of the canvas, one marker per point. */
  points: readonly PointMarker[];
  /** The canvas context menu ("Comment here"): where it shows (canvas pixels) and the flow point it pins to. */
  menu: { left: number; top: number; at: { x: number; y: number } } | null;
  filter: ThreadFilter;
  /** The thread shown expanded in the panel. */
  openThreadId: string | null;
  /** A new thread being written, on this target. */
  draft: CommentTarget | null;
}

export const useCommentUi = create<CommentUiState>()(() => ({
  markers: new Map(),
  points: [],
  menu: null,
  filter: 'open',
  openThreadId: null,
  draft: null,
}));

export const useMarker = (canvasId: string) => useCommentUi((s) => s.markers.get(canvasId));
