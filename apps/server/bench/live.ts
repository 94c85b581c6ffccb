/**
 * Live sessions under load (performance.md §4): 20 simulated editors on one design across two server
 * replicas (separate processes) over one PostgreSQL (a database made for the run and dropped after).
 * Editors are split between the replicas; each renames its own element twice a second. Reported:
 *   remote edit latency  from an editor's send to the update arriving at a client on the OTHER replica
 *                        (p50 / p95; targets <= 50 / <= 100 ms on loopback)
 *   server CPU / update  user+system CPU of both server processes over the run, per accepted update
 *
 *   npx tsx apps/server/bench/live.ts [--quick]     (also the last case of `npm run bench:server`)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as Y from 'yjs';
import { templates } from '@viplane/templates';
import { LiveClient } from '../test/liveClient.ts';

const quick = process.argv.includes('--quick');
const EDITORS = 20;
const EDITS_PER_SECOND = 2;
const SECONDS = quick ? 4 : 15;
const ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

/** utime + stime of a process in ms (Linux /proc; clock ticks at 100 Hz). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function start(url: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: url, LOG_LEVEL: 'warn', LIVE_IDLE_SAVE_MS: '60000', WORK_THREADS: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (i > 400) throw new Error('server did not start');
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, base };
    await new Promise((r) => setTimeout(r, 250));
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  const database = `viplane_bench_live_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const servers: { child: ChildProcess; base: string }[] = [];
  const clients: LiveClient[] = [];
  try {
    servers.push(await start(url.toString()));
    servers.push(await start(url.toString()));
    const doc = templates.find((t) => t.id === 'seed000-3net-alb')!.build();
    const created = (await (
      await fetch(`${servers[0]!.base}/api/designs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(doc),
      })
    ).json()) as { id: string; editToken: string };
    for (let i = 0; i < EDITORS; i++) clients.push(await LiveClient.connect(servers[i % 2]!.base, created.id, created.editToken));
    await Promise.all(clients.map((c) => c.ready()));

    // When each (editor, name) was sent; observers (one per replica) note arrivals from the other replica.
    const sentAt = new Map<string, { at: number; replica: number }>();
    const latencies: number[] = [];
    for (const observer of [0, 1]) {
      const client = clients[observer]!;
      client.doc.getMap('elements').observeDeep((events) => {
        const now = performance.now();
        for (const e of events) {
          if (!(e instanceof Y.YMapEvent) || !(e.target instanceof Y.Map) || !e.keysChanged.has('name')) continue;
          const name = e.target.get('name');
          const sent = typeof name === 'string' ? sentAt.get(name) : undefined;
          if (sent && sent.replica !== observer) latencies.push(now - sent.at);
        }
      });
    }
    const editors = clients.slice(2);
    const ids = doc.elements.map((e) => e.id);
    const cpuBefore = servers.reduce((sum, s) => sum + cpuMs(s.child.pid!), 0);
    let updates = 0;
    const end = Date.now() + SECONDS * 1000;
    const timers = editors.map((client, k) => {
      let seq = 0;
      return setInterval(() => {
        if (Date.now() > end) return;
        const name = `e${k}-${seq++}`;
        sentAt.set(name, { at: performance.now(), replica: (k + 2) % 2 });
        client.edit((d) => (d.elements.find((el) => el.id === ids[k % ids.length])!.name = name));
        updates++;
      }, 1000 / EDITS_PER_SECOND);
    });
    await new Promise((r) => setTimeout(r, SECONDS * 1000 + 1500));
    timers.forEach(clearInterval);
    const cpuAfter = servers.reduce((sum, s) => sum + cpuMs(s.child.pid!), 0);
    latencies.sort((a, b) => a - b);
    const result = {
      case: 'live: 20 editors, 2 replicas',
      editors: EDITORS,
      updates,
      remoteDeliveries: latencies.length,
      p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
      p95Ms: Math.round(percentile(latencies, 95) * 10) / 10,
      serverCpuMsPerUpdate: Math.round(((cpuAfter - cpuBefore) / Math.max(1, updates)) * 100) / 100,
    };
    if (process.argv.includes('--json')) console.log(JSON.stringify(result));
    else
      console.log(
        `${result.case}: ${updates} updates, remote edit latency p50 ${result.p50Ms} ms / p95 ${result.p95Ms} ms (targets 50 / 100), server CPU ${result.serverCpuMsPerUpdate} ms per update (both replicas)`,
      );
  } finally {
    for (const c of clients) c.close();
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once('exit', r)))));
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

await main();
