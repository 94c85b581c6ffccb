/** PostgreSQL through a `pg` Pool, used when DATABASE_URL is set (replicas share it). */
import pg from 'pg';
import { classifyDatabaseError, isDatabaseUnavailable } from '../unavailable.ts';
import type { Driver, Queryable, QueryResult } from './types.ts';

export interface PostgresOptions {
  connectionString: string;
  /** Tables live in this schema (tests use one per run); it must exist. */
  schema?: string;
  /** Server-side cap per statement, so a stuck query cannot hold a connection forever. */
  statementTimeoutMs?: number;
  max?: number;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** Every query error that means "the database is away" becomes a DatabaseUnavailableError (503). */
function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      try {
        const result = await client.query(sql, params as unknown[]);
        return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
      } catch (error) {
        throw classifyDatabaseError(error);
      }
    },
    async exec(sql: string) {
      try {
        await client.query(sql);
      } catch (error) {
        throw classifyDatabaseError(error);
      }
    },
  };
}

export async function openPostgres(options: PostgresOptions): Promise<Driver> {
  const listeners = new Set<() => Promise<void>>();
  if (options.schema !== undefined && !IDENT.test(options.schema)) throw new Error(`invalid schema name "${options.schema}"`);
  const statementTimeout = options.statementTimeoutMs ?? 5000;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    statement_timeout: statementTimeout,
    // The client-side twin of statement_timeout: a connection whose server vanished without a
    // FIN/RST (a cut network) would otherwise keep a query, and its request, waiting forever.
    query_timeout: statementTimeout + 2000,
    connectionTimeoutMillis: 5000,
    keepAlive: true,
    // A startup parameter rather than a SET after connect: every pooled connection gets it
    // before its first query, with no race.
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener the
  // process would crash. The pool drops that client; the next query gets a fresh connection.
  pool.on('error', () => {});
  const root = wrap(pool);
  // Fail at start, not at the first request, when the database is unreachable.
  await root.query('SELECT 1');
  return {
    kind: 'postgres',
    query: root.query,
    exec: root.exec,
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw classifyDatabaseError(error);
      }
      // While checked out, a client that loses its connection emits 'error' on itself, not on the
      // pool: without this listener that event is uncaught and ends the process.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken ??= error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (broken === undefined && isDatabaseUnavailable(error)) broken = error instanceof Error ? error : new Error(String(error));
        // A ROLLBACK on a dead connection would wait for nothing; the server rolls back a
        // transaction whose connection dropped on its own.
        if (broken === undefined) {
          await client.query('ROLLBACK').catch((rollbackError: unknown) => {
            broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          });
        }
        throw classifyDatabaseError(error);
      } finally {
        client.off('error', onError);
        // release(error) destroys the connection instead of handing a broken one to the next caller.
        client.release(broken);
      }
    },
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
    async listen(channel, onPayload) {
      const stop = await listenOn(options.connectionString, channel, onPayload);
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
  };
}

/**
 * LISTEN needs a connection of its own, outside the pool. A dropped connection is reopened after a
 * second (notifications sent meanwhile are lost: the live sessions resynchronise on reconnect).
 */
async function listenOn(connectionString: string, channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
  if (!IDENT.test(channel)) throw new Error(`invalid channel name "${channel}"`);
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const open = async (): Promise<void> => {
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5000, keepAlive: true });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on('error', () => {
      next.end().catch(() => {});
      if (!stopped && client === next) retry = setTimeout(() => void open().catch(() => {}), 1000);
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
  };
  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
