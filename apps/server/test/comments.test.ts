/**
 * inject() tests of comment threads and the link features that came with them: the comment scope
 * (reads and comments, never edits), who may write (edit and comment links; a view link reads
 * only), whose comment may change (the author key), revoked and expired links (410), the count
 * and length limits, and the last use of a link recorded at most once a minute.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMENT_LIMITS } from '../src/limits.ts';
import { smallDesign } from './fixtures.ts';
import { bearer, call, useMemoryApp, type Json } from './helper.ts';

vi.setConfig({ testTimeout: 60_000 });
const server = useMemoryApp();
afterEach(() => {
  vi.useRealTimers();
});

const ALICE = 'alice-key-0123456789abcdefghij';
const BOB = 'bob-key-0123456789abcdefghijklm';

async function create() {
  const res = await call(server.app, { method: 'POST', url: '/api/designs', payload: smallDesign('Commented') });
  expect(res.status).toBe(201);
  const { id, editToken, viewToken } = res.body as { id: string; editToken: string; viewToken: string };
  const link = await call(server.app, {
    method: 'POST',
    url: `/api/designs/${id}/shares`,
    headers: bearer(editToken),
    payload: { scope: 'comment', label: 'network team' },
  });
  expect(link.status).toBe(201);
  return { id, editToken, viewToken, commentToken: link.body.token as string, commentLinkId: link.body.id as string };
}

const headers = (token: string, key?: string) => ({ ...bearer(token), ...(key ? { 'x-author-key': key } : {}) });
const list = (id: string, token: string, key?: string) =>
  call(server.app, { method: 'GET', url: `/api/designs/${id}/comments`, headers: headers(token, key) });
const start = (id: string, token: string, payload: Json, key = ALICE) =>
  call(server.app, { method: 'POST', url: `/api/designs/${id}/comments`, headers: headers(token, key), payload });
const reply = (id: string, token: string, threadId: string, payload: Json, key = BOB) =>
  call(server.app, { method: 'POST', url: `/api/designs/${id}/comments/${threadId}/replies`, headers: headers(token, key), payload });
const setStatus = (id: string, token: string, threadId: string, status: 'open' | 'resolved', key = ALICE) =>
  call(server.app, {
    method: 'PATCH',
    url: `/api/designs/${id}/comments/${threadId}`,
    headers: headers(token, key),
    payload: { status, author: 'Alice' },
  });
const onPg = { kind: 'element', id: 'pg-1' };

describe('the comment scope', () => {
  it('reads the design and comments, but cannot save, manage links or be made by a view link', async () => {
    const { id, viewToken, commentToken } = await create();
    const got = await call(server.app, { method: 'GET', url: `/api/designs/${id}`, headers: bearer(commentToken) });
    expect(got.status).toBe(200);
    expect(got.body.access).toBe('comment');
    const put = await call(server.app, {
      method: 'PUT',
      url: `/api/designs/${id}`,
      headers: { ...bearer(commentToken), 'if-match': '"1"' },
      payload: smallDesign('changed'),
    });
    expect(put.status).toBe(403);
    expect(put.body.code).toBe('COMMENT_ONLY');
    expect((await call(server.app, { method: 'GET', url: `/api/designs/${id}/shares`, headers: bearer(commentToken) })).status).toBe(403);
    const byView = await call(server.app, {
      method: 'POST',
      url: `/api/designs/${id}/shares`,
      headers: bearer(viewToken),
      payload: { scope: 'comment' },
    });
    expect(byView.status).toBe(403);
  });
});

describe('comment threads', () => {
  it('lets edit and comment links start threads and reply; every link reads them', async () => {
    const { id, editToken, viewToken, commentToken } = await create();
    const made = await start(id, commentToken, { target: onPg, author: ' Alice ', body: 'Is VLAN 10 right here?' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      target: onPg,
      status: 'open',
      resolvedAt: null,
      comments: [{ author: 'Alice', body: 'Is VLAN 10 right here?', editedAt: null, mine: true }],
    });
    const answered = await reply(id, editToken, made.body.id, { author: 'Bob', body: 'Yes: the VIP network.' });
    expect(answered.status).toBe(201);
    const point = await start(
      id,
      editToken,
      { target: { kind: 'point', x: 120.5, y: -40 }, author: 'Bob', body: 'Room for the SE group' },
      BOB,
    );
    expect(point.status).toBe(201);

    for (const token of [viewToken, commentToken, editToken]) {
      const res = await list(id, token);
      expect(res.status).toBe(200);
      expect(res.body.threads.map((t: Json) => t.target)).toEqual([onPg, { kind: 'point', x: 120.5, y: -40 }]);
      expect(res.body.threads[0].comments.map((c: Json) => c.author)).toEqual(['Alice', 'Bob']);
    }
    // "mine" follows the author key of the request, never the link.
    const asAlice = await list(id, viewToken, ALICE);
    expect(asAlice.body.threads[0].comments.map((c: Json) => c.mine)).toEqual([true, false]);
  });

  it('never lets a view link write: start, reply, resolve, edit or delete', async () => {
    const { id, viewToken, commentToken } = await create();
    const thread = (await start(id, commentToken, { target: onPg, author: 'Alice', body: 'x' })).body;
    const commentId = thread.comments[0].id;
    const attempts = [
      await start(id, viewToken, { target: onPg, author: 'Eve', body: 'y' }),
      await reply(id, viewToken, thread.id, { author: 'Eve', body: 'y' }),
      await setStatus(id, viewToken, thread.id, 'resolved'),
      await call(server.app, {
        method: 'PATCH',
        url: `/api/designs/${id}/comments/${thread.id}/replies/${commentId}`,
        headers: headers(viewToken, ALICE),
        payload: { body: 'rewritten' },
      }),
      await call(server.app, {
        method: 'DELETE',
        url: `/api/designs/${id}/comments/${thread.id}/replies/${commentId}`,
        headers: headers(viewToken, ALICE),
      }),
      await call(server.app, { method: 'DELETE', url: `/api/designs/${id}/comments/${thread.id}`, headers: headers(viewToken, ALICE) }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('VIEW_ONLY');
    }
    expect((await list(id, viewToken)).body.threads).toMatchObject([{ status: 'open', comments: [{ body: 'x' }] }]);
  });

  it('resolves and reopens a thread', async () => {
    const { id, commentToken } = await create();
    const thread = (await start(id, commentToken, { target: { kind: 'link', id: 'l-1' }, author: 'Alice', body: 'x' })).body;
    const resolved = await setStatus(id, commentToken, thread.id, 'resolved');
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: 'Alice', resolvedAt: expect.any(String) });
    const reopened = await setStatus(id, commentToken, thread.id, 'open');
    expect(reopened.body).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null });
    expect((await setStatus(id, commentToken, 'noSuchThread', 'open')).status).toBe(404);
  });

  it('lets only the author edit a comment; the author or an edit link deletes it, the last one takes the thread', async () => {
    const { id, editToken, commentToken } = await create();
    const thread = (await start(id, commentToken, { target: onPg, author: 'Alice', body: 'first' })).body;
    const second = (await reply(id, commentToken, thread.id, { author: 'Bob', body: 'second' }, BOB)).body;
    const url = (commentId: string) => `/api/designs/${id}/comments/${thread.id}/replies/${commentId}`;
    const edit = (commentId: string, token: string, key: string) =>
      call(server.app, { method: 'PATCH', url: url(commentId), headers: headers(token, key), payload: { body: 'edited' } });

    const notMine = await edit(second.id, commentToken, ALICE);
    expect(notMine.status).toBe(403);
    expect(notMine.body.code).toBe('NOT_AUTHOR');
    // Not even an edit link rewrites someone's words.
    expect((await edit(second.id, editToken, ALICE)).status).toBe(403);
    const mine = await edit(second.id, commentToken, BOB);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ body: 'edited', editedAt: expect.any(String), mine: true });

    expect((await call(server.app, { method: 'DELETE', url: url(second.id), headers: headers(commentToken, ALICE) })).status).toBe(403);
    expect((await call(server.app, { method: 'DELETE', url: url(second.id), headers: headers(commentToken, BOB) })).status).toBe(204);
    // An edit link moderates: it deletes Alice's comment, the thread's last.
    expect((await call(server.app, { method: 'DELETE', url: url(thread.comments[0].id), headers: headers(editToken, BOB) })).status).toBe(
      204,
    );
    expect((await list(id, editToken)).body.threads).toEqual([]);
  });

  it('deletes a whole thread for an edit link, or for the author of all of it', async () => {
    const { id, editToken, commentToken } = await create();
    const del = (threadId: string, token: string, key: string) =>
      call(server.app, { method: 'DELETE', url: `/api/designs/${id}/comments/${threadId}`, headers: headers(token, key) });
    const a = (await start(id, commentToken, { target: onPg, author: 'Alice', body: 'a' })).body;
    await reply(id, commentToken, a.id, { author: 'Bob', body: 'b' }, BOB);
    expect((await del(a.id, commentToken, ALICE)).status).toBe(403);
    expect((await del(a.id, editToken, BOB)).status).toBe(204);
    const b = (await start(id, commentToken, { target: onPg, author: 'Alice', body: 'alone' })).body;
    expect((await del(b.id, commentToken, ALICE)).status).toBe(204);
    expect((await del(b.id, commentToken, ALICE)).status).toBe(404);
  });

  it('does not reach the threads of another design', async () => {
    const a = await create();
    const b = await create();
    const thread = (await start(a.id, a.commentToken, { target: onPg, author: 'Alice', body: 'on A' })).body;
    expect((await list(b.id, a.commentToken)).status).toBe(404);
    expect((await reply(b.id, b.commentToken, thread.id, { author: 'Bob', body: 'from B' })).status).toBe(404);
    expect((await setStatus(b.id, b.commentToken, thread.id, 'resolved')).status).toBe(404);
    expect((await list(a.id, a.viewToken)).body.threads[0].status).toBe('open');
  });
});

describe('limits and bad input', () => {
  it('names the field of a bad comment', async () => {
    const { id, commentToken } = await create();
    const cases: [Json, string][] = [
      [{ target: onPg, author: 'Alice', body: 'x'.repeat(COMMENT_LIMITS.bodyChars + 1) }, '/body'],
      [{ target: onPg, author: 'Alice', body: '   ' }, '/body'],
      [{ target: onPg, author: 'A'.repeat(COMMENT_LIMITS.authorChars + 1), body: 'x' }, '/author'],
      [{ target: onPg, author: '', body: 'x' }, '/author'],
      [{ target: { kind: 'point', x: 1e12, y: 0 }, author: 'Alice', body: 'x' }, '/target'],
      [{ target: { kind: 'element', id: '../x' }, author: 'Alice', body: 'x' }, '/target'],
    ];
    for (const [payload, path] of cases) {
      const res = await start(id, commentToken, payload);
      expect(res.status, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.body.errors.some((e: Json) => String(e.path).startsWith(path))).toBe(true);
    }
    const noKey = await call(server.app, {
      method: 'POST',
      url: `/api/designs/${id}/comments`,
      headers: bearer(commentToken),
      payload: { target: onPg, author: 'Alice', body: 'x' },
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.errors[0]).toMatchObject({ path: '/x-author-key', in: 'headers' });
    const shortKey = await list(id, commentToken, 'short');
    expect(shortKey.status).toBe(400);
  });

  it('caps comments per thread and threads per design with 413 naming the limit', async () => {
    const { id, commentToken } = await create();
    const thread = (await start(id, commentToken, { target: onPg, author: 'Alice', body: '0' })).body;
    for (let i = 1; i < COMMENT_LIMITS.commentsPerThread; i++) {
      expect((await reply(id, commentToken, thread.id, { author: 'Bob', body: String(i) })).status).toBe(201);
    }
    const over = await reply(id, commentToken, thread.id, { author: 'Bob', body: 'one too many' });
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'commentsPerThread', max: COMMENT_LIMITS.commentsPerThread });

    for (let i = 1; i < COMMENT_LIMITS.threadsPerDesign; i++) {
      expect((await start(id, commentToken, { target: { kind: 'point', x: i, y: i }, author: 'Alice', body: 't' })).status).toBe(201);
    }
    const tooMany = await start(id, commentToken, { target: onPg, author: 'Alice', body: 'one too many' });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'threadsPerDesign', max: COMMENT_LIMITS.threadsPerDesign });
  });
});

describe('revoked and expired links', () => {
  it('answer 410 with SHARE_REVOKED or SHARE_EXPIRED on the comment routes too', async () => {
    const { id, editToken, commentToken, commentLinkId } = await create();
    const expiring = await call(server.app, {
      method: 'POST',
      url: `/api/designs/${id}/shares`,
      headers: bearer(editToken),
      payload: { scope: 'comment', expiresInSeconds: 60 },
    });
    expect((await list(id, expiring.body.token)).status).toBe(200);
    await call(server.app, { method: 'DELETE', url: `/api/designs/${id}/shares/${commentLinkId}`, headers: bearer(editToken) });
    const revoked = await start(id, commentToken, { target: onPg, author: 'Alice', body: 'late' });
    expect(revoked.status).toBe(410);
    expect(revoked.body.code).toBe('SHARE_REVOKED');

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    const expired = await list(id, expiring.body.token);
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('SHARE_EXPIRED');
  });
});

describe('last use of a link', () => {
  it('is recorded on use, at most once a minute, and listed', async () => {
    const { id, editToken, viewToken } = await create();
    const lastUsed = async () => {
      const shares = (await call(server.app, { method: 'GET', url: `/api/designs/${id}/shares`, headers: bearer(editToken) })).body
        .shares as Json[];
      return shares.find((l) => l.scope === 'view').lastUsedAt as string | null;
    };
    expect(await lastUsed()).toBeNull();
    await list(id, viewToken);
    const first = await lastUsed();
    expect(Date.parse(first!)).toBeGreaterThan(Date.now() - 60_000);
    await list(id, viewToken);
    // Within the minute nothing is written again (the repository suite rewinds the clock for the rest).
    expect(await lastUsed()).toBe(first);
  });
});

describe('comments in the report', () => {
  it('POST /api/export takes the threads as GET /comments gives them and writes them escaped into the report', async () => {
    const { id, commentToken } = await create();
    await start(id, commentToken, { target: onPg, author: '<b>Alice</b>', body: 'VLAN <script>x</script>?' });
    const threads = (await list(id, commentToken)).body.threads;
    const res = await call(server.app, {
      method: 'POST',
      url: '/api/export',
      payload: { format: 'report', document: smallDesign('R'), comments: threads },
    });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<h2>Comments</h2>');
    expect(res.body).toContain('&lt;b&gt;Alice&lt;/b&gt;');
    expect(res.body).toContain('VLAN &lt;script&gt;x&lt;/script&gt;?');
    const bad = await call(server.app, {
      method: 'POST',
      url: '/api/export',
      payload: { format: 'report', document: smallDesign('R'), comments: [{ ...threads[0], status: 'maybe' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toMatch(/^\/comments\/0/);
  });
});
