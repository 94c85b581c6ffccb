/**
 * The abuse suite (issue 12): hundreds of hostile requests across every route, by class. Asserted
 * for each: no 5xx, the exact 4xx where it is known, an answer within a time bound; for the run:
 * the process (this one) survives, memory stays bounded, and the server still answers normally.
 * Slow bodies go over a real socket. The per-class tally is printed for the record.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ViplaneServer } from '../../src/app.ts';
import type { Driver } from '../../src/db/drivers/types.ts';
import { smallDesign } from '../fixtures.ts';
import { STARTUP_TIMEOUT, bearer, buildTestApp, call, openMemoryDriver } from '../helper.ts';
import { hostileCases, type DesignAccess, type HostileCase } from './hostile.ts';

vi.setConfig({ testTimeout: 600_000 });

/** The slowest a hostile request may take: those that reach a worker (export, import) on a busy 2-core machine. */
const MAX_REQUEST_MS = 20_000;
/** Resident memory may grow by this much over the whole run (workers' heaps included). */
const MAX_RSS_GROWTH_BYTES = 1.5 * 1024 ** 3;

let driver: Driver;
let app: ViplaneServer;
let access: DesignAccess;

beforeAll(async () => {
  driver = await openMemoryDriver();
  app = await buildTestApp(driver);
  const created = await call(app, { method: 'POST', url: '/api/designs', payload: smallDesign('Hostile target') });
  const shares = await call(app, { method: 'GET', url: `/api/designs/${created.body.id}/shares`, headers: bearer(created.body.editToken) });
  access = { id: created.body.id, editToken: created.body.editToken, viewToken: created.body.viewToken, linkId: shares.body.shares[0].id };
}, STARTUP_TIMEOUT);

afterAll(async () => {
  await app?.close();
  await driver?.close();
});

describe('hostile requests across every route', () => {
  it('never answers 5xx, answers each in bounded time, and keeps memory bounded', async () => {
    const cases = hostileCases(access);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    const tally = new Map<string, { requests: number; statuses: Map<number, number>; slowestMs: number }>();
    const failures: string[] = [];
    try {
      for (const c of cases) {
        const started = performance.now();
        const res = await call(app, c.request);
        const ms = performance.now() - started;
        const row = tally.get(c.class) ?? { requests: 0, statuses: new Map(), slowestMs: 0 };
        row.requests++;
        row.statuses.set(res.status, (row.statuses.get(res.status) ?? 0) + 1);
        row.slowestMs = Math.max(row.slowestMs, ms);
        tally.set(c.class, row);
        const problem = verdict(c, res.status, res.body, ms);
        if (problem) failures.push(`[${c.class}] ${c.name}: ${problem}`);
      }
    } finally {
      clearInterval(sampler);
    }
    console.info(
      `[fault] ${cases.length} hostile requests, peak RSS growth ${Math.round((peak - baseline) / 1e6)} MB\n` +
        [...tally]
          .map(
            ([name, r]) =>
              `  ${name}: ${r.requests} requests, ${[...r.statuses].map(([s, n]) => `${s}×${n}`).join(' ')}, slowest ${Math.round(r.slowestMs)} ms`,
          )
          .join('\n'),
    );
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThan(300);
    expect(peak - baseline).toBeLessThan(MAX_RSS_GROWTH_BYTES);
    // Still serving normally afterwards.
    expect((await call(app, { method: 'GET', url: '/healthz' })).status).toBe(200);
    expect((await call(app, { method: 'POST', url: '/api/validate', payload: smallDesign() })).status).toBe(200);
    expect((await call(app, { method: 'GET', url: `/api/designs/${access.id}`, headers: bearer(access.viewToken) })).status).toBe(200);
  });

  it('keeps answering other clients while slow clients dribble their bodies, and drops them without harm', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as net.AddressInfo).port;
    const slow: net.Socket[] = [];
    for (let i = 0; i < 30; i++) {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write(`POST /api/validate HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000000\r\n\r\n{"name":"`);
      slow.push(socket);
    }
    const timer = setInterval(() => slow.forEach((s) => s.write('x')), 50);
    const latencies: number[] = [];
    try {
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        latencies.push(performance.now() - started);
        expect(res.status).toBe(200);
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      clearInterval(timer);
      slow.forEach((s) => s.destroy());
    }
    latencies.sort((a, b) => a - b);
    console.info(
      `[fault] /healthz with 30 slow bodies in flight: p50 ${latencies[10]!.toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
    expect(latencies[10]!).toBeLessThan(100);
    const res = await fetch(`http://127.0.0.1:${port}/api/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(smallDesign()),
    });
    expect(res.status).toBe(200);
  });
});

/** Why a response is wrong for its case, or undefined when it is right. */
function verdict(c: HostileCase, status: number, body: unknown, ms: number): string | undefined {
  if (status >= 500 && !(status === 501 && c.expect?.includes(501))) return `answered ${status} ${JSON.stringify(body).slice(0, 200)}`;
  if (ms > MAX_REQUEST_MS) return `took ${Math.round(ms)} ms`;
  if (c.expect ? !c.expect.includes(status) : status < 400 || status >= 500)
    return `answered ${status}, expected ${c.expect?.join('/') ?? '4xx'}: ${JSON.stringify(body).slice(0, 200)}`;
  if (status >= 400 && typeof body === 'object' && body !== null) {
    const text = JSON.stringify(body);
    // 4xx bodies never echo a large value whole.
    if (text.length > 20_000) return `a ${text.length}-character error body`;
  }
  if (c.check && typeof body === 'object' && body !== null) {
    try {
      c.check(body as Record<string, unknown>);
    } catch (error) {
      return (error as Error).message;
    }
  }
  return undefined;
}
