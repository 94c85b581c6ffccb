/**
 * The same repository suite against both drivers: embedded PGlite in a temporary directory, and
 * real PostgreSQL in a schema of its own. In CI a missing PostgreSQL fails the run; elsewhere
 * the PostgreSQL half is skipped with the reason printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { openPglite } from '../src/db/drivers/pglite.ts';
import { openPostgres } from '../src/db/drivers/postgres.ts';
import { REQUIRE_POSTGRES, TEST_DATABASE_URL, createTestSchema, dropTestSchema, probePostgres } from './postgres.ts';
import { defineRepositoryTests } from './repository.suite.ts';

// Apps and databases start slowly on a loaded 2-core CI machine.
vi.setConfig({ testTimeout: 60_000 });

describe('repository on embedded PGlite', () => {
  // Made on first use, so a filtered run that skips this suite leaves no directory behind.
  let dataDir: string | undefined;
  const dir = () => (dataDir ??= mkdtempSync(join(tmpdir(), 'viplane-pglite-')));
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  defineRepositoryTests({
    open: () => openPglite(dir()),
    appDatabase: () => ({ kind: 'pglite', dataDir: dir() }),
  });
});

const probe = await probePostgres();

if (probe.ok) {
  describe('repository on PostgreSQL', () => {
    // Created before the suite's own beforeAll opens connections into it.
    let schema = '';
    beforeAll(async () => {
      schema = await createTestSchema();
    });
    afterAll(() => dropTestSchema(schema));
    defineRepositoryTests({
      open: () => openPostgres({ connectionString: TEST_DATABASE_URL, schema, statementTimeoutMs: 10_000 }),
      appDatabase: () => ({ kind: 'postgres', connectionString: TEST_DATABASE_URL, schema }),
    });
  });
} else if (REQUIRE_POSTGRES) {
  describe('repository on PostgreSQL', () => {
    it('needs PostgreSQL, which CI must provide', () => {
      throw new Error(`${probe.reason}; CI is set, so this fails instead of skipping`);
    });
  });
} else {
  console.warn(`[viplane] skipping the PostgreSQL repository tests: ${probe.reason}. Start it with: pg_ctlcluster <version> main start`);
  describe.skip('repository on PostgreSQL (PostgreSQL not reachable)', () => {
    it('runs when PostgreSQL is reachable', () => {});
  });
}
