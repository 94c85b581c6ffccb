/**
 * The embedded default: PGlite keeps a real PostgreSQL data directory on disk, so a first run
 * needs no setup and the SQL is the same as in production. One process owns a data directory:
 * run replicas against PostgreSQL instead.
 */
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Driver, Queryable, QueryResult } from './types.ts';

function wrap(db: PGlite | Transaction): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await db.query<R>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

/** `dataDir` undefined or `memory://` keeps everything in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Driver> {
  const inMemory = dataDir === undefined || dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(inMemory ? undefined : dataDir);
  const root = wrap(db);
  return {
    kind: 'pglite',
    query: root.query,
    exec: root.exec,
    // PGlite runs queries one at a time and makes other callers wait while a transaction is open.
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
    // One process owns a PGlite database, so its NOTIFY is the in-process bus.
    listen: (channel, onPayload) => db.listen(channel, onPayload),
  };
}
