/**
 * Live sessions over real WebSockets on the embedded database: token authentication (header or first
 * message, never the URL), view links that cannot change the document even with crafted messages,
 * revocation closing open sessions, persistence across an app restart, idle and on-demand versions,
 * presence client ids bound to their connection, and updates after which the document would not
 * restore refused (not stored, not relayed) with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import {
  CLOSE,
  LIVE_PROTOCOL,
  SYNC_STEP2,
  TOKEN_PROTOCOL_PREFIX,
  awarenessFrame,
  shared,
  syncFrame,
  updateFrame,
  writeDocument,
  readDocument,
} from '@viplane/sync';
import type { TopologyDocument } from '@viplane/model';
import type { Driver } from '../src/db/drivers/types.ts';
import type { ViplaneServer } from '../src/app.ts';
import { bearer, buildTestApp, call, openMemoryDriver, STARTUP_TIMEOUT } from './helper.ts';
import { smallDesign } from './fixtures.ts';
import { LiveClient } from './liveClient.ts';
import { LIVE_LIMITS } from '../src/limits.ts';
import { writeAwarenessEntries } from '../src/live/presenceOwners.ts';

const names = (c: LiveClient) => [...c.awareness.getStates().values()].map((s) => s['name']);
const presence = (name: string) => ({ name, color: '#e6194b', cursor: { x: 1, y: 2 }, selection: [], viewport: null });
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
/** The last acknowledgement count a client got (its answer to the server's sync step 1 counts as one). */
const acks = (c: LiveClient) => Math.max(0, ...c.controls.map((m) => (m.type === 'ack' ? m.count : 0)));

let driver: Driver;
let app: ViplaneServer;
let base: string;
const clients: LiveClient[] = [];

async function start(): Promise<void> {
  app = await buildTestApp(driver, { live: { idleSaveMs: 300, heartbeatMs: 400 } });
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

  it('binds presence client ids to the connection that announced them: another cannot set or remove them', async () => {
    const { id, editToken, viewToken } = await create();
    const a = await join(id, editToken);
    const observer = await join(id, viewToken);
    const mallory = await join(id, viewToken);
    await Promise.all([a.ready(), observer.ready(), mallory.ready()]);
    a.awareness.setLocalState(presence('Ada'));
    await observer.until(() => names(observer).includes('Ada'), 5000, 'Ada at the observer');
    await mallory.until(() => names(mallory).includes('Ada'), 5000, 'Ada at mallory');
    const victim = a.awareness.clientID;

    // A crafted awareness message from a view link: rename Ada's cursor, with a clock far ahead.
    mallory.sendRaw(
      awarenessFrame(writeAwarenessEntries([{ clientId: victim, clock: 1000, state: JSON.stringify(presence('Mallory as Ada')) }])),
    );
    await mallory.until(() => mallory.controls.some((c) => c.type === 'refused'), 5000, 'the refusal');
    expect(mallory.controls.find((c) => c.type === 'refused')).toMatchObject({ what: 'presence', clientId: victim });
    // …and remove it; mixed with an id of its own, the whole message is dropped.
    mallory.sendRaw(
      awarenessFrame(
        writeAwarenessEntries([
          { clientId: 424242, clock: 1, state: JSON.stringify(presence('Mallory')) },
          { clientId: victim, clock: 1001, state: 'null' },
        ]),
      ),
    );
    await mallory.until(() => mallory.controls.filter((c) => c.type === 'refused').length === 2, 5000, 'the second refusal');
    await settle();
    expect(observer.awareness.getStates().get(victim)?.['name']).toBe('Ada');
    expect(names(observer)).not.toContain('Mallory');
    expect(mallory.socket.readyState).toBe(mallory.socket.OPEN);

    // A view link publishes its own presence, and may change it.
    mallory.awareness.setLocalState(presence('Vic'));
    await observer.until(() => names(observer).includes('Vic'), 5000, 'the viewer’s own presence');
    mallory.awareness.setLocalState(presence('Vic 2'));
    await observer.until(() => names(observer).includes('Vic 2'), 5000, 'the viewer’s changed presence');

    // The binding ends with the connection: Ada's state goes, and her id may be announced again.
    a.close();
    await observer.until(() => !observer.awareness.getStates().has(victim), 5000, 'Ada removed');
    const again = await join(id, viewToken);
    await again.ready();
    again.sendRaw(awarenessFrame(writeAwarenessEntries([{ clientId: victim, clock: 5000, state: JSON.stringify(presence('Ada again')) }])));
    await observer.until(() => names(observer).includes('Ada again'), 5000, 'the released id taken by a new connection');
    expect(again.controls.some((c) => c.type === 'refused')).toBe(false);
  });

  it('refuses one of two concurrent additions that together pass a list limit; both peers end with the same restorable document', async () => {
    const { id, editToken } = await create();
    const a = await join(id, editToken);
    const b = await join(id, editToken);
    await Promise.all([a.ready(), b.ready()]);
    // An SE group's labels allow 32: start with 31.
    await Promise.all([a, b].map((c) => c.acked(1)));
    const seGroupIndex = a.document().elements.findIndex((e) => e.kind === 'seGroup');
    type Label = { key: string; value: string };
    const labels = (doc: TopologyDocument) => (doc.elements[seGroupIndex]!.props as { labels?: Label[] }).labels ?? [];
    a.edit(
      (doc) =>
        ((doc.elements[seGroupIndex]!.props as { labels?: Label[] }).labels = Array.from({ length: 31 }, (_, i) => ({
          key: 'k',
          value: `v${i}`,
        }))),
    );
    await a.acked(acks(a) + 1);
    await b.until(() => labels(b.document()).length === 31, 5000, '31 labels at b');
    const acked = { a: acks(a), b: acks(b) };
    // Both add the 32nd before either hears of the other's.
    a.edit((doc) => labels(doc).push({ key: 'k', value: 'from-a' }));
    b.edit((doc) => labels(doc).push({ key: 'k', value: 'from-b' }));
    const refusal = await Promise.race(
      [a, b].map(async (c) => {
        await c.until(() => c.controls.some((m) => m.type === 'refused'), 5000, 'a refusal');
        return c;
      }),
    );
    const winner = refusal === a ? b : a;
    const refused = refusal.controls.find((m) => m.type === 'refused');
    expect(refused).toMatchObject({ what: 'update' });
    if (refused?.type !== 'refused' || refused.what !== 'update') throw new Error('no update refusal');
    expect(refused.errors[0]!.path).toBe(`/elements/${seGroupIndex}/props/labels`);
    expect(refused.message).toContain(`/elements/${seGroupIndex}/props/labels`);
    const closed = await refusal.closed;
    expect(closed.code).toBe(CLOSE.refused);
    expect(closed.reason).toMatch(/refused/);
    await winner.acked((winner === a ? acked.a : acked.b) + 1);
    expect(acks(refusal)).toBe(refusal === a ? acked.a : acked.b);

    // The refused client resyncs from the server without its edit; the server never relayed it.
    const resynced = await join(id, editToken);
    await resynced.ready();
    await settle();
    for (const doc of [resynced.document(), winner.document()]) {
      expect(labels(doc)).toHaveLength(32);
      expect(labels(doc).map((l) => l.value)).toContain(winner === a ? 'from-a' : 'from-b');
    }
    expect(Y.encodeStateAsUpdate(resynced.doc)).toEqual(Y.encodeStateAsUpdate(winner.doc));
    expect(JSON.stringify(resynced.document())).toBe(JSON.stringify(winner.document()));
    // And the stored log rebuilds the same document (the refused update was not stored).
    await app.close();
    await start();
    const after = await join(id, editToken);
    await after.ready();
    expect(JSON.stringify(after.document())).toBe(JSON.stringify(winner.document()));
  });

  it('refuses a crafted update that makes a field the wrong type, and nothing of it is stored or relayed', async () => {
    const { id, editToken } = await create();
    const a = await join(id, editToken);
    const b = await join(id, editToken);
    await Promise.all([a.ready(), b.ready()]);
    await Promise.all([a, b].map((c) => c.acked(1)));
    const before = JSON.stringify(b.document());
    const rows = async () =>
      (await driver.query<{ n: number }>('SELECT count(*)::int AS n FROM live_updates WHERE design_id = $1', [id])).rows[0]!.n;
    const stored = await rows();
    // The VLAN of the first port group as a string, written straight into a's Y.Doc (no restore() on the way).
    const index = a.document().elements.findIndex((e) => e.kind === 'portGroup');
    const element = shared(a.doc).elements.get(a.document().elements[index]!.id)!;
    (element.get('props') as Y.Map<unknown>).set('vlan', 'ten');
    const closed = await a.closed;
    expect(closed.code).toBe(CLOSE.refused);
    const refused = a.controls.find((m) => m.type === 'refused');
    if (refused?.type !== 'refused' || refused.what !== 'update') throw new Error('no update refusal');
    expect(refused.errors.some((e) => e.path === `/elements/${index}/props/vlan` && e.value === 'ten')).toBe(true);
    expect(refused.message).toContain('"ten"');
    await settle();
    expect(JSON.stringify(b.document())).toBe(before);
    expect(await rows()).toBe(stored);
    // The room goes on: a valid edit afterwards is taken.
    const count = acks(b);
    b.edit((doc) => (doc.description = 'still editable'));
    await b.acked(count + 1);
    expect(b.controls.some((m) => m.type === 'refused')).toBe(false);
  });

  it('ends a connection that stops answering pings, and with it its presence and the binding of its client id', async () => {
    const { id, editToken, viewToken } = await create();
    const observer = await join(id, viewToken);
    await observer.ready();
    // A peer that went away without a close: it never answers the server's pings.
    const dead = new WebSocket(
      `${base.replace(/^http/, 'ws')}/api/designs/${id}/live`,
      [LIVE_PROTOCOL, TOKEN_PROTOCOL_PREFIX + editToken],
      {
        autoPong: false,
      },
    );
    const ended = new Promise<number>((resolve) => dead.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      dead.on('message', (data, isBinary) => !isBinary && String(data).includes('"ready"') && resolve()),
    );
    dead.send(awarenessFrame(writeAwarenessEntries([{ clientId: 777, clock: 1, state: JSON.stringify(presence('Ghost')) }])));
    await observer.until(() => names(observer).includes('Ghost'), 5000, 'the ghost’s presence');
    const started = Date.now();
    expect(await ended).toBe(1006);
    expect(Date.now() - started).toBeLessThan(5000);
    await observer.until(() => !observer.awareness.getStates().has(777), 5000, 'the ghost removed');
    const next = await join(id, viewToken);
    await next.ready();
    next.sendRaw(awarenessFrame(writeAwarenessEntries([{ clientId: 777, clock: 10, state: JSON.stringify(presence('Back')) }])));
    await observer.until(() => names(observer).includes('Back'), 5000, 'the id free again');
  });
});
