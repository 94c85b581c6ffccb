/**
 * Connector routing off the main thread: libavoid (WASM) routes one batch per message, so a
 * drag never waits for it. The .wasm file is emitted by Vite as an asset and fetched from here.
 */
import { AvoidLib } from 'libavoid-js';
import wasmUrl from 'libavoid-js/libavoid.wasm?url';
import { routeConnectors, type AvoidApi } from './route.ts';
import type { RouteRequest, RouteResponse } from './protocol.ts';

interface WorkerScope {
  postMessage(message: RouteResponse | { ready: true } | { failed: string }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RouteRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

const loaded = (AvoidLib as { load(url?: string): Promise<void> }).load(wasmUrl);
loaded.then(
  () => scope.postMessage({ ready: true }),
  (err: unknown) => scope.postMessage({ failed: err instanceof Error ? err.message : String(err) }),
);

scope.addEventListener('message', (event) => {
  const request = event.data;
  void loaded.then(() => {
    const started = performance.now();
    try {
      const A = (AvoidLib as { getInstance(): unknown }).getInstance() as AvoidApi;
      scope.postMessage({ requestId: request.requestId, routes: routeConnectors(A, request), ms: performance.now() - started });
    } catch (err) {
      scope.postMessage({ requestId: request.requestId, error: err instanceof Error ? err.message : String(err) });
    }
  });
});
