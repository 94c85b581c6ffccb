/**
 * The canvas's connector routing: one scheduler (scheduler.ts) talking to one router worker
 * (router.worker.ts), its routes in a small store that each connection edge reads by id.
 */
import { create } from 'zustand';
import { ConnectorScheduler, type RouteEntry, type Transport } from './scheduler.ts';
import type { RouteRequest, RouteResponse } from './protocol.ts';
import { canvasApi } from '../../store/canvasApi.ts';

export const useConnectorRoutes = create<{ routes: ReadonlyMap<string, RouteEntry> }>()(() => ({ routes: new Map() }));

let worker: Promise<Worker> | null = null;

/** The worker, once libavoid's WASM is compiled in it (messages sent before would wait anyway). */
function routerWorker(): Promise<Worker> {
  worker ??= new Promise((resolve, reject) => {
    const w = new Worker(new URL('./router.worker.ts', import.meta.url), { type: 'module', name: 'viplane-router' });
    const onReady = (event: MessageEvent<{ ready?: boolean; failed?: string }>) => {
      if (event.data?.failed) reject(new Error(event.data.failed));
      if (!event.data?.ready) return;
      w.removeEventListener('message', onReady);
      resolve(w);
    };
    w.addEventListener('message', onReady);
    w.addEventListener('error', (e) => reject(new Error(e.message || 'the connector router failed to start')));
  });
  return worker;
}

const transport: Transport = async (request: RouteRequest) => {
  const w = await routerWorker();
  return new Promise<RouteResponse>((resolve) => {
    const onMessage = (event: MessageEvent<RouteResponse>) => {
      if (event.data?.requestId !== request.requestId) return;
      w.removeEventListener('message', onMessage);
      resolve(event.data);
    };
    w.addEventListener('message', onMessage);
    w.postMessage(request);
  });
};

export const connectorRouting = new ConnectorScheduler(transport, (routes) => useConnectorRoutes.setState({ routes }), {
  focus: () => canvasApi.current?.viewportCenter() ?? null,
  // Connectors keep their straight fallback; the canvas stays usable.
  onError: (message) => console.warn(`Connector routing is off: ${message}`),
});
