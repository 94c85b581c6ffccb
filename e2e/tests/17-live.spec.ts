/**
 * Live co-editing across TWO server processes over one PostgreSQL (a database made for this spec and
 * dropped after): edits, cursors and comments cross, a view context cannot change the document (not even with a
 * crafted WebSocket message), revoking an edit link ends that context's editing at once, a context
 * that goes offline keeps its edit and merges it on reconnect, and an offline edit that would take a
 * list past its limit together with another context's is refused: that context resyncs and says why.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { test, expect, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { templates } from '@viplane/templates';
import { createSharedDocument, readDocument, updateFrame, writeDocument } from '@viplane/sync';
import { AppPage } from '../fixtures/AppPage.ts';

const ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const database = `viplane_e2e_live_${randomBytes(4).toString('hex')}`;
const servers: { process: ChildProcess; base: string }[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function startServer(databaseUrl: string): Promise<{ process: ChildProcess; base: string }> {
  const port = await freePort();
  // The server itself (not npx around it), so that SIGTERM in afterAll reaches it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      LIVE_IDLE_SAVE_MS: '1500',
      RATE_LIMIT_PER_IP: '100000',
      RATE_LIMIT_PER_TOKEN: '100000',
      RATE_LIMIT_CREATE_PER_IP: '10000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`server on ${port} did not start`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  return { process: child, base };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await admin(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  // One at a time: the first runs the migrations.
  servers.push(await startServer(url.toString()));
  servers.push(await startServer(url.toString()));
});

test.afterAll(async () => {
  for (const s of servers) s.process.kill('SIGTERM');
  await Promise.all(servers.map((s) => new Promise((r) => (s.process.exitCode !== null ? r(null) : s.process.once('exit', r)))));
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

interface Created {
  id: string;
  editToken: string;
  viewToken: string;
}

async function createDesign(doc = templates.find((t) => t.id === 'seed000-3net-alb')!.build()): Promise<Created> {
  const res = await fetch(`${servers[0]!.base}/api/designs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

async function shareLink(design: Created, scope: 'edit' | 'view'): Promise<{ id: string; token: string }> {
  const res = await fetch(`${servers[0]!.base}/api/designs/${design.id}/shares`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${design.editToken}` },
    body: JSON.stringify({ scope, label: 'e2e' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; token: string };
}

async function join(browser: Browser, server: number, design: Created, scope: 'edit' | 'view', token: string, name: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript((n) => {
    localStorage.setItem('viplane.name', n);
    // The name comments are signed with (asked once otherwise).
    localStorage.setItem('viplane.displayName', n);
    // Counts the live session's comment announcements, so a test can tell them from the 5 s poll.
    const w = window as unknown as { commentEvents: number };
    w.commentEvents = 0;
    window.addEventListener('viplane:comments-changed', () => w.commentEvents++);
  }, name);
  // Written for the free graph view (the network view has its own spec, 13): open links in it.
  await context.addInitScript(() => localStorage.setItem('viplane.view.last', 'graph'));
  const page = await context.newPage();
  await page.goto(`${servers[server]!.base}/#design=${design.id}&${scope}=${token}`);
  const app = new AppPage(page);
  await app.ready();
  await expect(page.getByTestId('live-bar')).toHaveAttribute('data-status', 'live');
  return { context, page, app };
}

const docName = (page: Page) => page.evaluate(() => (window.viplane!.document() as { name: string }).name);

async function renameNode(page: Page, id: string, name: string) {
  await page.getByTestId(`node-${id}`).locator('.vp-node-head').click();
  await page.getByTestId('inspector-name').fill(name);
  await page.getByTestId('inspector-name').blur();
}

test('an edit in one context appears in the other (two servers); cursors and participants too', async ({ browser }) => {
  const design = await createDesign();
  const a = await join(browser, 0, design, 'edit', design.editToken, 'Ada');
  const b = await join(browser, 1, design, 'edit', design.editToken, 'Bob');

  await a.page.getByTestId('doc-name').fill('renamed live by Ada');
  await a.page.getByTestId('doc-name').blur();
  await expect.poll(() => docName(b.page)).toBe('renamed live by Ada');
  await expect(b.page.getByTestId('doc-name')).toHaveValue('renamed live by Ada');

  await expect(b.page.getByTestId('live-person')).toContainText('Ada');
  const box = (await a.page.getByTestId('canvas').boundingBox())!;
  await a.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await a.page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 20);
  await expect(b.page.getByTestId('live-cursor')).toBeVisible();
  await expect(b.page.getByTestId('live-cursor')).toContainText('Ada');

  await a.context.close();
  await b.context.close();
});

const commentEvents = (page: Page) => page.evaluate(() => (window as unknown as { commentEvents: number }).commentEvents);

test('a comment thread made in one context appears in the other (two servers) without reload; a reply and resolve come back', async ({
  browser,
}) => {
  const design = await createDesign();
  const doc = templates.find((t) => t.id === 'seed000-3net-alb')!.build();
  const target = doc.elements.find((e) => e.kind === 'portGroup')!;
  const a = await join(browser, 0, design, 'edit', design.editToken, 'Ada');
  const b = await join(browser, 1, design, 'edit', design.editToken, 'Bob');

  await a.page.getByTestId(`node-${target.id}`).locator('.vp-node-head').click();
  await a.page.getByRole('button', { name: `Comment on ${target.name}` }).click();
  const form = a.page.getByRole('form', { name: `New comment on ${target.name}` });
  await form.getByLabel('Comment').fill('Which VLAN carries the VIPs?');
  await form.getByRole('button', { name: 'Post comment' }).click();
  await expect(a.page.getByTestId(`comment-marker-${target.id}`)).toHaveAttribute('data-open', '1');

  // Server 1 hears of it from server 0 through the bus, and tells context B (not its 5 s poll).
  await expect.poll(() => commentEvents(b.page), { timeout: 4000 }).toBeGreaterThan(0);
  const marker = b.page.getByRole('button', { name: `1 open comment thread on ${target.name}` });
  await expect(marker).toBeVisible({ timeout: 4000 });
  await marker.click();
  const threadAtB = b.page.getByTestId('comment-thread').filter({ hasText: target.name });
  await expect(threadAtB).toContainText('Ada');
  await expect(threadAtB).toContainText('Which VLAN carries the VIPs?');

  // B replies, then resolves: A sees both.
  await a.page.getByRole('button', { name: `1 open comment thread on ${target.name}` }).click();
  const threadAtA = a.page.getByTestId('comment-thread').filter({ hasText: target.name });
  await expect(threadAtA).toContainText('1 comment');
  const eventsAtA = await commentEvents(a.page);
  await threadAtB.getByRole('textbox', { name: 'Reply' }).fill('VLAN 20, the VIP network.');
  await threadAtB.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect.poll(() => commentEvents(a.page), { timeout: 4000 }).toBeGreaterThan(eventsAtA);
  await expect(threadAtA).toContainText('2 comments', { timeout: 4000 });
  await expect(threadAtA).toContainText('VLAN 20, the VIP network.');
  await threadAtB.getByRole('button', { name: 'Resolve' }).click();
  await expect(a.page.getByTestId(`comment-marker-${target.id}`)).toHaveAttribute('data-open', '0', { timeout: 4000 });

  await a.context.close();
  await b.context.close();
});

test('a view context cannot change the document, not even with a crafted message', async ({ browser }) => {
  const design = await createDesign();
  const a = await join(browser, 0, design, 'edit', design.editToken, 'Ada');
  const v = await join(browser, 1, design, 'view', design.viewToken, 'Vic');
  await expect(v.page.getByTestId('doc-name')).toBeDisabled();
  const before = await a.app.document();

  // A Yjs update renaming the design, built outside the app and sent on a view-token socket from the page.
  const forged = createSharedDocument(templates.find((t) => t.id === 'seed000-3net-alb')!.build());
  const updates: number[][] = [];
  forged.on('update', (u: Uint8Array) => updates.push([...updateFrame(u)]));
  const read = readDocument(forged);
  if (!read.ok) throw new Error('unreadable');
  writeDocument(forged, { ...read.document, name: 'forged by the viewer' });
  const closed = await v.page.evaluate(
    ({ url, token, frame }) =>
      new Promise<{ code: number; reason: string }>((resolve) => {
        const ws = new WebSocket(url, ['viplane-live', `token.${token}`]);
        ws.binaryType = 'arraybuffer';
        ws.onmessage = (e) => {
          if (typeof e.data === 'string' && (JSON.parse(e.data) as { type: string }).type === 'ready') ws.send(new Uint8Array(frame));
        };
        ws.onclose = (e) => resolve({ code: e.code, reason: e.reason });
      }),
    { url: `${servers[1]!.base.replace('http', 'ws')}/api/designs/${design.id}/live`, token: design.viewToken, frame: updates[0]! },
  );
  expect(closed.code).toBe(4003);
  await a.page.waitForTimeout(500);
  expect(await a.app.document()).toEqual(before);
  expect(await docName(v.page)).toBe(before.name);
  await a.context.close();
  await v.context.close();
});

test('revoking the edit link ends the other context’s editing at once', async ({ browser }) => {
  const design = await createDesign();
  const link = await shareLink(design, 'edit');
  const b = await join(browser, 1, design, 'edit', link.token, 'Bob');
  await expect(b.page.getByTestId('doc-name')).toBeEnabled();
  const res = await fetch(`${servers[0]!.base}/api/designs/${design.id}/shares/${link.id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${design.editToken}` },
  });
  expect(res.status).toBe(204);
  await expect(b.page.getByTestId('live-bar')).toHaveAttribute('data-status', 'ended', { timeout: 3000 });
  await expect(b.page.getByTestId('doc-name')).toBeDisabled();
  await expect(b.page.getByTestId('live-status')).toContainText('revoked');
  await b.context.close();
});

test('a context goes offline, edits, reconnects, and both edits survive', async ({ browser }) => {
  const design = await createDesign();
  const doc = templates.find((t) => t.id === 'seed000-3net-alb')!.build();
  const [first, second] = [doc.elements[0]!.id, doc.elements[1]!.id];
  const a = await join(browser, 0, design, 'edit', design.editToken, 'Ada');
  const b = await join(browser, 1, design, 'edit', design.editToken, 'Bob');

  await a.context.setOffline(true);
  await expect(a.page.getByTestId('live-bar')).toHaveAttribute('data-status', 'offline');
  await renameNode(a.page, first, 'edited-offline');
  await renameNode(b.page, second, 'edited-online');
  await a.context.setOffline(false);
  await expect(a.page.getByTestId('live-bar')).toHaveAttribute('data-status', 'live');

  for (const page of [a.page, b.page]) {
    await expect
      .poll(() =>
        page.evaluate(() => (window.viplane!.document() as { elements: { name: string }[] }).elements.slice(0, 2).map((e) => e.name)),
      )
      .toEqual(['edited-offline', 'edited-online']);
  }
  await a.context.close();
  await b.context.close();
});

test('an offline edit that would take a list past its limit together with another context’s is refused: that context resyncs and says why', async ({
  browser,
}) => {
  const doc = templates.find((t) => t.id === 'seed002-one-24')!.build();
  const tkc = doc.elements.find((e) => e.kind === 'tkc')!;
  // A TanzuKubernetesCluster allows 8 pod CIDR blocks: start with 7.
  const blocks = Array.from({ length: 7 }, (_, i) => `100.${96 + i}.0.0/16`);
  (tkc.props as { podCidrBlocks: string[] }).podCidrBlocks = blocks;
  const design = await createDesign(doc);
  const a = await join(browser, 0, design, 'edit', design.editToken, 'Ada');
  const b = await join(browser, 1, design, 'edit', design.editToken, 'Bob');
  const field = (page: Page) => page.getByTestId('field-podCidrBlocks');
  const podBlocks = (page: Page) =>
    page.evaluate(
      (id) =>
        (window.viplane!.document() as { elements: { id: string; props: { podCidrBlocks: string[] } }[] }).elements.find(
          (e) => e.id === id,
        )!.props.podCidrBlocks,
      tkc.id,
    );
  for (const page of [a.page, b.page]) await page.getByTestId(`node-${tkc.id}`).locator('.vp-node-head').click();

  await a.context.setOffline(true);
  await expect(a.page.getByTestId('live-bar')).toHaveAttribute('data-status', 'offline');
  await field(a.page).fill([...blocks, '100.120.0.0/16'].join('\n'));
  await field(a.page).blur();
  await field(b.page).fill([...blocks, '100.130.0.0/16'].join('\n'));
  await field(b.page).blur();
  // Bob's block is stored (the idle save made it a version, so server 0 has it too).
  await expect
    .poll(
      async () => {
        const res = await fetch(`${servers[0]!.base}/api/designs/${design.id}`, {
          headers: { authorization: `Bearer ${design.editToken}` },
        });
        const body = (await res.json()) as { document: { elements: { id: string; props: { podCidrBlocks?: string[] } }[] } };
        return body.document.elements.find((e) => e.id === tkc.id)!.props.podCidrBlocks;
      },
      { timeout: 15_000 },
    )
    .toContain('100.130.0.0/16');

  await a.context.setOffline(false);
  await expect(a.app.toast()).toContainText('Your last change was not applied', { timeout: 10_000 });
  await expect(a.app.toast()).toContainText('podCidrBlocks');
  await expect.poll(() => podBlocks(a.page), { timeout: 10_000 }).toEqual([...blocks, '100.130.0.0/16']);
  await expect(a.page.getByTestId('live-bar')).toHaveAttribute('data-status', 'live');
  expect(await podBlocks(b.page)).toEqual([...blocks, '100.130.0.0/16']);
  // Ada goes on editing from the shared version.
  await a.page.getByTestId('doc-name').fill('after the refusal');
  await a.page.getByTestId('doc-name').blur();
  await expect.poll(() => docName(b.page)).toBe('after the refusal');
  await a.context.close();
  await b.context.close();
});

/** Our live updates the server has not acknowledged, as kept in this browser (live/pendingStore.ts), and the document copies kept with them. */
const pendingStore = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ updates: number; documents: { elements: { id: string; name: string }[] }[] }>((resolve, reject) => {
        const req = indexedDB.open('viplane-live', 1);
        // Not made yet by the app: nothing kept (and nothing made here).
        req.onupgradeneeded = () => req.transaction!.abort();
        req.onerror = () => resolve({ updates: 0, documents: [] });
        req.onsuccess = () => {
          const t = req.result.transaction(['pending', 'documents'], 'readonly');
          const records = t.objectStore('pending').getAll();
          const documents = t.objectStore('documents').getAll();
          t.oncomplete = () => {
            resolve({
              updates: (records.result as { updates: unknown[] }[]).reduce((n, r) => n + r.updates.length, 0),
              documents: documents.result as never,
            });
            req.result.close();
          };
          t.onerror = () => reject(t.error);
        };
      }),
  );
const pendingUpdates = async (page: Page) => (await pendingStore(page)).updates;

const firstNames = (page: Page) =>
  page.evaluate(() => (window.viplane!.document() as { elements: { name: string }[] }).elements.slice(0, 2).map((e) => e.name));

test('a reload with edits the server never acknowledged rejoins the session and merges them', async ({ browser }) => {
  const design = await createDesign();
  const doc = templates.find((t) => t.id === 'seed000-3net-alb')!.build();
  const [first, second] = [doc.elements[0]!.id, doc.elements[1]!.id];
  const a = await join(browser, 0, design, 'edit', design.editToken, 'Ada');
  const b = await join(browser, 1, design, 'edit', design.editToken, 'Bob');
  // A's next live sockets can be held open with nothing coming back: no acknowledgement reaches it.
  let hold = false;
  await a.page.routeWebSocket(/\/live$/, (ws) => {
    if (!hold) ws.connectToServer();
  });

  await a.context.setOffline(true);
  await expect(a.page.getByTestId('live-bar')).toHaveAttribute('data-status', 'offline');
  await renameNode(a.page, first, 'edited-offline');
  await renameNode(b.page, second, 'edited-online');
  await expect.poll(() => pendingUpdates(a.page)).toBeGreaterThan(0);
  // Back online, but the socket is held: the edit is still unacknowledged when A reloads.
  hold = true;
  await a.context.setOffline(false);
  await a.page.waitForTimeout(500);
  expect(await pendingUpdates(a.page)).toBeGreaterThan(0);
  expect(await firstNames(b.page)).toEqual([doc.elements[0]!.name, 'edited-online']);

  hold = false;
  await a.page.reload();
  await a.app.ready();
  await expect(a.page.getByTestId('live-bar')).toHaveAttribute('data-status', 'live');
  for (const page of [a.page, b.page]) await expect.poll(() => firstNames(page)).toEqual(['edited-offline', 'edited-online']);
  // Acknowledged: nothing is kept any more, and the edit is the server's (a newcomer on the other server sees it).
  await expect.poll(() => pendingUpdates(a.page)).toBe(0);
  const c = await join(browser, 1, design, 'edit', design.editToken, 'Cy');
  await expect.poll(() => firstNames(c.page)).toEqual(['edited-offline', 'edited-online']);
  await a.context.close();
  await b.context.close();
  await c.context.close();
});

test('edits stranded by a link revoked while offline are offered as a design file', async ({ browser }) => {
  const design = await createDesign();
  const link = await shareLink(design, 'edit');
  const first = templates.find((t) => t.id === 'seed000-3net-alb')!.build().elements[0]!.id;
  const a = await join(browser, 0, design, 'edit', link.token, 'Ada');
  await a.context.setOffline(true);
  await expect(a.page.getByTestId('live-bar')).toHaveAttribute('data-status', 'offline');
  await renameNode(a.page, first, 'edited-before-revoke');
  await expect.poll(() => pendingUpdates(a.page)).toBeGreaterThan(0);
  await expect
    .poll(async () => (await pendingStore(a.page)).documents[0]?.elements.find((e) => e.id === first)?.name)
    .toBe('edited-before-revoke');
  const res = await fetch(`${servers[0]!.base}/api/designs/${design.id}/shares/${link.id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${design.editToken}` },
  });
  expect(res.status).toBe(204);
  await a.context.setOffline(false);
  await a.page.reload();
  await expect(a.page.getByTestId('link-gone')).toHaveAttribute('data-reason', 'revoked');
  const unsaved = a.page.getByTestId('unsaved-edits');
  await expect(unsaved).toContainText('edits the server never received');
  const download = a.page.waitForEvent('download');
  await unsaved.getByRole('button', { name: 'Download your edits as a design file' }).click();
  const file = await (await download).path();
  const saved = JSON.parse(await readFile(file, 'utf8')) as { elements: { id: string; name: string }[] };
  expect(saved.elements.find((e) => e.id === first)?.name).toBe('edited-before-revoke');
  // Let go of them: the link's page no longer offers them.
  await unsaved.getByRole('button', { name: 'Done: forget them here' }).click();
  await expect(unsaved).toHaveCount(0);
  expect(await pendingUpdates(a.page)).toBe(0);
  await a.context.close();
});
