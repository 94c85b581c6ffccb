/**
 * Live sessions over real WebSockets on the embedded database: token authentication (header or first
 * message, never the URL), view links that cannot change the document even with crafted messages,
 * revocation closing open sessions, persistence across an app restart, idle and on-demand versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, SYNC_STEP2, syncFrame, updateFrame, writeDocument, readDocument } from '@viplane/sync';
import type { Driver } from '../src/db/drivers/types.ts';
import type { ViplaneServer } from '../src/app.ts';
import { bearer, buildTestApp, call, openMemoryDriver, STARTUP_TIMEOUT } from './helper.ts';
import { smallDesign } from './fixtures.ts';
import { LiveClient } from './liveClient.ts';
import { LIVE_LIMITS } from '../src/limits.ts';

let driver: Driver;
let app: ViplaneServer;
let base: string;
const clients: LiveClient[] = [];

async function start(): Promise<void> {
  app = await buildTestApp(driver, { live: { idleSaveMs: 300 } });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
}

beforeAll(async () => {
  driver = await openMemoryDriver();
  await start();
}, STARTUP_TIMEOUT);

afterAll(async () => {
  for (const c of clients) c.close();
  await app?.close();
  await driver?.close();
});

async function create(): Promise<{ id: string; editToken: string; viewToken: string }> {
  const res = await call(app, { method: 'POST', url: '/api/designs', payload: smallDesign('Live') });
  expect(res.status).toBe(201);
  return res.body;
}

async function join(id: string, token: string, via: 'header' | 'message' = 'header'): Promise<LiveClient> {
  const client = await LiveClient.connect(base, id, token, via);
  clients.push(client);
  return client;
}

describe('live sessions', () => {
  it('relays an edit between two editors and acknowledges it after storing it (token in the header or the first message)', async () => {
    const { id, editToken } = await create();
    const a = await join(id, editToken, 'header');
    const b = await join(id, editToken, 'message');
    await Promise.all([a.ready(), b.ready()]);
    expect(a.socket.protocol).toBe('viplane-live');
    a.edit((doc) => (doc.elements[0]!.name = 'renamed-live'));
    await a.acked(1);
    await b.until(() => b.document().elements[0]!.name === 'renamed-live', 5000, 'the edit at b');
    const { rows } = await driver.query<{ n: number }>('SELECT count(*)::int AS n FROM live_updates WHERE design_id = $1', [id]);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('refuses a missing, wrong or other design token with 4001', async () => {
    const { id } = await create();
    const other = await create();
    const wrong = await join(id, other.editToken);
    expect((await wrong.closed).code).toBe(CLOSE.unauthorised);
    const garbage = await join(id, 'not-a-token', 'message');
    expect((await garbage.closed).code).toBe(CLOSE.unauthorised);
  });

  it('closes a view session that sends a document update (update or step 2) with 4003, and nothing changes', async () => {
    const { id, editToken, viewToken } = await create();
    const editor = await join(id, editToken);
    await editor.ready();
    const before = JSON.stringify(editor.document());
    for (const kind of ['update', 'step2'] as const) {
      const viewer = await join(id, viewToken);
      await viewer.ready();
      expect(viewer.controls.find((c) => c.type === 'ready')).toMatchObject({ scope: 'view' });
      // A crafted update: rename an element in a copy of the document and send the Yjs update by hand.
      const forged = new Y.Doc();
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(viewer.doc));
      const updates: Uint8Array[] = [];
      forged.on('update', (u: Uint8Array) => updates.push(u));
      const doc = readDocument(forged);
      if (!doc.ok) throw new Error('unreadable');
      writeDocument(forged, { ...doc.document, name: 'forged by a viewer' });
      viewer.sendRaw(kind === 'update' ? updateFrame(updates[0]!) : syncFrame(SYNC_STEP2, updates[0]!));
      const closed = await viewer.closed;
      expect(closed.code).toBe(CLOSE.readOnly);
      expect(closed.reason).toMatch(/view link cannot change/);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(JSON.stringify(editor.document())).toBe(before);
    const { rows } = await driver.query<{ n: number }>('SELECT count(*)::int AS n FROM live_updates WHERE design_id = $1', [id]);
    expect(rows[0]!.n).toBe(0);
  });

  it('gives a view session the editors’ updates and presence', async () => {
    const { id, editToken, viewToken } = await create();
    const editor = await join(id, editToken);
    const viewer = await join(id, viewToken);
    await Promise.all([editor.ready(), viewer.ready()]);
    editor.awareness.setLocalState({ name: 'Ada', color: '#e6194b', cursor: { x: 1, y: 2 }, selection: [], viewport: null });
    editor.edit((doc) => (doc.description = 'seen by the viewer'));
    await viewer.until(() => viewer.document().description === 'seen by the viewer', 5000, 'update at the viewer');
    await viewer.until(() => [...viewer.awareness.getStates().values()].some((s) => s['name'] === 'Ada'), 5000, 'presence at the viewer');
  });

  it('closes the sessions of a revoked link at once with 4010', async () => {
    const { id, editToken } = await create();
    const link = await call(app, {
      method: 'POST',
      url: `/api/designs/${id}/shares`,
      headers: bearer(editToken),
      payload: { scope: 'edit' },
    });
    const session = await join(id, link.body.token);
    await session.ready();
    const res = await call(app, { method: 'DELETE', url: `/api/designs/${id}/shares/${link.body.id}`, headers: bearer(editToken) });
    expect(res.status).toBe(204);
    const closed = await session.closed;
    expect(closed.code).toBe(CLOSE.revoked);
  });

  it('closes on an unreadable frame (4002) and on an unknown control message', async () => {
    const { id, editToken } = await create();
    const a = await join(id, editToken);
    await a.ready();
    a.sendRaw(new Uint8Array([7, 1, 2]));
    expect((await a.closed).code).toBe(CLOSE.protocol);
    const b = await join(id, editToken);
    await b.ready();
    b.sendRaw(JSON.stringify({ type: 'rm -rf' }));
    expect((await b.closed).code).toBe(CLOSE.protocol);
  });

  it('makes a version when the session goes idle and on "save-version"; History shows it', async () => {
    const { id, editToken } = await create();
    const a = await join(id, editToken);
    await a.ready();
    a.edit((doc) => (doc.description = 'idle save'));
    await a.acked(1);
    await a.until(() => a.controls.some((c) => c.type === 'saved' && c.version === 2), 5000, 'idle version');
    const stored = await call(app, { method: 'GET', url: `/api/designs/${id}`, headers: bearer(editToken) });
    expect(stored.body.version).toBe(2);
    expect(stored.body.document.description).toBe('idle save');

    a.edit((doc) => (doc.description = 'saved on demand'));
    await a.acked(2);
    a.sendRaw(JSON.stringify({ type: 'save-version' }));
    await a.until(() => a.controls.some((c) => c.type === 'saved' && c.version === 3), 5000, 'version on demand');
    const versions = await call(app, { method: 'GET', url: `/api/designs/${id}/versions`, headers: bearer(editToken) });
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  });

  it('merges a version saved outside the session (REST) into it, without reverting live edits', async () => {
    const { id, editToken } = await create();
    const a = await join(id, editToken);
    await a.ready();
    a.edit((doc) => (doc.elements[0]!.name = 'live-edit'));
    await a.acked(1);
    const stored = (await call(app, { method: 'GET', url: `/api/designs/${id}`, headers: bearer(editToken) })).body;
    const rest = structuredClone(stored.document);
    rest.description = 'saved over REST';
    const put = await call(app, {
      method: 'PUT',
      url: `/api/designs/${id}`,
      headers: { ...bearer(editToken), 'if-match': `"${stored.version}"` },
      payload: rest,
    });
    expect(put.status).toBe(200);
    await a.until(() => a.document().description === 'saved over REST', 5000, 'the REST save in the session');
    expect(a.document().elements[0]!.name).toBe('live-edit');
  });

  it('loses nothing acknowledged across an app restart, and merges what a client edited while the server was down', async () => {
    const { id, editToken } = await create();
    const a = await join(id, editToken);
    await a.ready();
    a.edit((doc) => (doc.elements[0]!.name = 'before-restart'));
    await a.acked(1);
    await app.close();
    await a.closed;
    // Offline: the client keeps editing its Y.Doc.
    a.edit((doc) => (doc.description = 'edited offline'));
    await start();
    const b = await join(id, editToken);
    await b.ready();
    expect(b.document().elements[0]!.name).toBe('before-restart');
    // The offline client reconnects with its own Y.Doc: the server asks for what it lacks.
    const back = await LiveClient.connect(base, id, editToken, 'header', Y.encodeStateAsUpdate(a.doc));
    clients.push(back);
    await back.ready();
    await b.until(() => b.document().description === 'edited offline', 5000, 'the offline edit');
    expect(b.document().elements[0]!.name).toBe('before-restart');
  });

  it('answers a session beyond the participant limit with 4009', async () => {
    const { id, viewToken } = await create();
    const full = await Promise.all(Array.from({ length: LIVE_LIMITS.participantsPerDesign }, () => join(id, viewToken)));
    await Promise.all(full.map((c) => c.ready()));
    const extra = await join(id, viewToken);
    const closed = await extra.closed;
    expect(closed.code).toBe(CLOSE.full);
    expect(closed.reason).toContain(String(LIVE_LIMITS.participantsPerDesign));
    for (const c of full) c.close();
  });

  it('closes a connection that sends updates faster than the limit with 4008', async () => {
    const { id, editToken } = await create();
    const a = await join(id, editToken);
    await a.ready();
    for (let i = 0; i <= LIVE_LIMITS.updateBurst + 5; i++) a.edit((doc) => (doc.description = `burst ${i}`));
    const closed = await a.closed;
    expect(closed.code).toBe(CLOSE.rateLimited);
  });
});
