/**
 * Autosave: every document change is written to IndexedDB (coalesced: one write in flight, the
 * latest state follows), and synchronously to localStorage when the page is hidden or unloads,
 * so a reload never loses the last keystroke. Loading goes through restore() like any input.
 */
import { liveSession } from '../live/session.ts';
import type { TopologyDocument } from '@viplane/model';
import { editor, useEditor } from '../store/editor.ts';
import { useSession, type ServerBinding } from '../store/session.ts';
import { encodeHistory, type PersistedHistory } from './history.ts';
import type { RecentDesign } from './recent.ts';

const DB = 'viplane';
const STORE = 'autosave';
/** Recent designs (recent.ts): one record per design slot, keyed by its localId. */
export const RECENT_STORE = 'recent';
const KEY = 'current';
const LS_KEY = 'viplane.autosave';

export interface Snapshot {
  doc: TopologyDocument;
  savedAt: number;
  server: ServerBinding | null;
  /** True when the document has edits the server has not seen. */
  dirty: boolean;
  /** Undo/redo steps around `doc` (history.ts); absent in snapshots of older builds. */
  history?: PersistedHistory;
  /** The design's slot in Recent designs; absent in snapshots of older builds. */
  localId?: string;
  /**
   * Taken in a live session: the server stores every edit, and what it has not acknowledged is kept
   * apart (live/pendingStore.ts), so `dirty` says nothing for a reload (serverSync.ts openFromFragment).
   */
  live?: boolean;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 2);
    req.onupgradeneeded = () => {
      const names = req.result.objectStoreNames;
      if (!names.contains(STORE)) req.result.createObjectStore(STORE);
      if (!names.contains(RECENT_STORE)) req.result.createObjectStore(RECENT_STORE, { keyPath: 'localId' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let dbPromise: Promise<IDBDatabase> | null = null;
export const db = () => (dbPromise ??= openDb());

/** The current snapshot and, for a design with something in it, its Recent designs slot: one transaction. */
async function put(snapshot: Snapshot): Promise<void> {
  const d = await db();
  await new Promise<void>((resolve, reject) => {
    const t = d.transaction([STORE, RECENT_STORE], 'readwrite');
    t.objectStore(STORE).put(snapshot, KEY);
    if (snapshot.localId && snapshot.doc.elements.length > 0 && !useSession.getState().viewOnly) {
      const recent: RecentDesign = {
        localId: snapshot.localId,
        name: snapshot.doc.name,
        editedAt: snapshot.savedAt,
        elementCount: snapshot.doc.elements.length,
        server: snapshot.server,
        dirty: snapshot.dirty,
        doc: snapshot.doc,
        ...(snapshot.history ? { history: snapshot.history } : {}),
      };
      t.objectStore(RECENT_STORE).put(recent);
    }
    t.oncomplete = () => resolve();
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  });
}

async function get(): Promise<Snapshot | undefined> {
  const d = await db();
  return new Promise((resolve, reject) => {
    const req = d.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
    req.onsuccess = () => resolve(req.result as Snapshot | undefined);
    req.onerror = () => reject(req.error);
  });
}

/** The newest snapshot of IndexedDB and the unload backup. */
export async function readAutosave(): Promise<Snapshot | undefined> {
  let fromIdb: Snapshot | undefined;
  try {
    fromIdb = await get();
  } catch {
    fromIdb = undefined;
  }
  let fromLs: Snapshot | undefined;
  try {
    const raw = localStorage.getItem(LS_KEY);
    if (raw) fromLs = JSON.parse(raw) as Snapshot;
  } catch {
    fromLs = undefined;
  }
  if (fromIdb && fromLs) return fromLs.savedAt > fromIdb.savedAt ? fromLs : fromIdb;
  return fromIdb ?? fromLs;
}

/** The undo steps (an open transaction's starting point counts as one) and the redo steps. */
function historyStates() {
  const { pastStates, futureStates } = useEditor.temporal.getState();
  const { doc, transaction } = editor();
  const docs = (states: readonly { doc?: TopologyDocument }[]) => states.flatMap((s) => (s.doc ? [s.doc] : []));
  const undo = docs(pastStates);
  if (transaction && transaction.before !== doc) undo.push(transaction.before);
  return { undo, redo: docs(futureStates), past: pastStates, future: futureStates };
}

function snapshot(): Snapshot & { past: unknown; future: unknown } {
  const s = useSession.getState();
  const doc = editor().doc;
  const h = historyStates();
  return {
    doc,
    savedAt: Date.now(),
    server: s.server,
    dirty: s.dirty,
    history: encodeHistory(doc, h.undo, h.redo),
    localId: s.localId,
    live: liveSession() !== null,
    past: h.past,
    future: h.future,
  };
}

const record = ({ doc, savedAt, server, dirty, history, localId, live }: Snapshot): Snapshot => ({
  doc,
  savedAt,
  server,
  dirty,
  ...(history ? { history } : {}),
  ...(localId ? { localId } : {}),
  ...(live ? { live } : {}),
});

let writing = false;
let pending = false;
let lastWritten: TopologyDocument | null = null;
let lastServer: ServerBinding | null = null;
let lastLocalId: string | null = null;
/** zundo's history arrays last written (a commit or undo changes them). */
let lastPast: unknown = null;
let lastFuture: unknown = null;
const unchanged = (snap: { doc: TopologyDocument; server: ServerBinding | null; past: unknown; future: unknown; localId?: string }) =>
  snap.doc === lastWritten &&
  snap.server === lastServer &&
  snap.past === lastPast &&
  snap.future === lastFuture &&
  (snap.localId ?? null) === lastLocalId;

async function flush() {
  if (writing) {
    pending = true;
    return;
  }
  writing = true;
  try {
    do {
      pending = false;
      const snap = snapshot();
      if (unchanged(snap)) continue;
      await put(record(snap));
      lastWritten = snap.doc;
      lastServer = snap.server;
      lastLocalId = snap.localId ?? null;
      lastPast = snap.past;
      lastFuture = snap.future;
      useSession.setState({ autosavedAt: snap.savedAt });
    } while (pending);
  } catch (err) {
    useSession.setState({ autosaveError: err instanceof Error ? err.message : String(err) });
  } finally {
    writing = false;
  }
  // Once IndexedDB has the latest state, the unload backup is stale.
  try {
    localStorage.removeItem(LS_KEY);
  } catch {
    /* ignore */
  }
}

function backupNow() {
  const snap = snapshot();
  if (unchanged(snap)) return;
  try {
    localStorage.setItem(LS_KEY, JSON.stringify(record(snap)));
  } catch {
    try {
      // Over the quota with the history: the document matters most.
      localStorage.setItem(LS_KEY, JSON.stringify({ ...record(snap), history: undefined }));
    } catch {
      /* IndexedDB still has the last flushed state */
    }
  }
}

let started = false;
let soon: number | null = null;

/**
 * Writes when the main thread is next idle (at most 200 ms later): writing clones the whole
 * document synchronously, which at 10,000 elements took longer than a frame and, run at once,
 * delayed the edit's badges and next frame. Several keystrokes in a row are one write. An unload
 * before it still takes the synchronous backup.
 */
function flushSoon() {
  if (soon !== null) return;
  const run = () => {
    soon = null;
    void flush();
  };
  soon = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 200 }) : window.setTimeout(run, 50);
}

/** Starts writing on every change; call once the initial document is loaded. */
export function startAutosave(): () => void {
  if (started) return () => {};
  started = true;
  lastWritten = editor().doc;
  lastServer = useSession.getState().server;
  lastPast = useEditor.temporal.getState().pastStates;
  lastFuture = useEditor.temporal.getState().futureStates;
  const unsubscribeDoc = useEditor.subscribe((s, prev) => {
    if (s.doc !== prev.doc) {
      // In a live session the server stores every edit: the session says what is unsaved (live/session.ts).
      if (!useSession.getState().dirty && useSession.getState().server && !liveSession()) useSession.setState({ dirty: true });
      // A drag changes the document every frame; writing each frame's copy (a structured clone of
      // the whole document) cost more than the frame at 10,000 elements. The drag's end is written
      // (and an unload mid-drag still takes the synchronous backup below).
      if (s.transaction?.label !== 'move') flushSoon();
    } else if (prev.transaction && !s.transaction) flushSoon();
  });
  const unsubscribeSession = useSession.subscribe((s, prev) => {
    if (s.server !== prev.server || s.localId !== prev.localId) void flush();
  });
  // A commit (the end of a drag or of typing in a field) changes only the history.
  const unsubscribeHistory = useEditor.temporal.subscribe((s, prev) => {
    if ((s.pastStates !== prev.pastStates || s.futureStates !== prev.futureStates) && editor().transaction?.label !== 'move') flushSoon();
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') backupNow();
  };
  window.addEventListener('pagehide', backupNow);
  window.addEventListener('beforeunload', backupNow);
  document.addEventListener('visibilitychange', onHide);
  void flush();
  return () => {
    started = false;
    if (soon !== null) {
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(soon);
      else window.clearTimeout(soon);
      soon = null;
    }
    unsubscribeDoc();
    unsubscribeSession();
    unsubscribeHistory();
    window.removeEventListener('pagehide', backupNow);
    window.removeEventListener('beforeunload', backupNow);
    document.removeEventListener('visibilitychange', onHide);
  };
}

/** Resolves once everything changed so far is in IndexedDB (tests, before navigation). */
export async function autosaveIdle(): Promise<void> {
  await flush();
  while (writing) await new Promise((r) => setTimeout(r, 10));
}
