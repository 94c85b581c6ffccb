import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PendingLog } from './pendingLog.ts';
import { DOCUMENT_MS, PendingWriter, deletePending, linkKey, readPending, type PendingBackend, type PendingRecord } from './pendingStore.ts';

const u = (n: number) => new Uint8Array([n]);

describe('pending live updates', () => {
  it('keeps an update until a frame standing for it is acknowledged', () => {
    const changes: number[] = [];
    const log = new PendingLog([], (list) => changes.push(list.length));
    log.add(u(1));
    log.sentLatest();
    log.add(u(2));
    log.sentLatest();
    expect(log.size).toBe(2);
    log.acked(1);
    expect(log.updates()).toEqual([u(2)]);
    log.acked(2);
    expect(log.size).toBe(0);
    expect(changes).toEqual([1, 2, 1, 0]);
  });

  it('updates made offline wait for the next connection’s state frame', () => {
    const log = new PendingLog();
    log.add(u(1));
    log.sentLatest();
    log.disconnected(); // closed before the ack: it may or may not be stored
    log.acked(1); // a late count of a closed connection means nothing
    log.add(u(2)); // offline: not sent
    log.add(u(3));
    expect(log.size).toBe(3);
    // Reconnected: one update sent before the server asked for our state, then the state.
    log.add(u(4));
    log.sentLatest();
    log.sentState();
    log.add(u(5));
    log.sentLatest();
    log.acked(1);
    expect(log.updates()).toEqual([u(1), u(2), u(3), u(5)]);
    log.acked(2); // the state frame stood for everything made before it
    expect(log.updates()).toEqual([u(5)]);
    log.acked(3);
    expect(log.size).toBe(0);
  });

  it('restored updates are pending until a state frame carries them', () => {
    const log = new PendingLog([u(7), u(8)]);
    expect(log.size).toBe(2);
    log.add(u(9));
    log.sentLatest();
    log.acked(1);
    expect(log.updates()).toEqual([u(7), u(8)]);
    log.sentState();
    log.acked(2);
    expect(log.size).toBe(0);
  });

  it('a refusal clears every pending update (they went with the old Y.Doc) and later acks start from the new connection', () => {
    const changes: number[] = [];
    const log = new PendingLog([u(9)], (list) => changes.push(list.length));
    log.add(u(1));
    log.sentLatest();
    log.clear();
    expect(log.size).toBe(0);
    expect(changes).toEqual([2, 0]);
    log.clear(); // nothing to say twice
    expect(changes).toEqual([2, 0]);
    log.add(u(2));
    log.sentLatest();
    log.acked(1);
    expect(log.size).toBe(0);
  });

  it('ignores counts beyond what was sent and repeated counts', () => {
    const log = new PendingLog();
    log.add(u(1));
    log.acked(5);
    expect(log.size).toBe(1);
    log.sentLatest();
    log.acked(1);
    log.acked(1);
    expect(log.size).toBe(0);
  });

  it('rejoining merges the restored updates with what others did meanwhile', () => {
    // The server's doc and ours start equal; we edit offline, someone else edits on the server.
    const server = new Y.Doc();
    server.getMap('m').set('base', 1);
    const mine = new Y.Doc();
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(server));
    const log = new PendingLog();
    mine.on('update', (update: Uint8Array) => log.add(update));
    mine.getMap('m').set('base', 2);
    mine.getMap('m').set('mine', 'offline');
    server.getMap('m').set('theirs', 'online');
    // Reload: a new doc gets the restored updates before the server's state, then syncs.
    const again = new Y.Doc();
    for (const update of log.updates()) Y.applyUpdate(again, update);
    Y.applyUpdate(again, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(again, Y.encodeStateVector(server)));
    expect(server.getMap('m').toJSON()).toEqual({ base: 2, mine: 'offline', theirs: 'online' });
    expect(again.getMap('m').toJSON()).toEqual(server.getMap('m').toJSON());
  });
});

function memoryBackend() {
  const records = new Map<string, Omit<PendingRecord, 'document'>>();
  const documents = new Map<string, unknown>();
  const log: string[] = [];
  const backend = {
    records,
    documents,
    log,
    list: async (prefix: string) =>
      [...records.values()].filter((r) => r.key.startsWith(prefix)).map((r) => ({ ...r, document: documents.get(r.key) ?? null }) as PendingRecord),
    putUpdates: async (r: Omit<PendingRecord, 'document'>) => {
      log.push(`updates ${r.updates.length}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      records.set(r.key, structuredClone(r));
    },
    putDocument: async (key: string, doc: unknown) => {
      log.push(`document ${(doc as { name: string }).name}`);
      documents.set(key, structuredClone(doc));
    },
    delete: async (key: string) => {
      log.push('delete');
      records.delete(key);
      documents.delete(key);
    },
  } satisfies PendingBackend & Record<string, unknown>;
  return backend;
}

const key = (tab: string) => linkKey('d1', 't').then((link) => `${link}/${tab}`);

describe('pending update store', () => {
  it('keys records by design and link, not by the token itself', async () => {
    const a = await linkKey('d1', 'token-a');
    expect(a).toMatch(/^d1:[0-9a-f]{64}$/);
    expect(a).not.toContain('token-a');
    expect(await linkKey('d1', 'token-b')).not.toBe(a);
    expect(await linkKey('d2', 'token-a')).not.toBe(a);
    expect(await linkKey('d1', 'token-a')).toBe(a);
  });

  it('writes the latest list (one write in flight), the document at most every second, and deletes both when the list empties', async () => {
    const backend = memoryBackend();
    let name = 'v1';
    const writer = new PendingWriter(key('tab1'), 'd1', () => ({ name }) as never, backend);
    writer.save([u(1)]);
    await new Promise((resolve) => setTimeout(resolve, 1)); // its write is under way
    name = 'v2';
    writer.save([u(1), u(2)]);
    name = 'v3';
    writer.save([u(1), u(2), u(3)]);
    const started = Date.now();
    await writer.idle();
    // The first list with the document, then the last list (the one between was superseded); the
    // document again only once DOCUMENT_MS had passed, as it was then.
    expect(backend.log).toEqual(['updates 1', 'document v1', 'updates 3', 'document v3']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(DOCUMENT_MS - 50);
    const record = await readPending('d1', 't', backend);
    expect(record?.updates).toEqual([u(1), u(2), u(3)]);
    expect(record?.document).toEqual({ name: 'v3' });
    expect(await readPending('d1', 'other', backend)).toBeUndefined();
    writer.save([]);
    await writer.idle();
    expect(backend.records.size + backend.documents.size).toBe(0);
    expect(await readPending('d1', 't', backend)).toBeUndefined();
  });

  it('writes no document copy once everything is acknowledged', async () => {
    const backend = memoryBackend();
    const writer = new PendingWriter(key('tab1'), 'd1', () => ({ name: 'x' }) as never, backend);
    writer.save([u(1)]);
    await writer.idle();
    writer.save([u(1), u(2)]); // its document copy is due in a second…
    writer.save([]); // …but the server has them all first
    await writer.idle();
    expect(backend.log).toEqual(['updates 1', 'document x', 'delete']);
    expect(backend.records.size + backend.documents.size).toBe(0);
  });

  it('reports a failed write and goes on with the next', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const backend = memoryBackend();
    const put = backend.putUpdates;
    backend.putUpdates = async (r) => {
      if (fail) {
        fail = false;
        throw new Error('quota');
      }
      return put(r);
    };
    const writer = new PendingWriter(key('tab1'), 'd1', () => null, backend, (e) => errors.push(e));
    writer.save([u(1)]);
    await writer.idle();
    writer.save([u(1), u(2)]);
    await writer.idle();
    expect(errors).toHaveLength(1);
    expect((await readPending('d1', 't', backend))?.updates).toEqual([u(1), u(2)]);
  });

  it('two sessions on one link keep their own records; a rejoin takes both over and lets them go', async () => {
    const backend = memoryBackend();
    const tab1 = new PendingWriter(key('tab1'), 'd1', () => ({ name: 'one' }) as never, backend);
    const tab2 = new PendingWriter(key('tab2'), 'd1', () => ({ name: 'two' }) as never, backend);
    tab1.save([u(1)]);
    await tab1.idle();
    tab2.save([u(2), u(3)]);
    await tab2.idle();
    const other = new PendingWriter(linkKey('d1', 'other-link').then((l) => `${l}/x`), 'd1', () => null, backend);
    other.save([u(9)]);
    await other.idle();
    const pending = (await readPending('d1', 't', backend))!;
    expect(pending.updates).toEqual([u(1), u(2), u(3)]);
    expect(pending.keys).toHaveLength(2);
    expect(pending.document).toEqual({ name: 'two' });

    // The rejoining session writes them under its own record with their document, then deletes theirs.
    const again = new PendingWriter(key('tab3'), 'd1', () => ({ name: 'server, not merged yet' }) as never, backend);
    again.adopt(pending.keys, pending.document);
    again.save(pending.updates);
    await again.idle();
    const after = (await readPending('d1', 't', backend))!;
    expect(after.keys).toEqual([await key('tab3')]);
    expect(after.updates).toEqual([u(1), u(2), u(3)]);
    expect(after.document).toEqual({ name: 'two' });
    // Discarded: nothing of this link is left; the other link's record is untouched.
    await deletePending(after.keys, backend);
    expect(await readPending('d1', 't', backend)).toBeUndefined();
    expect((await readPending('d1', 'other-link', backend))?.updates).toEqual([u(9)]);
  });
});
