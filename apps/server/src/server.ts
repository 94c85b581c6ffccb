/**
 * Starts the server from the environment (README: configuration). Only listens: everything
 * else is in app.ts. SIGTERM/SIGINT close it gracefully: no new connections, in-flight requests
 * finish, then the database closes; after 10 s the process exits anyway.
 */
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';

const config = configFromEnv();
const app = await buildApp(config).catch((error: unknown) => {
  console.error('viplane: could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'closing after an unhandled error');
  else app.log.info({ signal }, 'shutting down');
  await app.close();
});

await app.listen({ port: config.port, host: config.host });
if (!config.webDist) app.log.info('apps/web/dist not found: / serves a "not built" page');
