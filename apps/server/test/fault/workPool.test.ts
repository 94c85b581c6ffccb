/**
 * The worker pool's limits (issue 12): a job past its heap cap or its time limit fails with a clear
 * 413 / 503 and the pool goes on serving; a full queue is a 503 with Retry-After.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../../src/errors.ts';
import { createWorkPool } from '../../src/work/pool.ts';

vi.setConfig({ testTimeout: 120_000 });

const filename = new URL('./hungryWorker.mjs', import.meta.url).href;
const workerErrors: unknown[] = [];
const onError = (error: unknown) => workerErrors.push(error);
const small = createWorkPool({ filename, threads: 1, heapMb: 64, jobMs: 60_000, queue: 1, onError });
const quick = createWorkPool({ filename, threads: 1, heapMb: 256, jobMs: 1500, queue: 1, onError });
afterAll(() => Promise.all([small.close(), quick.close()]));

const runOn = (pool: typeof small, kind: string) => pool.run({ kind } as never) as Promise<unknown>;

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe('worker pool limits', () => {
  it('a job over its heap cap is a 413 and the next job runs', async () => {
    const error = await failure(runOn(small, 'allocate'));
    expect(error.statusCode).toBe(413);
    expect(error.code).toBe('WORK_TOO_LARGE');
    expect(error.message).toContain('64 MB');
    expect(await runOn(small, 'ok')).toEqual({ echoed: 'ok' });
  });

  it('a job over its time limit is stopped: 503 with Retry-After, and the next job runs', async () => {
    const started = performance.now();
    const error = await failure(runOn(quick, 'spin'));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(error.statusCode).toBe(503);
    expect(error.code).toBe('WORK_TIMEOUT');
    expect(error.headers['retry-after']).toMatch(/^\d+$/);
    expect(await runOn(quick, 'ok')).toEqual({ echoed: 'ok' });
  });

  it('refuses jobs past the queue with 503 + Retry-After', async () => {
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => runOn(quick, 'spin')));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as HttpError).code : 'ok'));
    expect(codes).toContain('WORK_QUEUE_FULL');
    expect(codes.filter((c) => c === 'WORK_TIMEOUT').length).toBeGreaterThan(0);
    expect(await runOn(quick, 'ok')).toEqual({ echoed: 'ok' });
    // Deaths outside a task, if any, were heard (not left to end the process) and were memory or termination.
    for (const e of workerErrors) expect(String((e as Error).message)).toMatch(/memory|terminat/i);
  });
});
