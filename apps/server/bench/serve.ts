/**
 * The benchmark's server process: the full app (rate limits raised so they never trigger but
 * their hooks still run) and a bare Fastify with the same body limit, for the baseline. It runs
 * apart from the load generator, as in performance.md §4. Prints one JSON line with the ports.
 */
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { DEFAULT_BODY_LIMIT, DEFAULT_RATE_LIMIT } from '../src/config.ts';

const huge = 1_000_000_000;
const app = await buildApp({
  database: { kind: 'pglite', dataDir: 'memory://' },
  log: false,
  webDist: null,
  rateLimit: { ...DEFAULT_RATE_LIMIT, perIp: huge, perToken: huge, createPerIp: huge },
});

const bare = Fastify({ logger: false, bodyLimit: DEFAULT_BODY_LIMIT });
bare.get('/', async () => ({ hello: 'world' }));
// JSON.parse of the body and nothing else: the floor for a POST of the same document.
bare.post('/parse', async () => ({ ok: true }));
// The server process's CPU time, so the benchmark can report CPU per request: unlike req/s,
// that stays meaningful when other work shares the machine.
bare.get('/cpu', async () => process.cpuUsage());

await app.listen({ port: 0, host: '127.0.0.1' });
await bare.listen({ port: 0, host: '127.0.0.1' });
const port = (s: typeof bare) => (s.server.address() as { port: number }).port;
process.stdout.write(`${JSON.stringify({ app: port(app as unknown as typeof bare), bare: port(bare) })}\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void Promise.all([app.close(), bare.close()]).then(() => process.exit(0));
  });
}
