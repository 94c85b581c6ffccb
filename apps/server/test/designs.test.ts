/**
 * inject() tests of stored designs and share links: versions, optimistic concurrency with
 * If-Match/ETag, tokens (view cannot write, revocation and expiry take effect at once), and
 * every error path. The repository suite covers the same storage against PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ViplaneServer } from '../src/app.ts';
import type { Driver } from '../src/db/drivers/types.ts';
import { largeDesign, smallDesign } from './fixtures.ts';
import { STARTUP_TIMEOUT, bearer, buildTestApp, call, openMemoryDriver, type Json } from './helper.ts';

// Apps and databases start slowly on a loaded 2-core CI machine.
vi.setConfig({ testTimeout: 60_000 });

let driver: Driver;
let app: ViplaneServer;

beforeAll(async () => {
  driver = await openMemoryDriver();
  app = await buildTestApp(driver);
}, STARTUP_TIMEOUT);

afterAll(async () => {
  await app?.close();
  await driver?.close();
});

afterEach(() => {
  vi.useRealTimers();
});

interface Created {
  id: string;
  editToken: string;
  viewToken: string;
}

async function create(name = 'Design'): Promise<Created> {
  const res = await call(app, { method: 'POST', url: '/api/designs', payload: smallDesign(name) });
  expect(res.status).toBe(201);
  return res.body;
}

const get = (id: string, token?: string) => call(app, { method: 'GET', url: `/api/designs/${id}`, headers: token ? bearer(token) : {} });
/** `ifMatch: null` sends no If-Match header. */
const put = (id: string, token: string, name: string, ifMatch: string | null = '"1"') =>
  call(app, {
    method: 'PUT',
    url: `/api/designs/${id}`,
    headers: { ...bearer(token), ...(ifMatch === null ? {} : { 'if-match': ifMatch }) },
    payload: smallDesign(name),
  });

describe('POST /api/designs', () => {
  it('stores a design and returns its id, an edit token and a view token', async () => {
    const res = await call(app, { method: 'POST', url: '/api/designs', payload: smallDesign('New') });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'New', version: 1, size: JSON.stringify(smallDesign('New')).length });
    expect(res.body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // 16 characters of link id, then 256 bits of secret in base64url.
    expect(res.body.editToken).toMatch(/^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/);
    expect(res.body.viewToken).toMatch(/^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/);
    expect(res.body.editToken).not.toBe(res.body.viewToken);
    expect(res.res.headers.etag).toBe('"1"');
    expect(res.res.headers.location).toBe(`/api/designs/${res.body.id}`);
  });

  it('rejects an invalid document with restore() errors', async () => {
    const res = await call(app, { method: 'POST', url: '/api/designs', payload: { ...smallDesign(), name: 42 } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_DOCUMENT', errors: [{ path: '/name', value: 42 }] });
  });

  it('stores only a hash of each token', async () => {
    const { editToken, viewToken } = await create();
    const { rows } = await driver.query<Json>('SELECT * FROM share_links');
    const stored = JSON.stringify(rows);
    for (const token of [editToken, viewToken]) {
      expect(stored).not.toContain(token.split('.')[1]);
    }
  });
});

describe('GET /api/designs/:id', () => {
  it('returns the current version with its ETag to a view or edit token', async () => {
    const { id, viewToken, editToken } = await create('Readable');
    const res = await get(id, viewToken);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, name: 'Readable', version: 1, access: 'view' });
    expect(res.body.document).toEqual(smallDesign('Readable'));
    expect(res.res.headers.etag).toBe('"1"');
    expect(res.res.headers['cache-control']).toContain('no-store');
    expect((await get(id, editToken)).body.access).toBe('edit');
  });

  it('needs a token (401), and answers 404 for a wrong token, another design, an unknown id or a bad token', async () => {
    const a = await create('A');
    const b = await create('B');
    const none = await get(a.id);
    expect(none.status).toBe(401);
    expect(none.res.headers['www-authenticate']).toContain('Bearer');
    expect(none.body.code).toBe('TOKEN_REQUIRED');

    const forged = `${a.viewToken.split('.')[0]}.${'x'.repeat(43)}`;
    for (const [id, token] of [
      [a.id, forged],
      [a.id, b.viewToken],
      ['unknownDesignId', a.viewToken],
      [a.id, 'not-a-token'],
    ] as const) {
      const res = await get(id, token);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await call(app, { method: 'GET', url: '/api/designs/a', headers: { authorization: `Basic ${a.viewToken}` } })).status).toBe(
      401,
    );
  });

  it('answers 400 for an id that cannot be one', async () => {
    const { viewToken } = await create();
    const res = await get('bad%20id!', viewToken);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ in: 'params', path: '/id' });
  });
});

describe('PUT /api/designs/:id', () => {
  it('saves a new version when If-Match names the current one', async () => {
    const { id, editToken, viewToken } = await create('v1');
    const res = await put(id, editToken, 'v2', '"1"');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, version: 2, name: 'v2' });
    expect(res.res.headers.etag).toBe('"2"');
    expect((await get(id, viewToken)).body).toMatchObject({ version: 2, name: 'v2' });
    // A bare version number is accepted too.
    expect((await put(id, editToken, 'v3', '2')).status).toBe(200);
  });

  it('answers 412 with the current version to a stale If-Match, overwriting nothing', async () => {
    const { id, editToken, viewToken } = await create('v1');
    await put(id, editToken, 'v2', '"1"');
    const stale = await put(id, editToken, 'stale', '"1"');
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2, current: { version: 2, name: 'v2' } });
    expect(stale.body.current.document).toEqual(smallDesign('v2'));
    expect(stale.res.headers.etag).toBe('"2"');
    expect((await get(id, viewToken)).body).toMatchObject({ version: 2, name: 'v2' });
  });

  it('lets exactly one of two concurrent writers of one version win; the other gets 412 and no version is lost', async () => {
    const { id, editToken, viewToken } = await create('base');
    const [a, b] = await Promise.all([put(id, editToken, 'writer A', '"1"'), put(id, editToken, 'writer B', '"1"')]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? 'writer A' : 'writer B';
    const loser = a.status === 200 ? b : a;
    expect(loser.body.current).toMatchObject({ version: 2, name: winner });

    const versions = await call(app, { method: 'GET', url: `/api/designs/${id}/versions`, headers: bearer(viewToken) });
    expect(versions.body.versions.map((v: Json) => [v.version, v.name])).toEqual([
      [2, winner],
      [1, 'base'],
    ]);
    // The loser merges and saves on top of the winner: both edits are in the history.
    expect((await put(id, editToken, 'merged', loser.res.headers.etag as string)).status).toBe(200);
  });

  it('needs If-Match (428) in a valid form (400)', async () => {
    const { id, editToken } = await create();
    const missing = await put(id, editToken, 'x', null);
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
    const weak = await put(id, editToken, 'x', 'W/"1"');
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0]).toMatchObject({ in: 'headers', value: 'W/"1"' });
    expect((await put(id, editToken, 'x', '*')).status).toBe(400);
  });

  it('never lets a view token write (403), and a bad token cannot either (404)', async () => {
    const { id, viewToken, editToken } = await create('untouched');
    const res = await put(id, viewToken, 'hacked', '"1"');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('VIEW_ONLY');
    expect((await put(id, `${editToken.split('.')[0]}.${'y'.repeat(43)}`, 'hacked', '"1"')).status).toBe(404);
    expect((await get(id, viewToken)).body).toMatchObject({ version: 1, name: 'untouched' });
  });

  it('rejects invalid, malformed and oversized bodies and keeps serving', async () => {
    const { id, editToken, viewToken } = await create('kept');
    const invalid = await call(app, {
      method: 'PUT',
      url: `/api/designs/${id}`,
      headers: { ...bearer(editToken), 'if-match': '"1"' },
      payload: { ...smallDesign(), elements: [{ kind: 'spaceship' }] },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0]).toMatchObject({ path: '/elements/0/kind', value: 'spaceship' });

    const malformed = await call(app, {
      method: 'PUT',
      url: `/api/designs/${id}`,
      headers: { ...bearer(editToken), 'if-match': '"1"', 'content-type': 'application/json' },
      payload: '{"schemaVersion":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');

    const small = await buildTestApp(driver, { bodyLimit: 20_000 });
    try {
      const big = await call(small, {
        method: 'PUT',
        url: `/api/designs/${id}`,
        headers: { ...bearer(editToken), 'if-match': '"1"' },
        payload: largeDesign(),
      });
      expect(big.status).toBe(413);
      expect((await call(small, { method: 'GET', url: `/api/designs/${id}`, headers: bearer(viewToken) })).status).toBe(200);
    } finally {
      await small.close();
    }
    expect((await get(id, viewToken)).body).toMatchObject({ version: 1, name: 'kept' });
  });

  it('answers 404 for an unknown design', async () => {
    const { editToken } = await create();
    expect((await put('noSuchDesign', editToken, 'x', '"1"')).status).toBe(404);
  });
});

describe('versions', () => {
  async function withVersions(count: number): Promise<Created> {
    const created = await create('v1');
    for (let v = 1; v < count; v++) expect((await put(created.id, created.editToken, `v${v + 1}`, `"${v}"`)).status).toBe(200);
    return created;
  }

  it('lists versions newest first, with paging', async () => {
    const { id, viewToken } = await withVersions(4);
    const all = await call(app, { method: 'GET', url: `/api/designs/${id}/versions`, headers: bearer(viewToken) });
    expect(all.status).toBe(200);
    expect(all.body.versions.map((v: Json) => v.version)).toEqual([4, 3, 2, 1]);
    expect(all.body.versions[0]).toEqual({
      version: 4,
      name: 'v4',
      size: expect.any(Number),
      createdAt: expect.any(String),
      restoredFrom: null,
      savedBy: { linkId: expect.any(String), label: 'created with the design' },
    });
    const page = await call(app, { method: 'GET', url: `/api/designs/${id}/versions?limit=2&before=4`, headers: bearer(viewToken) });
    expect(page.body.versions.map((v: Json) => v.version)).toEqual([3, 2]);
    const bad = await call(app, { method: 'GET', url: `/api/designs/${id}/versions?limit=5000`, headers: bearer(viewToken) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ in: 'querystring', path: '/limit', value: '5000' });
  });

  it('reads one version; unknown versions are 404 and impossible ones 400', async () => {
    const { id, viewToken } = await withVersions(3);
    const v2 = await call(app, { method: 'GET', url: `/api/designs/${id}/versions/2`, headers: bearer(viewToken) });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ version: 2, name: 'v2' });
    expect(v2.body.document).toEqual(smallDesign('v2'));
    expect((await call(app, { method: 'GET', url: `/api/designs/${id}/versions/9`, headers: bearer(viewToken) })).status).toBe(404);
    expect((await call(app, { method: 'GET', url: `/api/designs/${id}/versions/0`, headers: bearer(viewToken) })).status).toBe(400);
    expect((await call(app, { method: 'GET', url: `/api/designs/${id}/versions/2` })).status).toBe(401);
  });

  it('restores an old version as a new one, keeping the history', async () => {
    const { id, editToken, viewToken } = await withVersions(3);
    const restore = (version: number, token: string, ifMatch?: string) =>
      call(app, {
        method: 'POST',
        url: `/api/designs/${id}/versions/${version}/restore`,
        headers: { ...bearer(token), ...(ifMatch ? { 'if-match': ifMatch } : {}) },
      });

    const res = await restore(1, editToken);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 4, name: 'v1' });
    expect(res.res.headers.etag).toBe('"4"');
    const current = await get(id, viewToken);
    expect(current.body.document).toEqual(smallDesign('v1'));
    const versions = await call(app, { method: 'GET', url: `/api/designs/${id}/versions`, headers: bearer(viewToken) });
    expect(versions.body.versions[0]).toMatchObject({ version: 4, restoredFrom: 1 });

    expect((await restore(2, editToken, '"3"')).status).toBe(412);
    expect((await restore(2, editToken, '"4"')).status).toBe(201);
    expect((await restore(2, viewToken)).status).toBe(403);
    expect((await restore(42, editToken)).status).toBe(404);
  });
});

describe('share links', () => {
  const share = (id: string, token: string, payload: Record<string, unknown>) =>
    call(app, { method: 'POST', url: `/api/designs/${id}/shares`, headers: bearer(token), payload });
  const list = (id: string, token: string) => call(app, { method: 'GET', url: `/api/designs/${id}/shares`, headers: bearer(token) });
  const revoke = (id: string, token: string, linkId: string) =>
    call(app, { method: 'DELETE', url: `/api/designs/${id}/shares/${linkId}`, headers: bearer(token) });

  it('creates view and edit links with an edit token; the new tokens work by their scope', async () => {
    const { id, editToken } = await create('shared');
    const view = await share(id, editToken, { scope: 'view', label: 'for review' });
    expect(view.status).toBe(201);
    expect(view.body).toMatchObject({ scope: 'view', label: 'for review', expiresAt: null, revokedAt: null, active: true });
    expect(view.body.token.startsWith(`${view.body.id}.`)).toBe(true);
    expect((await get(id, view.body.token)).body.access).toBe('view');
    expect((await put(id, view.body.token, 'nope', '"1"')).status).toBe(403);

    const edit = await share(id, editToken, { scope: 'edit' });
    expect(edit.status).toBe(201);
    expect((await put(id, edit.body.token, 'by a collaborator', '"1"')).status).toBe(200);
  });

  it('lists links without their tokens', async () => {
    const { id, editToken } = await create();
    await share(id, editToken, { scope: 'view' });
    const res = await list(id, editToken);
    expect(res.status).toBe(200);
    expect(res.body.shares).toHaveLength(3);
    for (const link of res.body.shares) {
      expect(Object.keys(link).sort()).toEqual(['active', 'createdAt', 'expiresAt', 'id', 'label', 'lastUsedAt', 'revokedAt', 'scope']);
    }
  });

  it('revokes a link: the token gets 410 SHARE_REVOKED at once', async () => {
    const { id, editToken, viewToken } = await create();
    const link = await share(id, editToken, { scope: 'edit' });
    expect((await get(id, link.body.token)).status).toBe(200);
    const res = await revoke(id, editToken, link.body.id);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    const gone = await get(id, link.body.token);
    expect(gone.status).toBe(410);
    expect(gone.body).toMatchObject({ code: 'SHARE_REVOKED', revokedAt: expect.any(String) });
    expect((await put(id, link.body.token, 'x', '"1"')).body.code).toBe('SHARE_REVOKED');
    // Only a holder of the real token learns it was revoked: a wrong secret with its link id is still 404.
    expect((await get(id, `${link.body.id}.${'z'.repeat(43)}`)).status).toBe(404);
    expect((await list(id, editToken)).body.shares.find((l: Json) => l.id === link.body.id)).toMatchObject({
      active: false,
      revokedAt: expect.any(String),
    });
    // Others keep working; revoking again is fine; unknown links are 404.
    expect((await get(id, viewToken)).status).toBe(200);
    expect((await revoke(id, editToken, link.body.id)).status).toBe(204);
    expect((await revoke(id, editToken, 'noSuchLink')).status).toBe(404);
  });

  it('revoking the creator view token stops it too', async () => {
    const { id, editToken, viewToken } = await create();
    const links = (await list(id, editToken)).body.shares as Json[];
    const viewLink = links.find((l) => l.scope === 'view');
    expect((await revoke(id, editToken, viewLink.id)).status).toBe(204);
    expect((await get(id, viewToken)).status).toBe(410);
  });

  it('does not let a view token create, list or revoke links', async () => {
    const { id, editToken, viewToken } = await create();
    expect((await share(id, viewToken, { scope: 'edit' })).status).toBe(403);
    expect((await list(id, viewToken)).status).toBe(403);
    const links = (await list(id, editToken)).body.shares as Json[];
    expect((await revoke(id, viewToken, links[0].id)).status).toBe(403);
    expect((await list(id, editToken)).body.shares.every((l: Json) => l.active)).toBe(true);
  });

  it('does not let a token of one design manage links of another', async () => {
    const a = await create('A');
    const b = await create('B');
    expect((await share(b.id, a.editToken, { scope: 'view' })).status).toBe(404);
    const bLinks = (await list(b.id, b.editToken)).body.shares as Json[];
    expect((await revoke(a.id, a.editToken, bLinks[0].id)).status).toBe(404);
  });

  it('expires links: valid before expiresAt, 410 SHARE_EXPIRED after', async () => {
    const { id, editToken } = await create();
    const inSeconds = await share(id, editToken, { scope: 'view', expiresInSeconds: 3600 });
    expect(inSeconds.status).toBe(201);
    expect(Date.parse(inSeconds.body.expiresAt) - Date.now()).toBeGreaterThan(3500_000);
    const at = new Date(Date.now() + 2 * 3600_000).toISOString();
    const atDate = await share(id, editToken, { scope: 'edit', expiresAt: at });
    expect(Date.parse(atDate.body.expiresAt)).toBe(Date.parse(at));
    expect((await get(id, inSeconds.body.token)).status).toBe(200);

    // Only Date is faked: timers and I/O stay real.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3601_000 });
    const expired = await get(id, inSeconds.body.token);
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ code: 'SHARE_EXPIRED', expiresAt: inSeconds.body.expiresAt });
    expect((await get(id, atDate.body.token)).status).toBe(200);
    expect((await list(id, editToken)).body.shares.find((l: Json) => l.id === inSeconds.body.id).active).toBe(false);
    vi.setSystemTime(Date.now() + 3600_000);
    expect((await put(id, atDate.body.token, 'late', '"1"')).body.code).toBe('SHARE_EXPIRED');
  });

  it('rejects bad link requests with 400', async () => {
    const { id, editToken } = await create();
    const past = await share(id, editToken, { scope: 'view', expiresAt: '2001-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.errors[0]).toMatchObject({ path: '/expiresAt' });
    expect((await share(id, editToken, { scope: 'view', expiresAt: 'tomorrow' })).status).toBe(400);
    expect(
      (await share(id, editToken, { scope: 'view', expiresAt: new Date(Date.now() + 60_000).toISOString(), expiresInSeconds: 60 })).status,
    ).toBe(400);
    expect((await share(id, editToken, { scope: 'admin' })).status).toBe(400);
    expect((await share(id, editToken, { scope: 'view', extra: true })).status).toBe(400);
  });
});
