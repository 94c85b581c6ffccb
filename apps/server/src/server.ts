/**
 * Starts the server from the environment (README: configuration). Only listens: everything
 * else is in app.ts. SIGTERM/SIGINT close it gracefully: no new connections, in-flight requests
 * finish, then the database closes; after 10 s the process exits anyway.
 */
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { isDatabaseUnavailable } from './db/unavailable.ts';

const config = configFromEnv();
const app = await buildApp(config).catch((error: unknown) => {
  console.error('viplane: could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

closeWithGrace(
  // Uncaught errors are sorted below instead: one kind must not end the process.
  { delay: 10_000, skip: ['uncaughtException', 'unhandledRejection'] },
  async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an unhandled error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  },
);

/**
 * A database connection lost at an unlucky moment is the database's fault, not this process's:
 * the pool replaces the connection and requests answer 503 until it is back, so it is logged and
 * the server keeps serving. Anything else uncaught leaves the process in an unknown state:
 * close gracefully and exit.
 */
function onUncaught(err: unknown) {
  if (isDatabaseUnavailable(err)) {
    app.log.warn({ err }, 'database connection lost outside a request; serving on');
    return;
  }
  app.log.error({ err }, 'closing after an unhandled error');
  if (closing) return;
  closing = true;
  setTimeout(() => process.exit(1), 10_000).unref();
  void app.close().finally(() => process.exit(1));
}
let closing = false;
process.on('uncaughtException', onUncaught);
process.on('unhandledRejection', onUncaught);

await app.listen({ port: config.port, host: config.host });
if (!config.webDist) app.log.info('apps/web/dist not found: / serves a "not built" page');
