/** PostgreSQL through a `pg` Pool, used when DATABASE_URL is set (replicas share it). */
import pg from 'pg';
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

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await client.query(sql, params as unknown[]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export async function openPostgres(options: PostgresOptions): Promise<Driver> {
  if (options.schema !== undefined && !IDENT.test(options.schema)) throw new Error(`invalid schema name "${options.schema}"`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 5000,
    connectionTimeoutMillis: 5000,
    // A startup parameter rather than a SET after connect: every pooled connection gets it
    // before its first query, with no race.
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener the
  // process would crash. The next query gets a fresh connection.
  pool.on('error', () => {});
  const root = wrap(pool);
  // Fail at start, not at the first request, when the database is unreachable.
  await root.query('SELECT 1');
  return {
    kind: 'postgres',
    query: root.query,
    exec: root.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
