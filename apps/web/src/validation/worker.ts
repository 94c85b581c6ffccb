/** The validation Web Worker: binds ValidationCore to the worker's message port. */
import { ValidationCore } from './core.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** The slice of DedicatedWorkerGlobalScope used here (the app's lib is `dom`, not `webworker`). */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const core = new ValidationCore((msg: FromWorker) => scope.postMessage(msg), {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
});
scope.onmessage = (event: MessageEvent<ToWorker>) => core.handle(event.data);
scope.postMessage({ type: 'ready', rules: core.ruleInfo() });
