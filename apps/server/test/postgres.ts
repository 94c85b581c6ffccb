/**
 * Real PostgreSQL for tests: 127.0.0.1:5432, user postgres, database `test` (override with
 * TEST_DATABASE_URL). Each run gets its own schema, so parallel runs never see each other's
 * tables, and drops it afterwards. Unreachable: CI fails, a developer's run skips and says why.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Probe = { ok: true } | { ok: false; reason: string };

async function tryConnect(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => {});
  }
}

/** Reachable? A fresh cluster may lack the `test` database: it is created then. */
export async function probePostgres(): Promise<Probe> {
  try {
    await tryConnect(TEST_DATABASE_URL);
    return { ok: true };
  } catch (error) {
    const url = new URL(TEST_DATABASE_URL);
    const database = url.pathname.slice(1);
    if ((error as { code?: string }).code === '3D000' && /^[a-z_][a-z0-9_]*$/.test(database)) {
      try {
        url.pathname = '/postgres';
        const admin = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${database}`).finally(() => admin.end());
        await tryConnect(TEST_DATABASE_URL);
        return { ok: true };
      } catch (createError) {
        return { ok: false, reason: `could not create database "${database}" (${(createError as Error).message})` };
      }
    }
    return { ok: false, reason: `PostgreSQL at ${TEST_DATABASE_URL} is not reachable (${(error as Error).message})` };
  }
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh schema and returns its name. */
export async function createTestSchema(): Promise<string> {
  const schema = `viplane_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  return schema;
}

export async function dropTestSchema(schema: string): Promise<void> {
  await admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
}

/** Whether the suite must fail rather than skip when PostgreSQL is missing. */
export const REQUIRE_POSTGRES = Boolean(process.env['CI']);
