/**
 * Two app instances on one real PostgreSQL (a database created for this run and dropped after): an
 * edit in a session on one reaches a session on the other through LISTEN/NOTIFY, presence too, and
 * revoking a link on one closes its session on the other at once; a presence client id held on one
 * cannot be taken over from the other.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { CLOSE, awarenessFrame } from '@viplane/sync';
import type { ViplaneServer } from '../src/app.ts';
import { openPostgres } from '../src/db/drivers/postgres.ts';
import type { Driver } from '../src/db/drivers/types.ts';
import { bearer, buildTestApp, call, STARTUP_TIMEOUT } from './helper.ts';
import { smallDesign } from './fixtures.ts';
import { LiveClient } from './liveClient.ts';
import { writeAwarenessEntries } from '../src/live/presenceOwners.ts';
import { probePostgres, REQUIRE_POSTGRES, TEST_DATABASE_URL } from './postgres.ts';

const probe = await probePostgres();
if (!probe.ok && REQUIRE_POSTGRES) throw new Error(probe.reason);
if (!probe.ok) console.warn(`live-postgres tests skipped: ${probe.reason}`);

const database = `viplane_live_${process.pid}_${randomBytes(4).toString('hex')}`;
const admin = () => new pg.Client({ connectionString: TEST_DATABASE_URL });
const url = (() => {
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${database}`;
  return u.toString();
})();

const apps: { app: ViplaneServer; driver: Driver; base: string }[] = [];
const clients: LiveClient[] = [];

describe.runIf(probe.ok)('live sessions across two instances on PostgreSQL', () => {
  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE ${database}`);
    await c.end();
    for (let i = 0; i < 2; i++) {
      const driver = await openPostgres({ connectionString: url });
      const app = await buildTestApp(driver, { live: { idleSaveMs: 60_000 } });
      apps.push({ app, driver, base: await app.listen({ port: 0, host: '127.0.0.1' }) });
    }
  }, STARTUP_TIMEOUT);

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const { app, driver } of apps) {
      await app.close();
      await driver.close();
    }
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await c.end();
  });

  async function create() {
    const res = await call(apps[0]!.app, { method: 'POST', url: '/api/designs', payload: smallDesign('Fan-out') });
    expect(res.status).toBe(201);
    return res.body as { id: string; editToken: string; viewToken: string };
  }

  async function join(instance: number, id: string, token: string) {
    const client = await LiveClient.connect(apps[instance]!.base, id, token);
    clients.push(client);
    await client.ready();
    return client;
  }

  it('fans an edit and presence out to a session on the other instance', async () => {
    const { id, editToken, viewToken } = await create();
    const a = await join(0, id, editToken);
    const b = await join(1, id, viewToken);
    a.edit((doc) => (doc.elements[0]!.name = 'from-instance-0'));
    await b.until(() => b.document().elements[0]!.name === 'from-instance-0', 5000, 'the edit on instance 1');
    a.awareness.setLocalState({ name: 'Grace', color: '#4363d8', cursor: { x: 5, y: 5 }, selection: [], viewport: null });
    await b.until(() => [...b.awareness.getStates().values()].some((s) => s['name'] === 'Grace'), 5000, 'presence on instance 1');
    // And back: an editor on instance 1.
    const c = await join(1, id, editToken);
    c.edit((doc) => (doc.description = 'from-instance-1'));
    await a.until(() => a.document().description === 'from-instance-1', 5000, 'the edit on instance 0');
    expect(a.document().elements[0]!.name).toBe('from-instance-0');
  });

  it('closes a session on the other instance when its link is revoked', async () => {
    const { id, editToken } = await create();
    const link = await call(apps[0]!.app, {
      method: 'POST',
      url: `/api/designs/${id}/shares`,
      headers: bearer(editToken),
      payload: { scope: 'edit' },
    });
    const session = await join(1, id, link.body.token);
    const started = Date.now();
    const res = await call(apps[0]!.app, {
      method: 'DELETE',
      url: `/api/designs/${id}/shares/${link.body.id}`,
      headers: bearer(editToken),
    });
    expect(res.status).toBe(204);
    expect((await session.closed).code).toBe(CLOSE.revoked);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('delivers hub.publish events to sessions on every instance', async () => {
    const { id, viewToken } = await create();
    const a = await join(0, id, viewToken);
    const b = await join(1, id, viewToken);
    await apps[0]!.app.live.publish(id, { type: 'comments-changed' });
    await a.until(() => a.controls.some((c) => c.type === 'comments-changed'), 5000, 'event on instance 0');
    await b.until(() => b.controls.some((c) => c.type === 'comments-changed'), 5000, 'event on instance 1');
  });

  it('refuses, on the other instance, presence for a client id held by a connection on this one', async () => {
    const { id, editToken, viewToken } = await create();
    const a = await join(0, id, editToken);
    const here = await join(0, id, viewToken);
    const there = await join(1, id, viewToken);
    const mallory = await join(1, id, viewToken);
    a.awareness.setLocalState({ name: 'Ada', color: '#4363d8', cursor: null, selection: [], viewport: null });
    const has = (c: LiveClient, name: string) => [...c.awareness.getStates().values()].some((s) => s['name'] === name);
    await there.until(() => has(there, 'Ada'), 5000, 'Ada on instance 1');
    await mallory.until(() => has(mallory, 'Ada'), 5000, 'Ada at mallory');
    const state = JSON.stringify({ name: 'Mallory', color: '#4363d8', cursor: null, selection: [], viewport: null });
    mallory.sendRaw(awarenessFrame(writeAwarenessEntries([{ clientId: a.awareness.clientID, clock: 1000, state }])));
    await mallory.until(() => mallory.controls.some((c) => c.type === 'refused' && c.what === 'presence'), 5000, 'the refusal');
    await new Promise((r) => setTimeout(r, 300));
    for (const c of [here, there]) expect(c.awareness.getStates().get(a.awareness.clientID)?.['name']).toBe('Ada');
  });
});
