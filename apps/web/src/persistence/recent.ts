/**
 * Recent designs: every design opened or made in this browser keeps a slot in IndexedDB (written
 * with the autosave) until the user deletes it: its document and undo history, name, when it was
 * edited, element count and server link. Opening one restores it exactly (through restore()).
 */
import type { TopologyDocument } from '@viplane/model';
import type { ServerBinding } from '../store/session.ts';
import type { PersistedHistory } from './history.ts';
import { db, RECENT_STORE } from './autosave.ts';

export interface RecentDesign {
  localId: string;
  name: string;
  editedAt: number;
  elementCount: number;
  server: ServerBinding | null;
  dirty: boolean;
  doc: TopologyDocument;
  history?: PersistedHistory;
}

/** The list without documents, newest first (documents are read when one is opened). */
export type RecentSummary = Omit<RecentDesign, 'doc' | 'history'>;

function request<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return db().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        const t = d.transaction(RECENT_STORE, mode);
        const req = run(t.objectStore(RECENT_STORE));
        t.oncomplete = () => resolve(req.result as T);
        t.onerror = () => reject(t.error);
        t.onabort = () => reject(t.error);
      }),
  );
}

export async function listRecent(): Promise<RecentSummary[]> {
  const all = await request<RecentDesign[]>('readonly', (s) => s.getAll());
  return all.map(({ doc: _doc, history: _history, ...summary }) => summary).sort((a, b) => b.editedAt - a.editedAt);
}

export function getRecent(localId: string): Promise<RecentDesign | undefined> {
  return request<RecentDesign | undefined>('readonly', (s) => s.get(localId));
}

export async function deleteRecent(localId: string): Promise<void> {
  await request<undefined>('readwrite', (s) => s.delete(localId));
}

/** Keeps a design in the list as it is now (the boot's autosave before a share link replaces it). */
export async function rememberRecent(design: RecentDesign): Promise<void> {
  await request<unknown>('readwrite', (s) => s.put(design));
}
