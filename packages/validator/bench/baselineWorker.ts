/**
 * The typed-array baseline of validate/<estate>, run in a worker thread: its own V8 heap, so the
 * two workloads do not collect, grow and release one heap between them.
 *
 * Why: run in the validator's heap, the baseline's ~300 MB of garbage at 5× made each gc()
 * return pages to the OS, and the next lower() re-faulted them (measured at 5×: 7,800–9,400
 * minor page faults and 60–80 ms of system time inside lower(), against 1,850 faults and 16–21 ms
 * alone; lower() 165–185 ms against 70–95 ms). The bench then measured the neighbour, not the
 * validator. The worker keeps the same-run pairing: the main thread blocks while the worker runs
 * one baseline (Atomics.wait), so the two never share the CPU, and round-robin order is kept.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { generateEstate } from './generate.ts';
import { gc } from './measure.ts';
import { typedPipeline } from './pipeline.ts';

interface Setup {
  scale: number;
  seed: number;
  /** [0]: request counter (main -> worker), [1]: done counter (worker -> main). */
  signal: SharedArrayBuffer;
  /** [0]: the run's ms, [1]: traces delivered. */
  result: SharedArrayBuffer;
}

/** A baseline runner in its own heap over the estate generated from the same scale and seed. */
export class BaselineWorker {
  private constructor(
    private readonly worker: Worker,
    private readonly signal: Int32Array,
    private readonly result: Float64Array,
  ) {}

  /** Starts the worker and waits until it has generated its estate (or failed to). */
  static async start(scale: number, seed: number): Promise<BaselineWorker> {
    const signal = new SharedArrayBuffer(8);
    const result = new SharedArrayBuffer(16);
    const setup: Setup = { scale, seed, signal, result };
    // Node 20 does not pass tsx's loader hooks on to worker threads: register them, then load this file.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: setup });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`baseline worker exited with ${code} before it was ready`)));
    });
    worker.removeAllListeners();
    worker.unref();
    return new BaselineWorker(worker, new Int32Array(signal), new Float64Array(result));
  }

  /** One timed baseline run (after a gc() in the worker's heap): ms and traces delivered. */
  run(): { ms: number; delivered: number } {
    const done = Atomics.load(this.signal, 1);
    Atomics.add(this.signal, 0, 1);
    Atomics.notify(this.signal, 0);
    // A run takes well under a second; a minute means a dead worker.
    if (Atomics.wait(this.signal, 1, done, 60_000) === 'timed-out') throw new Error('baseline worker did not answer');
    if (Number.isNaN(this.result[0])) throw new Error('baseline run failed in its worker');
    return { ms: this.result[0]!, delivered: this.result[1]! };
  }

  close(): void {
    void this.worker.terminate();
  }
}

if (!isMainThread && parentPort && (workerData as Setup | undefined)?.signal) {
  const setup = workerData as Setup;
  const signal = new Int32Array(setup.signal);
  const result = new Float64Array(setup.result);
  const { doc, traces } = generateEstate({ scale: setup.scale, seed: setup.seed });
  const finish = () => {
    Atomics.add(signal, 1, 1);
    Atomics.notify(signal, 1);
  };
  parentPort.postMessage('ready');
  for (let seen = 0; ; seen++) {
    Atomics.wait(signal, 0, seen);
    try {
      gc?.();
      const t0 = performance.now();
      const { delivered } = typedPipeline(doc, traces);
      result[0] = performance.now() - t0;
      result[1] = delivered;
    } catch {
      result[0] = NaN;
    }
    finish();
  }
}
