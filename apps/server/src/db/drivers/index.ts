import type { Driver } from './types.ts';

export type DatabaseConfig =
  { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; connectionString: string; schema?: string; statementTimeoutMs?: number };

/** Drivers load on demand: the embedded one pulls in a WebAssembly PostgreSQL. */
export async function openDriver(config: DatabaseConfig): Promise<Driver> {
  if (config.kind === 'postgres') {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(config);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(config.dataDir);
}

export type { Driver, Queryable, QueryResult } from './types.ts';
