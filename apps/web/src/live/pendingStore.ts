/**
 * Our live edits the server has not acknowledged, kept in IndexedDB per design and share link, so
 * that a reload (or a crash) while offline or before the acknowledgement rejoins the session with
 * them instead of dropping them (live/rejoin.ts). Written as they are made (one write in flight, the
 * latest list follows), deleted once the server has them all. The record also keeps the editor's
 * document at the time, for the one case where the edits cannot be merged: a link revoked meanwhile
 * (the user can still download them as a design file).
 *
 * Its own database (not the autosave's), so neither upgrades the other's schema.
 */
import type { TopologyDocument } from '@viplane/model';

const DB = 'viplane-live';
const STORE = 'pending';
/** The editor's document per record: large, so written apart and at most every DOCUMENT_MS. */
const DOCUMENTS = 'documents';
export const DOCUMENT_MS = 1000;

export interface PendingRecord {
  /**
   * `<design id>:<SHA-256 of the token, hex>/<session id>`: one live session's record (two tabs on
   * one link keep theirs apart), found by its link's prefix without keeping the token itself twice.
   */
  key: string;
  designId: string;
  /** Our unacknowledged Yjs updates, oldest first. */
  updates: Uint8Array[];
  /** The editor's document when last written (with those edits, at most DOCUMENT_MS older), or null. */
  document: TopologyDocument | null;
  savedAt: number;
}

/** A link's pending edits, from all its records (several tabs, or sessions that never ended well). */
export interface PendingEdits {
  designId: string;
  /** The records they come from (deleted once a new session holds their updates). */
  keys: string[];
  updates: Uint8Array[];
  /** The newest record's document. */
  document: TopologyDocument | null;
  savedAt: number;
}

export interface PendingBackend {
  /** The records whose key starts with `prefix`, with their documents. */
  list(prefix: string): Promise<PendingRecord[]>;
  putUpdates(record: Omit<PendingRecord, 'document'>): Promise<void>;
  putDocument(key: string, document: TopologyDocument): Promise<void>;
  /** The record and its document. */
  delete(key: string): Promise<void>;
}

/** `<design id>:<hash of the token>`: what a link's records' keys start with (then `/<session id>`). */
export async function linkKey(designId: string, token: string): Promise<string> {
  const bytes = new TextEncoder().encode(token);
  // crypto.subtle exists only in secure contexts (https, localhost): elsewhere a plain FNV-1a hash
  // still keeps links apart (the key only names a record in this browser).
  if (!globalThis.crypto?.subtle) {
    let h = 0x811c9dc5;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return `${designId}:fnv-${h.toString(16)}-${bytes.length}`;
  }
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${designId}:${hex}`;
}

let dbPromise: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  return (dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      const names = req.result.objectStoreNames;
      if (!names.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'key' });
      if (!names.contains(DOCUMENTS)) req.result.createObjectStore(DOCUMENTS);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  }).catch((err: unknown) => {
    dbPromise = null;
    throw err;
  }));
}

/** One transaction over both stores; resolves with what `op` returns once it has committed. */
function run<T>(mode: IDBTransactionMode, op: (t: IDBTransaction) => () => T): Promise<T> {
  return openDb().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        const t = d.transaction([STORE, DOCUMENTS], mode);
        const result = op(t);
        t.oncomplete = () => resolve(result());
        t.onerror = () => reject(t.error);
        t.onabort = () => reject(t.error);
      }),
  );
}

const none = () => undefined;

export const indexedDbBackend: PendingBackend = {
  list: (prefix) =>
    run('readonly', (t) => {
      const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
      const records = t.objectStore(STORE).getAll(range);
      const keys = t.objectStore(DOCUMENTS).getAllKeys(range);
      const documents = t.objectStore(DOCUMENTS).getAll(range);
      return () => {
        const byKey = new Map((keys.result as string[]).map((k, i) => [k, documents.result[i] as TopologyDocument]));
        return (records.result as Omit<PendingRecord, 'document'>[]).map((r) => ({ ...r, document: byKey.get(r.key) ?? null }));
      };
    }),
  putUpdates: (record) => run('readwrite', (t) => (t.objectStore(STORE).put(record), none)),
  putDocument: (key, document) => run('readwrite', (t) => (t.objectStore(DOCUMENTS).put(document, key), none)),
  delete: (key) =>
    run('readwrite', (t) => {
      t.objectStore(STORE).delete(key);
      t.objectStore(DOCUMENTS).delete(key);
      return none;
    }),
};

/**
 * Writes one link's pending updates as they change: at most one write in flight, and the latest list
 * is written after it (the lists in between are superseded); an empty list deletes the record. The
 * document goes along with the first list, then at most every DOCUMENT_MS while updates are pending
 * (a drag changes it every frame, and copying a large design each time cost more than the frame).
 */
export class PendingWriter {
  private latest: Uint8Array[] | null = null;
  private documentDue = false;
  private lastDocumentAt = -Infinity;
  private documentTimer: ReturnType<typeof setTimeout> | undefined;
  private hasPending = false;
  private writing: Promise<void> | null = null;
  /** Records of earlier sessions whose updates this one took over: deleted once ours is written. */
  private adopted: string[] = [];
  private adoptedDocument: TopologyDocument | null = null;

  constructor(
    private readonly key: Promise<string>,
    private readonly designId: string,
    private readonly document: () => TopologyDocument | null,
    private readonly backend: PendingBackend = indexedDbBackend,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  /**
   * This session holds the updates of these records now (a rejoin): they are deleted after our own
   * record is written, and their document stands for ours until the editor has merged them.
   */
  adopt(keys: readonly string[], document: TopologyDocument | null): void {
    this.adopted.push(...keys);
    this.adoptedDocument = document;
  }

  save(updates: Uint8Array[]): void {
    this.latest = updates;
    this.hasPending = updates.length > 0;
    if (this.hasPending) this.documentSoon();
    this.writing ??= this.drain();
  }

  /** Resolves once everything saved so far is written (the document copy included). */
  async idle(): Promise<void> {
    while (this.writing || this.documentTimer !== undefined) {
      if (this.writing) await this.writing;
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private documentSoon(): void {
    if (this.documentTimer !== undefined || this.documentDue) return;
    const wait = this.lastDocumentAt + DOCUMENT_MS - Date.now();
    if (wait <= 0) {
      this.documentDue = true;
      return;
    }
    this.documentTimer = setTimeout(() => {
      this.documentTimer = undefined;
      if (!this.hasPending) return;
      this.documentDue = true;
      this.writing ??= this.drain();
    }, wait);
  }

  private async drain(): Promise<void> {
    try {
      let key: string;
      try {
        key = await this.key;
      } catch (err) {
        this.onError(err);
        return;
      }
      while (this.latest || this.documentDue) {
        const updates = this.latest;
        const withDocument = this.documentDue;
        this.latest = null;
        this.documentDue = false;
        try {
          if (updates?.length === 0) await this.backend.delete(key);
          else {
            // Taken with the list: the document as it was when these updates were the pending ones.
            const document = withDocument && this.hasPending ? (this.adoptedDocument ?? this.document()) : null;
            if (document) this.adoptedDocument = null;
            if (document) this.lastDocumentAt = Date.now();
            if (updates) await this.backend.putUpdates({ key, designId: this.designId, updates, savedAt: Date.now() });
            if (document) {
              await this.backend.putDocument(key, document);
            }
          }
          for (const old of this.adopted.splice(0)) if (old !== key) await this.backend.delete(old);
        } catch (err) {
          this.onError(err);
        }
      }
    } finally {
      this.writing = null;
    }
  }
}

/** A link's pending edits from all its records, oldest record first; undefined when none (or IndexedDB cannot be read). */
export async function readPending(
  designId: string,
  token: string,
  backend: PendingBackend = indexedDbBackend,
): Promise<PendingEdits | undefined> {
  try {
    const records = (await backend.list(`${await linkKey(designId, token)}/`))
      .filter((r) => r.updates.length > 0)
      .sort((a, b) => a.savedAt - b.savedAt);
    if (records.length === 0) return undefined;
    const newest = records[records.length - 1]!;
    return {
      designId,
      keys: records.map((r) => r.key),
      updates: records.flatMap((r) => r.updates),
      document: [...records].reverse().find((r) => r.document)?.document ?? null,
      savedAt: newest.savedAt,
    };
  } catch {
    return undefined;
  }
}

export async function deletePending(keys: readonly string[], backend: PendingBackend = indexedDbBackend): Promise<void> {
  try {
    for (const key of keys) await backend.delete(key);
  } catch {
    /* IndexedDB is away: the records are harmless (re-sent updates are idempotent) */
  }
}
