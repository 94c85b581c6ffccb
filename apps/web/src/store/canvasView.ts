/**
 * How the open design is looked at: the network view (buses) or the free graph, and the last
 * viewport. Remembered per design slot (session.localId) in this browser's localStorage, never
 * in the document (ARCHITECTURE.md: the document holds meaning and positions only).
 */
import { create } from 'zustand';
import type { Viewport } from '@xyflow/react';
import { useSession } from './session.ts';

export type CanvasView = 'network' | 'graph';

interface CanvasViewState {
  view: CanvasView;
}

const viewKey = (localId: string) => `viplane.view.${localId}`;
const viewportKey = (localId: string) => `viplane.viewport.${localId}`;
const arrangedKey = (localId: string) => `viplane.netlayout.${localId}`;

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
function write(key: string, value: string) {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    /* private mode or full: the view is a convenience */
  }
}

/** The view last chosen in this browser: what a design never looked at opens in. */
const LAST_VIEW = 'viplane.view.last';
const asView = (v: string | null): CanvasView | null => (v === 'graph' || v === 'network' ? v : null);
const storedView = (localId: string): CanvasView => asView(read(viewKey(localId))) ?? asView(read(LAST_VIEW)) ?? 'network';

export const useCanvasView = create<CanvasViewState>()(() => ({ view: storedView(useSession.getState().localId) }));

// Another design slot opened (a recent design, a template as new...): its own view.
useSession.subscribe((s, prev) => {
  if (s.localId !== prev.localId) useCanvasView.setState({ view: storedView(s.localId) });
});

export function setCanvasView(view: CanvasView) {
  useCanvasView.setState({ view });
  write(viewKey(useSession.getState().localId), view);
  write(LAST_VIEW, view);
}

/** The viewport last seen for the open design, if any. */
export function storedViewport(): Viewport | null {
  const raw = read(viewportKey(useSession.getState().localId));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<Viewport>;
    return typeof v.x === 'number' && typeof v.y === 'number' && typeof v.zoom === 'number' && v.zoom > 0
      ? { x: v.x, y: v.y, zoom: v.zoom }
      : null;
  } catch {
    return null;
  }
}

export function rememberViewport(v: Viewport) {
  write(viewportKey(useSession.getState().localId), JSON.stringify({ x: Math.round(v.x), y: Math.round(v.y), zoom: +v.zoom.toFixed(4) }));
}

/**
 * Whether the open design's positions are the network view's (laid out for it, found fine for
 * it, or arranged in it by hand): then the network view never lays it out by itself again
 * (layout/firstOpen.ts). Per design slot, this browser.
 */
export function isNetworkArranged(): boolean {
  return read(arrangedKey(useSession.getState().localId)) === '1';
}
export function markNetworkArranged(arranged: boolean) {
  const key = arrangedKey(useSession.getState().localId);
  if (arranged) write(key, '1');
  else
    try {
      globalThis.localStorage?.removeItem(key);
    } catch {
      /* as write() */
    }
}
