/**
 * Runs the SQL files in ./migrations in name order, each once, recorded in schema_migrations.
 * Replicas may start together: an advisory lock held for the migrating transaction makes the
 * others wait and then find nothing left to do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Driver } from './drivers/types.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
/** Arbitrary and fixed ("vpln" in ASCII); small enough to be an exact JavaScript number. */
const LOCK_KEY = 0x76706c6e;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8'),
    }));
}

/** Returns the names of the migrations applied now (empty when the schema was current). */
export async function migrate(db: Driver, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      done.push(`${String(m.version).padStart(3, '0')}_${m.name}`);
    }
    return done;
  });
}
