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
import { createCommentRepository, type CommentRepository, type NewComment } from '../src/db/comments.ts';
import { smallDesign } from './fixtures.ts';
import { STARTUP_TIMEOUT, TEST_RATE_LIMIT, bearer, call } from './helper.ts';

export interface SuiteTarget {
  /** Opens a driver on the target's storage; every call reaches the same data. */
  open(): Promise<Driver>;
  /** The same storage as app configuration (the app opens and closes it itself). */
  appDatabase(): DatabaseConfig;
}

const doc = (name: string) => smallDesign(name);
const link = (id: string, scope: 'view' | 'comment' | 'edit', extra: { expiresAt?: Date } = {}) => ({
  id,
  scope,
  tokenSha256: 'ab'.repeat(32),
  ...extra,
});
export function defineRepositoryTests(target: SuiteTarget) {
  let driver: Driver;
  let repo: DesignRepository;
  let comments: CommentRepository;
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
    comments = createCommentRepository(driver);
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

  describe('share link scope and last use', () => {
    it('stores the comment scope and records a use at most once per interval', async () => {
      const id = nextId();
      await repo.createDesign(id, { document: doc('used') }, [link(`${id}-c`, 'comment')]);
      expect(await repo.findShareLink(`${id}-c`)).toMatchObject({ scope: 'comment', lastUsedAt: null });
      expect(await repo.touchShareLink(`${id}-c`, 60)).toBe(true);
      const first = (await repo.findShareLink(`${id}-c`))!.lastUsedAt;
      expect(first).not.toBeNull();
      expect(await repo.touchShareLink(`${id}-c`, 60)).toBe(false);
      expect((await repo.findShareLink(`${id}-c`))!.lastUsedAt).toBe(first);
      // Two minutes later (by the database's clock), the next use writes again.
      await driver.query("UPDATE share_links SET last_used_at = last_used_at - interval '2 minutes' WHERE id = $1", [`${id}-c`]);
      expect(await repo.touchShareLink(`${id}-c`, 60)).toBe(true);
      expect(Date.parse((await repo.findShareLink(`${id}-c`))!.lastUsedAt!)).toBeGreaterThan(Date.parse(first!) - 60_000);
      expect(await repo.touchShareLink('no-such-link', 60)).toBe(false);
      await expect(repo.createShareLink(id, link(`${id}-x`, 'owner' as 'view'))).rejects.toThrow();
    });
  });

  describe('comments', () => {
    let seq = 0;
    const note = (body: string, key = 'k1'): NewComment => ({
      id: `c-${Date.now().toString(36)}-${seq++}`,
      author: 'Alice',
      body,
      authorKeySha256: key.repeat(32).slice(0, 64),
      linkId: 'link-1',
    });

    it('keeps threads with their target and comments in order, per design', async () => {
      const id = nextId();
      const other = nextId();
      await repo.createDesign(id, { document: doc('c') }, []);
      await repo.createDesign(other, { document: doc('d') }, []);
      const t1 = await comments.createThread(id, { id: `${id}-t1`, target: { kind: 'element', id: 'pg-1' }, first: note('one') }, 10);
      expect(t1).toMatchObject({ id: `${id}-t1`, target: { kind: 'element', id: 'pg-1' }, resolvedAt: null, comments: [{ body: 'one' }] });
      await comments.createThread(id, { id: `${id}-t2`, target: { kind: 'point', x: -3.5, y: 7 }, first: note('two') }, 10);
      await comments.createThread(other, { id: `${other}-t`, target: { kind: 'link', id: 'l-1' }, first: note('elsewhere') }, 10);
      expect(await comments.addComment(id, `${id}-t1`, note('reply', 'k2'), 10)).toMatchObject({ body: 'reply', editedAt: null });
      const threads = await comments.listThreads(id);
      expect(threads.map((t) => t.target)).toEqual([
        { kind: 'element', id: 'pg-1' },
        { kind: 'point', x: -3.5, y: 7 },
      ]);
      expect(threads[0]!.comments.map((c) => c.body)).toEqual(['one', 'reply']);
      // Another design's thread is out of reach.
      expect(await comments.addComment(id, `${other}-t`, note('x'), 10)).toBeUndefined();
      expect(await comments.setResolved(id, `${other}-t`, 'Eve')).toBeUndefined();
      expect(
        await comments.createThread('no-such-design', { id: 'nope', target: { kind: 'point', x: 0, y: 0 }, first: note('x') }, 10),
      ).toBeUndefined();
    });

    it('resolves, reopens, edits and deletes; the last comment takes its thread along', async () => {
      const id = nextId();
      await repo.createDesign(id, { document: doc('c') }, []);
      const t = await comments.createThread(id, { id: `${id}-t`, target: { kind: 'element', id: 'pg-1' }, first: note('first') }, 10);
      if (!t || 'over' in t) throw new Error('expected a thread');
      expect(await comments.setResolved(id, t.id, 'Bob')).toMatchObject({ resolvedBy: 'Bob', resolvedAt: expect.any(String) });
      expect(await comments.setResolved(id, t.id, null)).toMatchObject({ resolvedBy: null, resolvedAt: null });
      const edited = await comments.editComment(id, t.id, t.comments[0]!.id, 'first, edited');
      expect(edited).toMatchObject({ body: 'first, edited', editedAt: expect.any(String) });
      const second = await comments.addComment(id, t.id, note('second'), 10);
      if (!second || 'over' in second) throw new Error('expected a comment');
      expect(await comments.deleteComment(id, t.id, t.comments[0]!.id)).toBe(true);
      expect((await comments.getThread(id, t.id))!.comments.map((c) => c.body)).toEqual(['second']);
      expect(await comments.deleteComment(id, t.id, second.id)).toBe(true);
      expect(await comments.getThread(id, t.id)).toBeUndefined();
      expect(await comments.deleteComment(id, t.id, second.id)).toBe(false);
    });

    it('enforces the counts in the writing transaction, also when writers race', async () => {
      const id = nextId();
      await repo.createDesign(id, { document: doc('c') }, []);
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          comments.createThread(id, { id: `${id}-r${i}`, target: { kind: 'point', x: i, y: i }, first: note(`t${i}`) }, 4),
        ),
      );
      expect(results.filter((r) => r && !('over' in r))).toHaveLength(4);
      expect(results.filter((r) => r && 'over' in r)).toEqual([
        { over: 'threads', max: 4, actual: 4 },
        { over: 'threads', max: 4, actual: 4 },
      ]);
      expect(await comments.listThreads(id)).toHaveLength(4);
      const t = (await comments.listThreads(id))[0]!;
      expect(await comments.addComment(id, t.id, note('2'), 2)).toMatchObject({ body: '2' });
      expect(await comments.addComment(id, t.id, note('3'), 2)).toEqual({ over: 'comments', max: 2, actual: 2 });
    });

    it('goes with its design (ON DELETE CASCADE)', async () => {
      // Not in `written`: the restart test checks those are still there.
      const id = `cascade-${Date.now().toString(36)}`;
      await repo.createDesign(id, { document: doc('c') }, []);
      await comments.createThread(id, { id: `${id}-t`, target: { kind: 'element', id: 'x' }, first: note('bye') }, 10);
      await driver.query('DELETE FROM designs WHERE id = $1', [id]);
      expect(await comments.listThreads(id)).toEqual([]);
      const { rows } = await driver.query('SELECT id FROM comments WHERE design_id = $1', [id]);
      expect(rows).toEqual([]);
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
          expect((await call(second, { method: 'GET', url: `/api/designs/${id}`, headers: bearer(share.body.token) })).status).toBe(410);
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
