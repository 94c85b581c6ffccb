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

export interface PendingRecord {
  /** `<design id>:<SHA-256 of the token, hex>`: a link's record, without keeping the token itself twice. */
  key: string;
  designId: string;
  /** Our unacknowledged Yjs updates, oldest first. */
  updates: Uint8Array[];
  /** The editor's document when last written (with those edits), or null. */
  document: TopologyDocument | null;
  savedAt: number;
}

export interface PendingBackend {
  get(key: string): Promise<PendingRecord | undefined>;
  put(record: PendingRecord): Promise<void>;
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
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  }).catch((err: unknown) => {
    dbPromise = null;
    throw err;
  }));
}

function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return openDb().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        const t = d.transaction(STORE, mode);
        const req = op(t.objectStore(STORE));
        t.oncomplete = () => resolve(req.result as T);
        t.onerror = () => reject(t.error);
        t.onabort = () => reject(t.error);
      }),
  );
}

export const indexedDbBackend: PendingBackend = {
  get: (key) => run<PendingRecord | undefined>('readonly', (s) => s.get(key)),
  put: (record) => run<unknown>('readwrite', (s) => s.put(record)).then(() => undefined),
  delete: (key) => run<unknown>('readwrite', (s) => s.delete(key)).then(() => undefined),
};

/**
 * Writes one link's pending updates as they change: at most one write in flight, and the latest list
 * is written after it (the lists in between are superseded). An empty list deletes the record.
 */
export class PendingWriter {
  private latest: Uint8Array[] | null = null;
  private writing: Promise<void> | null = null;
  private failed: ((err: unknown) => void) | undefined;

  constructor(
    private readonly key: Promise<string>,
    private readonly designId: string,
    private readonly document: () => TopologyDocument | null,
    private readonly backend: PendingBackend = indexedDbBackend,
    onError?: (err: unknown) => void,
  ) {
    this.failed = onError;
  }

  save(updates: Uint8Array[]): void {
    this.latest = updates;
    this.writing ??= this.drain();
  }

  /** Resolves once everything saved so far is written. */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      let key: string;
      try {
        key = await this.key;
      } catch (err) {
        this.failed?.(err);
        return;
      }
      while (this.latest) {
        const updates = this.latest;
        this.latest = null;
        try {
          if (updates.length === 0) await this.backend.delete(key);
          else await this.backend.put({ key, designId: this.designId, updates, document: this.document(), savedAt: Date.now() });
        } catch (err) {
          this.failed?.(err);
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
