/**
 * Auto-layout on the network view's first look at a design (issue 14): a design whose positions
 * were laid out for the free graph, imported or opened by a link would show buses over each
 * other. When the network view shows a design slot for the first time (this browser) and its
 * positions are not the network view's (needsNetworkLayout.ts), busLayout is applied.
 *
 * - It is one undo step ("auto-layout"), as the toolbar's button would be: the user did not ask
 *   for it, so Ctrl+Z must give back the positions the design came with.
 * - Once a slot was looked at in the network view (laid out, or found fine) it is marked and
 *   never laid out by itself again, so an arrangement made by hand in the network view survives
 *   reloads; the graph view's auto-layout, which replaces every position, clears the mark.
 * - Only an editor writes: a read-only viewer sees the same layout computed for display only
 *   (displayElements), and the document stays the one shared with them. The layout uses the
 *   default node sizes, not measured ones, so two peers of a live session who open the design at
 *   once write the same positions (idempotent, no fight); a peer who comes later receives the
 *   laid-out design, which needs nothing. While a live session is still connecting, the check
 *   waits for the session's document.
 */
import type { Element, Link } from '@viplane/model';
import { moveElements, type Doc } from '../document/edits.ts';
import { editor, useEditor } from '../store/editor.ts';
import { isNetworkArranged, markNetworkArranged, useCanvasView } from '../store/canvasView.ts';
import { useSession } from '../store/session.ts';
import { canvasApi } from '../store/canvasApi.ts';
import { useLive } from '../live/store.ts';
import { busLayout } from './busLayout.ts';
import { needsNetworkLayout } from './needsNetworkLayout.ts';

const DEFAULT_SIZES = new Map();

/**
 * Above this many elements the network view does not lay a design out by itself. The bus layout
 * stacks every bus in one column with the elements above and below it, so on a large estate the
 * drops become tens of thousands of pixels long (generated 1,000-element design: 1,200 drops,
 * median 17,800 px): a picture nobody reads at fit, and one Chromium's software rasteriser took
 * ~33 s to paint on open (0.8 s without the layout). Large designs keep their positions; the
 * toolbar's Auto-layout still applies the bus layout on request. The readability target
 * is ~100 elements.
 */
export const FIRST_OPEN_LAYOUT_LIMIT = 300;

/** Whether the network view should lay this design out by itself (first look, not laid out for it, not too large). */
function wantsFirstOpenLayout(elements: readonly Element[], links: readonly Link[]): boolean {
  return elements.length <= FIRST_OPEN_LAYOUT_LIMIT && needsNetworkLayout(elements, links);
}

/** Lays out the open design for the network view if it is its first look and it needs it. */
export function checkFirstOpen(): void {
  if (useCanvasView.getState().view !== 'network') return;
  const { localId } = useSession.getState();
  // Every edit schedules a check: the slot known to be arranged answers without reading storage.
  if (checked === localId) return;
  const { doc, readOnly, transaction } = editor();
  if (readOnly || transaction || doc.elements.length === 0) return;
  // A live session still connecting may bring a document another peer already laid out: wait for it.
  if (useLive.getState().status === 'connecting') return;
  checked = localId;
  if (isNetworkArranged()) return;
  if (wantsFirstOpenLayout(doc.elements, doc.links)) {
    const moves = busLayout(doc, DEFAULT_SIZES);
    editor().edit((current) => moveElements(current, moves));
    setTimeout(() => canvasApi.current?.fitAll(), 80);
  }
  markNetworkArranged(true);
}

/** The slot last found arranged (or laid out) in this page. */
let checked: string | null = null;
/** The graph view's auto-layout replaced every position: the network view may lay the design out again. */
export function forgetNetworkArranged(): void {
  checked = null;
  markNetworkArranged(false);
}

let scheduled = false;
function schedule() {
  if (scheduled) return;
  scheduled = true;
  // After the load settles (replaceDocument sets the slot after the document).
  queueMicrotask(() => {
    scheduled = false;
    checkFirstOpen();
  });
}

/** Watches for a design or a view to look at: a loaded document, another slot, the network view chosen. */
export function startFirstOpenLayout(): () => void {
  const offs = [
    useEditor.subscribe((s, prev) => {
      if (s.doc !== prev.doc || s.readOnly !== prev.readOnly) schedule();
    }),
    useCanvasView.subscribe((s, prev) => {
      if (s.view !== prev.view) schedule();
    }),
    useSession.subscribe((s, prev) => {
      if (s.localId !== prev.localId) schedule();
    }),
    useLive.subscribe((s, prev) => {
      if (s.status !== prev.status) schedule();
    }),
  ];
  schedule();
  return () => offs.forEach((off) => off());
}

let display: { elements: readonly Element[]; links: readonly Link[]; out: readonly Element[] } | null = null;
/**
 * The elements as the network view draws them: the document's, or for a read-only viewer of a
 * design not laid out for this view, the same layout an editor would apply, for display only.
 */
export function displayElements(doc: Doc, readOnly: boolean): readonly Element[] {
  const { elements, links } = doc;
  if (!readOnly) return elements;
  if (display?.elements === elements && display.links === links) return display.out;
  let out: readonly Element[] = elements;
  if (wantsFirstOpenLayout(elements, links)) out = moveElements(doc, busLayout(doc, DEFAULT_SIZES)).elements;
  display = { elements, links, out };
  return out;
}
