/**
 * A 10,000-element design (the size the README supports) exported as a bundle over real HTTP
 * (issue 12): it completes within its limits (job time, heap, PNG pixel budget), and /healthz keeps
 * answering quickly meanwhile, because the work runs in a worker thread. Time, peak RSS and health
 * latency are printed for the record.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WORK_LIMITS } from '../../src/limits.ts';
import { hugeDesign } from '../fixtures.ts';
import { STARTUP_TIMEOUT } from '../helper.ts';
import { startChildServer, type ChildServer } from './childServer.ts';

vi.setConfig({ testTimeout: 180_000 });

let server: ChildServer;
let base = '';

beforeAll(async () => {
  server = await startChildServer();
  base = server.url;
  // The worker loads at start (warm); wait until it answers, so its start is not counted.
  await fetch(`${base}/api/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ format: 'svg', document: hugeDesign(50) }),
  });
}, STARTUP_TIMEOUT);

afterAll(() => server?.stop());

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

describe('a 10,000-element bundle export', () => {
  it('completes within its limits while /healthz answers within 100 ms', async () => {
    const document = hugeDesign(10_000);
    expect(document.elements).toHaveLength(10_000);
    const body = JSON.stringify({ format: 'bundle', document });

    const rssBefore = server.memory().rss;
    const health: number[] = [];
    let exporting = true;
    const probe = (async () => {
      while (exporting) {
        const started = performance.now();
        const res = await fetch(`${base}/healthz`);
        health.push(performance.now() - started);
        expect(res.status).toBe(200);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const started = performance.now();
    const res = await fetch(`${base}/api/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const zip = new Uint8Array(await res.arrayBuffer());
    const exportMs = performance.now() - started;
    exporting = false;
    await probe;
    const peakRss = server.memory().peak;

    health.sort((a, b) => a - b);
    console.info(
      `[fault] 10,000-element bundle: ${Math.round(exportMs)} ms, ${(body.length / 1e6).toFixed(1)} MB in, ${(zip.length / 1e6).toFixed(1)} MB out, ` +
        `server peak RSS ${Math.round(peakRss / 1e6)} MB (${Math.round(rssBefore / 1e6)} MB before); /healthz ${health.length} probes: ` +
        `p50 ${percentile(health, 0.5).toFixed(1)} ms, p95 ${percentile(health, 0.95).toFixed(1)} ms, max ${health.at(-1)!.toFixed(1)} ms`,
    );

    expect(res.status).toBe(200);
    expect(server.exited()).toBeUndefined();
    expect(exportMs).toBeLessThan(WORK_LIMITS.jobMs);
    expect(peakRss).toBeLessThan(2.5 * 1024 ** 3);
    expect(percentile(health, 0.95)).toBeLessThan(100);

    const files = unzipSync(zip);
    expect(JSON.parse(strFromU8(files['topology.json']!)).elements).toHaveLength(10_000);
    // The overview diagram of 10,000 elements is far past the pixel budget: its PNG is left out or
    // scaled, and the README says so; every PNG that is there is within the budget.
    const readme = strFromU8(files['README.md']!);
    expect(readme).toMatch(/`diagrams\/design\.png` (was not made|: scaled)/);
    for (const [path, png] of Object.entries(files).filter(([p]) => p.endsWith('.png'))) {
      const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
      expect(view.getUint32(16) * view.getUint32(20), path).toBeLessThanOrEqual(WORK_LIMITS.pngPixels);
    }
  });
});
