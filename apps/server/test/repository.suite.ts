/**
 * The repository contract, run unchanged against each driver (repository.test.ts): versions,
 * optimistic concurrency, share links, migrations, and a restart of the whole app on the same
 * storage. Only public behaviour is asserted, so both drivers must behave the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import type { DatabaseConfig, Driver } from '../src/db/drivers/index.ts';
import { migrate } from '../src/db/migrate.ts';
import { createRepository, type DesignRepository } from '../src/db/repository.ts';
import { smallDesign } from './fixtures.ts';
import { STARTUP_TIMEOUT, TEST_RATE_LIMIT, bearer, call } from './helper.ts';

export interface SuiteTarget {
  /** Opens a driver on the target's storage; every call reaches the same data. */
  open(): Promise<Driver>;
  /** The same storage as app configuration (the app opens and closes it itself). */
  appDatabase(): DatabaseConfig;
}

const doc = (name: string) => smallDesign(name);
const link = (id: string, scope: 'view' | 'edit', extra: { expiresAt?: Date } = {}) => ({
  id,
  scope,
  tokenSha256: 'ab'.repeat(32),
  ...extra,
});
export function defineRepositoryTests(target: SuiteTarget) {
  let driver: Driver;
  let repo: DesignRepository;
  const written: string[] = [];
  const nextId = () => {
    const id = `design-${Date.now().toString(36)}-${written.length}`;
    written.push(id);
    return id;
  };

  beforeAll(async () => {
    driver = await target.open();
    await migrate(driver);
    repo = createRepository(driver);
  }, STARTUP_TIMEOUT);

  afterAll(async () => {
    await driver?.close().catch(() => {});
  });

  describe('migrations', () => {
    it('are recorded in schema_migrations and run once', async () => {
      expect(await migrate(driver)).toEqual([]);
      const { rows } = await driver.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      expect(rows[0]).toMatchObject({ version: 1, name: 'initial' });
    });
  });

  describe('designs and versions', () => {
    it('creates a design at version 1 with its metadata and document', async () => {
      const id = nextId();
      const document = doc('First');
      const meta = await repo.createDesign(id, { document }, [link(`${id}-e`, 'edit')]);
      expect(meta).toMatchObject({ id, name: 'First', version: 1, size: Buffer.byteLength(JSON.stringify(document)) });
      expect(Date.parse(meta.createdAt)).not.toBeNaN();
      const found = await repo.getDesign(id);
      expect(found).toMatchObject({ id, version: 1, name: 'First' });
      expect(found!.document).toEqual(document);
      expect(await repo.getDesign('no-such-design')).toBeUndefined();
    });

    it('appends a version only on the expected version, and reports the current one otherwise', async () => {
      const id = nextId();
      await repo.createDesign(id, { document: doc('v1') }, []);
      const saved = await repo.saveVersion(id, 1, { document: doc('v2') });
      expect(saved).toMatchObject({ ok: true, design: { version: 2, name: 'v2' } });

      const stale = await repo.saveVersion(id, 1, { document: doc('lost?') });
      expect(stale.ok).toBe(false);
      if (stale.ok || stale.reason !== 'conflict') throw new Error('expected a conflict');
      expect(stale.current.version).toBe(2);
      expect(stale.current.document).toEqual(doc('v2'));
      expect((await repo.getDesign(id))!.name).toBe('v2');

      expect(await repo.saveVersion('no-such-design', 1, { document: doc('x') })).toEqual({ ok: false, reason: 'not-found' });
    });

    it('lists versions newest first, pages with before, and reads any version', async () => {
      const id = nextId();
      await repo.createDesign(id, { document: doc('v1') }, []);
      for (let v = 1; v < 5; v++) await repo.saveVersion(id, v, { document: doc(`v${v + 1}`) });
      await repo.saveVersion(id, 5, { document: doc('v1'), restoredFrom: 1 });

      const all = await repo.listVersions(id, { limit: 100 });
      expect(all.map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
      expect(all[0]).toMatchObject({ name: 'v1', restoredFrom: 1 });
      expect(all[1]!.restoredFrom).toBeNull();
      expect((await repo.listVersions(id, { limit: 2, before: 4 })).map((v) => v.version)).toEqual([3, 2]);

      const v3 = await repo.getVersion(id, 3);
      expect(v3).toMatchObject({ version: 3, name: 'v3' });
      expect(v3!.document).toEqual(doc('v3'));
      expect(await repo.getVersion(id, 99)).toBeUndefined();
    });

    it('lets exactly one of many concurrent writers of the same version win, losing none', async () => {
      const id = nextId();
      await repo.createDesign(id, { document: doc('base') }, []);
      const writers = Array.from({ length: 8 }, (_, i) => repo.saveVersion(id, 1, { document: doc(`writer ${i}`) }));
      const results = await Promise.all(writers);
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(7);

      const versions = await repo.listVersions(id, { limit: 100 });
      expect(versions.map((v) => v.version)).toEqual([2, 1]);
      const winner = winners[0]!;
      if (!winner.ok) throw new Error('unreachable');
      expect(versions[0]!.name).toBe(winner.design.name);
    });

    it('never stores two rows for one version (the primary key backs the conditional update)', async () => {
      const id = nextId();
      await repo.createDesign(id, { document: doc('pk') }, []);
      await expect(
        driver.query("INSERT INTO design_versions (design_id, version, name, document, size_bytes) VALUES ($1, 1, 'dup', '{}'::jsonb, 2)", [
          id,
        ]),
      ).rejects.toThrow();
    });
  });

  describe('share links', () => {
    it('creates, finds, lists and revokes links; revoking is per design and idempotent', async () => {
      const id = nextId();
      const expiresAt = new Date(Date.now() + 3600_000);
      await repo.createDesign(id, { document: doc('shared') }, [link(`${id}-e`, 'edit')]);
      const created = await repo.createShareLink(id, { ...link(`${id}-v`, 'view', { expiresAt }), label: 'for review' });
      expect(created).toMatchObject({ id: `${id}-v`, designId: id, scope: 'view', label: 'for review', revokedAt: null });
      expect(Date.parse(created.expiresAt!)).toBe(expiresAt.getTime());

      const found = await repo.findShareLink(`${id}-v`);
      expect(found).toMatchObject({ scope: 'view', tokenSha256: 'ab'.repeat(32) });
      expect(await repo.findShareLink('missing')).toBeUndefined();
      expect((await repo.listShareLinks(id)).map((l) => l.id).sort()).toEqual([`${id}-e`, `${id}-v`]);

      expect(await repo.revokeShareLink('other-design', `${id}-v`)).toBe(false);
      expect(await repo.revokeShareLink(id, `${id}-v`)).toBe(true);
      const revokedAt = (await repo.findShareLink(`${id}-v`))!.revokedAt;
      expect(revokedAt).not.toBeNull();
      expect(await repo.revokeShareLink(id, `${id}-v`)).toBe(true);
      expect((await repo.findShareLink(`${id}-v`))!.revokedAt).toBe(revokedAt);
    });
  });

  describe('restart', () => {
    it(
      'keeps everything written through the app when a new app opens the same storage',
      async () => {
        // The suite's own connection must go first: an embedded data directory has one owner.
        await driver.close();
        const config = { database: target.appDatabase(), log: false as const, webDist: null, rateLimit: TEST_RATE_LIMIT };

        const first = await buildApp(config);
        const created = await call(first, { method: 'POST', url: '/api/designs', payload: smallDesign('Before restart') });
        expect(created.status).toBe(201);
        const { id, editToken, viewToken } = created.body;
        const saved = await call(first, {
          method: 'PUT',
          url: `/api/designs/${id}`,
          headers: { ...bearer(editToken), 'if-match': '"1"' },
          payload: smallDesign('Saved before restart'),
        });
        expect(saved.status).toBe(200);
        const share = await call(first, {
          method: 'POST',
          url: `/api/designs/${id}/shares`,
          headers: bearer(editToken),
          payload: { scope: 'view' },
        });
        await call(first, { method: 'DELETE', url: `/api/designs/${id}/shares/${share.body.id}`, headers: bearer(editToken) });
        await first.close();

        const second = await buildApp(config);
        try {
          const read = await call(second, { method: 'GET', url: `/api/designs/${id}`, headers: bearer(viewToken) });
          expect(read.status).toBe(200);
          expect(read.body).toMatchObject({ id, version: 2, name: 'Saved before restart' });
          expect(read.body.document).toEqual(smallDesign('Saved before restart'));
          const versions = await call(second, { method: 'GET', url: `/api/designs/${id}/versions`, headers: bearer(viewToken) });
          expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
          // The revocation survived too.
          expect((await call(second, { method: 'GET', url: `/api/designs/${id}`, headers: bearer(share.body.token) })).status).toBe(404);
        } finally {
          await second.close();
        }

        // What the repository tests wrote before the restart is still there too.
        const reopened = await target.open();
        try {
          const again = createRepository(reopened);
          for (const earlier of written) expect(await again.getDesign(earlier)).toBeDefined();
        } finally {
          await reopened.close();
        }
      },
      STARTUP_TIMEOUT,
    );
  });
}
