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
  /** `<design id>:<SHA-256 of the token, hex>`: a link's record, without keeping the token itself twice. */
  key: string;
  designId: string;
  /** Our unacknowledged Yjs updates, oldest first. */
  updates: Uint8Array[];
  /** The editor's document when last written (with those edits, at most DOCUMENT_MS older), or null. */
  document: TopologyDocument | null;
  savedAt: number;
}

export interface PendingBackend {
  /** The record with its document. */
  get(key: string): Promise<PendingRecord | undefined>;
  putUpdates(record: Omit<PendingRecord, 'document'>): Promise<void>;
  putDocument(key: string, document: TopologyDocument): Promise<void>;
  /** The record and its document. */
  delete(key: string): Promise<void>;
}

export async function pendingKey(designId: string, token: string): Promise<string> {
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
  get: (key) =>
    run('readonly', (t) => {
      const record = t.objectStore(STORE).get(key);
      const document = t.objectStore(DOCUMENTS).get(key);
      return () => {
        const r = record.result as Omit<PendingRecord, 'document'> | undefined;
        return r ? { ...r, document: (document.result as TopologyDocument | undefined) ?? null } : undefined;
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

  constructor(
    private readonly key: Promise<string>,
    private readonly designId: string,
    private readonly document: () => TopologyDocument | null,
    private readonly backend: PendingBackend = indexedDbBackend,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

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
            const document = withDocument && this.hasPending ? this.document() : null;
            if (document) this.lastDocumentAt = Date.now();
            if (updates) await this.backend.putUpdates({ key, designId: this.designId, updates, savedAt: Date.now() });
            if (document) {
              await this.backend.putDocument(key, document);
            }
          }
        } catch (err) {
          this.onError(err);
        }
      }
    } finally {
      this.writing = null;
    }
  }
}

/** A link's pending record, if any (undefined too when IndexedDB cannot be read). */
export async function readPending(designId: string, token: string, backend: PendingBackend = indexedDbBackend) {
  try {
    const record = await backend.get(await pendingKey(designId, token));
    return record && record.updates.length > 0 ? record : undefined;
  } catch {
    return undefined;
  }
}

export async function deletePending(designId: string, token: string, backend: PendingBackend = indexedDbBackend): Promise<void> {
  try {
    await backend.delete(await pendingKey(designId, token));
  } catch {
    /* nothing to delete, or IndexedDB is away: the record is harmless (re-sent updates are idempotent) */
  }
}
