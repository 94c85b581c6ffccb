/**
 * Auto-layout as one undo step: the network view's bus arrangement (busLayout.ts, on the main
 * thread: it is a sort and a grid), or for the free graph ELK in a worker.
 */
import { moveElements } from '../document/edits.ts';
import { referencesOf } from '../document/edits.ts';
import { editor } from '../store/editor.ts';
import { toast, useUi } from '../store/ui.ts';
import { canvasApi } from '../store/canvasApi.ts';
import type { LayoutRequest, LayoutResponse } from './protocol.ts';
import { useCanvasView } from '../store/canvasView.ts';
import { busLayout } from './busLayout.ts';
import { forgetNetworkArranged } from './firstOpen.ts';
import { markNetworkArranged } from '../store/canvasView.ts';

let worker: Promise<Worker> | null = null;
let seq = 0;

/** The worker, once it said it is ready (messages posted while the 1.4 MB ELK module loads can be lost). */
function layoutWorker(): Promise<Worker> {
  worker ??= new Promise((resolve, reject) => {
    const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'viplane-layout' });
    const onReady = (event: MessageEvent<{ ready?: boolean }>) => {
      if (!event.data?.ready) return;
      w.removeEventListener('message', onReady);
      resolve(w);
    };
    w.addEventListener('message', onReady);
    w.addEventListener('error', (e) => reject(new Error(e.message || 'layout worker failed to start')));
  });
  return worker;
}

export async function autoLayout(): Promise<void> {
  useUi.setState({ layoutBusy: true });
  try {
    await layout();
  } finally {
    useUi.setState({ layoutBusy: false });
  }
}

async function layout(): Promise<void> {
  const { doc, measured, readOnly } = editor();
  if (readOnly || doc.elements.length === 0) return;
  // A newer layout (of either view) makes an older ELK answer still on its way stale.
  const requestId = ++seq;
  if (useCanvasView.getState().view === 'network') {
    const moves = busLayout(doc, measured);
    editor().edit((current) => moveElements(current, moves));
    markNetworkArranged(true);
    setTimeout(() => canvasApi.current?.fitAll(), 80);
    return;
  }
  let w: Worker;
  try {
    w = await layoutWorker();
  } catch (err) {
    worker = null;
    toast(`Auto-layout is not available: ${err instanceof Error ? err.message : String(err)}`, 'error');
    return;
  }
  const request: LayoutRequest = {
    requestId,
    nodes: doc.elements.map((e) => ({ id: e.id, width: measured.get(e.id)?.width ?? 212, height: measured.get(e.id)?.height ?? 72 })),
    edges: [
      ...doc.elements.flatMap((e) => referencesOf(e).map((r) => ({ id: `${e.id}:${r.path}`, source: e.id, target: r.targetId }))),
      ...doc.links.map((l) => ({ id: l.id, source: l.from, target: l.to })),
    ],
  };
  const response = await new Promise<LayoutResponse>((resolve) => {
    const onMessage = (event: MessageEvent<LayoutResponse>) => {
      if (event.data.requestId !== requestId) return;
      w.removeEventListener('message', onMessage);
      resolve(event.data);
    };
    w.addEventListener('message', onMessage);
    w.postMessage(request);
  });
  if (requestId !== seq || useCanvasView.getState().view !== 'graph') return;
  if ('error' in response) {
    toast(`Auto-layout failed: ${response.error}`, 'error');
    return;
  }
  // The document may have changed while ELK ran: move only what still exists.
  const moves = new Map(Object.entries(response.positions));
  if (editor().edit((current) => moveElements(current, moves))) forgetNetworkArranged();
  setTimeout(() => canvasApi.current?.fitAll(), 80);
}
