/**
 * Connector routing off the main thread: libavoid (WASM) routes one batch per message, so a
 * drag never waits for it. The .wasm file is emitted by Vite as an asset and fetched from here.
 * libavoid-js is LGPL-2.1-or-later: it is imported dynamically so the build keeps its glue code in
 * a chunk of its own beside the unmodified .wasm (replaceable, not mixed into our code).
 */
import wasmUrl from 'libavoid-js/libavoid.wasm?url';
import { routeConnectors, type AvoidApi } from './route.ts';
import type { RouteRequest, RouteResponse } from './protocol.ts';

interface WorkerScope {
  postMessage(message: RouteResponse | { ready: true } | { failed: string }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RouteRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

type AvoidLibModule = { load(url?: string): Promise<void>; getInstance(): unknown };
const loaded: Promise<AvoidLibModule> = import('libavoid-js').then(async ({ AvoidLib }) => {
  const lib = AvoidLib as unknown as AvoidLibModule;
  await lib.load(wasmUrl);
  return lib;
});
loaded.then(
  () => scope.postMessage({ ready: true }),
  (err: unknown) => scope.postMessage({ failed: err instanceof Error ? err.message : String(err) }),
);

scope.addEventListener('message', (event) => {
  const request = event.data;
  void loaded.then((lib) => {
    const started = performance.now();
    try {
      const A = lib.getInstance() as AvoidApi;
      scope.postMessage({ requestId: request.requestId, routes: routeConnectors(A, request), ms: performance.now() - started });
    } catch (err) {
      scope.postMessage({ requestId: request.requestId, error: err instanceof Error ? err.message : String(err) });
    }
  });
});
