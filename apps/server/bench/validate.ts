/**
 * /api/validate throughput (performance.md §4 and §5.4): autocannon on loopback, 10 connections,
 * 10 s per case, against a server in its own process. Cases, all in one run so ratios compare:
 *   bare GET /                 hello-world Fastify (the ceiling of the framework)
 *   bare POST (JSON.parse)     the same ~50 KB body on a route with no schema: the baseline
 *   schema only (50 KB)        POST /api/validate?rules=none: restore() and every hook, no rules
 *   full, template             POST /api/validate with a template (a typical design)
 *   full, 50 KB                POST /api/validate with the generated ~50 KB design
 *   full, 280 networks         the same generator at 280 port groups (~126 KB)
 * Targets: full 50 KB >= 500 req/s with p99 <= 50 ms; schema only >= 2,000 req/s. Each row also
 * gives the server's CPU time per request, which says more than req/s when the machine is busy.
 *
 *   npx tsx apps/server/bench/validate.ts            10 s per case
 *   npx tsx apps/server/bench/validate.ts --quick    2 s per case (smoke run; numbers are rough)
 *   npx tsx apps/server/bench/validate.ts --duration 5
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { templates } from '@viplane/templates';
import { largeDesign } from '../test/fixtures.ts';

const args = process.argv.slice(2);
const durationArg = args.indexOf('--duration');
const duration = durationArg >= 0 ? Number(args[durationArg + 1]) : args.includes('--quick') ? 2 : 10;
const warmup = Math.max(1, Math.round(duration / 5));
const CONNECTIONS = 10;

interface Case {
  name: string;
  server: 'app' | 'bare';
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

const template = templates.find((t) => t.id === 'seed000-3net-alb') ?? templates[0]!;
const typical = JSON.stringify(template.build());
const fifty = JSON.stringify(largeDesign());
const big = JSON.stringify(largeDesign(280));

const cases: Case[] = [
  { name: 'bare GET / (hello world)', server: 'bare', method: 'GET', path: '/' },
  { name: `bare POST, JSON.parse only (${kb(fifty)})`, server: 'bare', method: 'POST', path: '/parse', body: fifty },
  { name: `schema only, ?rules=none (${kb(fifty)})`, server: 'app', method: 'POST', path: '/api/validate?rules=none', body: fifty },
  { name: `full, template ${template.id} (${kb(typical)})`, server: 'app', method: 'POST', path: '/api/validate', body: typical },
  { name: `full, generated (${kb(fifty)})`, server: 'app', method: 'POST', path: '/api/validate', body: fifty },
  { name: `full, 280 networks (${kb(big)})`, server: 'app', method: 'POST', path: '/api/validate', body: big },
];

function kb(text: string): string {
  return `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;
}

function run(url: string, c: Case, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    method: c.method,
    ...(c.body === undefined ? {} : { body: c.body, headers: { 'content-type': 'application/json' } }),
  });
}

const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./serve.ts', import.meta.url))], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const ports = await new Promise<{ app: number; bare: number }>((resolve, reject) => {
  createInterface({ input: server.stdout! }).once('line', (line) => resolve(JSON.parse(line) as { app: number; bare: number }));
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});

console.log(
  `Node ${process.version}, ${cpus().length} cores, load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
);
console.log(`autocannon -c ${CONNECTIONS} -d ${duration} per case (after ${warmup} s warm-up), server in its own process\n`);

async function serverCpuMicros(): Promise<number> {
  const usage = (await (await fetch(`http://127.0.0.1:${ports.bare}/cpu`)).json()) as { user: number; system: number };
  return usage.user + usage.system;
}

const rows: { name: string; rps: number; p50: number; p99: number; cpu: number; bad: number }[] = [];
try {
  for (const c of cases) {
    const url = `http://127.0.0.1:${ports[c.server]}${c.path}`;
    await run(url, c, warmup);
    const before = await serverCpuMicros();
    const r = await run(url, c, duration);
    const cpu = ((await serverCpuMicros()) - before) / Math.max(1, r.requests.total);
    rows.push({
      name: c.name,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      cpu,
      bad: r.non2xx + r.errors + r.timeouts,
    });
  }
} finally {
  server.kill('SIGTERM');
}

const baseline = rows[1]!.rps;
const width = Math.max(...rows.map((r) => r.name.length));
const columns = [
  'req/s'.padStart(8),
  'p50 ms'.padStart(6),
  'p99 ms'.padStart(6),
  '÷ bare POST'.padStart(11),
  'CPU/req'.padStart(9),
  'non-2xx',
];
console.log(`${'case'.padEnd(width)}  ${columns.join('  ')}`);
for (const r of rows) {
  const cells = [
    r.rps.toFixed(0).padStart(8),
    String(r.p50).padStart(6),
    String(r.p99).padStart(6),
    (r.rps / baseline).toFixed(2).padStart(11),
    `${r.cpu.toFixed(0)} µs`.padStart(9),
    String(r.bad),
  ];
  console.log(`${r.name.padEnd(width)}  ${cells.join('  ')}`);
}
console.log('\nCPU/req: server-process CPU time per request; on an idle core it allows about 1e6 ÷ CPU/req req/s.');

const schemaOnly = rows[2]!;
const full = rows[4]!;
const checks = [
  { what: 'full validation, 50 KB: >= 500 req/s', ok: full.rps >= 500 },
  { what: 'full validation, 50 KB: p99 <= 50 ms', ok: full.p99 <= 50 },
  { what: 'schema only, 50 KB: >= 2,000 req/s', ok: schemaOnly.rps >= 2000 },
  { what: 'every response 2xx', ok: rows.every((r) => r.bad === 0) },
];
console.log('');
for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.what}`);
if (duration < 10) console.log('\n(short run: the targets are defined for 10 s per case)');
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
