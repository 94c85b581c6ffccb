/**
 * server.ts as a real process: configured from the environment, listening on a loopback port,
 * and shut down by SIGTERM while a request is in flight, which must still get its answer
 * before the process exits cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { largeDesign } from './fixtures.ts';
import { STARTUP_TIMEOUT } from './helper.ts';

// Apps and databases start slowly on a loaded 2-core CI machine.
vi.setConfig({ testTimeout: 60_000 });

const SERVER = fileURLToPath(new URL('../src/server.ts', import.meta.url));

let child: ChildProcess;
let base = '';
let dataDir = '';
const logs: string[] = [];
let exited: Promise<number | null>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'viplane-server-'));
  child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', VIPLANE_DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  base = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        logs.push(line);
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (match) resolve(match[1]!);
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => logs.push(chunk));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${logs.join('\n')}`)));
  });
}, STARTUP_TIMEOUT);

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('server.ts', () => {
  it('serves health checks on the configured host and port', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite' });
  });

  it(
    'finishes an in-flight request on SIGTERM, then exits cleanly',
    async () => {
      const body = JSON.stringify(largeDesign());
      const half = Math.floor(body.length / 2);
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          `${base}/api/validate`,
          { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (c: string) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        // Half the body now; the rest after the signal, so the request is in flight at SIGTERM.
        req.write(body.slice(0, half));
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(half)), 300);
        }, 300);
      });

      const answered = await response;
      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.text)).toHaveProperty('diagnostics');
      expect(await exited).toBe(0);
      const lines = logs.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg?: string; signal?: string });
      expect(lines.some((l) => l.msg === 'shutting down' && l.signal === 'SIGTERM')).toBe(true);
    },
    STARTUP_TIMEOUT,
  );
});
