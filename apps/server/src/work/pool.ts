/**
 * The worker pool for heavy work (Piscina over worker_threads). The request thread only parses,
 * checks limits and restore()s; exports, imports and large validations run here, each with a
 * wall-clock limit (the worker is terminated when it passes) and a heap cap (V8 ends a worker that
 * needs more). Either way the job fails with a clear 413 or 503 and the pool starts a new worker:
 * the server and its health checks are never blocked or taken down by one design.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { HttpError } from '../errors.ts';
import { WORK_LIMITS } from '../limits.ts';
import type { Job, JobOutput } from './jobs.ts';

export interface WorkPoolOptions {
  /** The worker entry (tests pass their own); default: worker.mjs beside this file. */
  filename?: string;
  threads?: number;
  jobMs?: number;
  heapMb?: number;
  queue?: number;
  /** Told about a worker's death outside a task (the app logs it). */
  onError?: (error: unknown) => void;
}

export interface WorkPool {
  run<J extends Job>(job: J): Promise<JobOutput<J>>;
  /** Starts the workers now rather than at the first job (a worker loads in about a second). */
  warm(): void;
  close(): Promise<void>;
}

const QUEUE_FULL = Symbol('queue full');

/** Seconds a client should wait after a 503 from the pool. */
const RETRY_AFTER_S = 10;

function workError(error: unknown, limits: Required<Pick<WorkPoolOptions, 'jobMs' | 'heapMb'>>): unknown {
  const { name, code, message } = (error ?? {}) as { name?: string; code?: string; message?: string };
  if (code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new HttpError(413, `the job needed more than the ${limits.heapMb} MB of memory a job may use: the design is too large for it`, {
      code: 'WORK_TOO_LARGE',
      body: { limit: 'workerHeapMb', max: limits.heapMb },
    });
  if (name === 'AbortError')
    return new HttpError(503, `the job took longer than the ${limits.jobMs / 1000} s a job may take, and was stopped`, {
      code: 'WORK_TIMEOUT',
      body: { limit: 'jobMs', max: limits.jobMs },
      headers: { 'retry-after': String(RETRY_AFTER_S) },
    });
  if (error === QUEUE_FULL || (typeof message === 'string' && /queue is at limit|no task queue available/i.test(message)))
    return new HttpError(503, 'the server is busy with other exports and imports; try again shortly', {
      code: 'WORK_QUEUE_FULL',
      headers: { 'retry-after': String(RETRY_AFTER_S) },
    });
  return error;
}

export function createWorkPool(options: WorkPoolOptions = {}): WorkPool {
  const jobMs = options.jobMs ?? WORK_LIMITS.jobMs;
  const heapMb = options.heapMb ?? WORK_LIMITS.workerHeapMb;
  const threads = options.threads ?? Math.max(1, Math.min(2, availableParallelism()));
  const queue = options.queue ?? WORK_LIMITS.queue;
  let inFlight = 0;
  let pool: Piscina | undefined;
  // Made on first use: an app that never exports or imports starts no thread.
  const get = () => (pool ??= start());
  const start = () => {
    const created = new Piscina({
      filename: options.filename ?? new URL('./worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: heapMb, stackSizeMb: 8 },
    });
    // A worker that dies outside a task (out of memory while being stopped for its time limit) is
    // reported here; unheard, the 'error' event would end the process. The pool replaces the worker.
    created.on('error', (error: unknown) => options.onError?.(error));
    return created;
  };
  return {
    async run(job) {
      // Counted here rather than left to Piscina's maxQueue, whose balancer may hand a busy worker
      // more tasks: at most `threads` running plus `queue` waiting, the rest refused at once.
      if (inFlight >= threads + queue) throw workError(QUEUE_FULL, { jobMs, heapMb });
      inFlight++;
      try {
        // The time limit counts from here: waiting for a worker is part of what a client waits.
        return (await get().run(job, { signal: AbortSignal.timeout(jobMs) })) as never;
      } catch (error) {
        throw workError(error, { jobMs, heapMb });
      } finally {
        inFlight--;
      }
    },
    warm() {
      const p = get();
      // A job with an unknown kind returns at once; it loads the worker's modules.
      void p.run({ kind: 'warm' }).catch(() => {});
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
