/**
 * The browser's side of a live session: a Y.Doc bound to the editor store over a WebSocket.
 * - A local edit (the editor's document changing) is written to the Y.Doc as one transaction with
 *   origin LOCAL (writeChanges: only what the edit changed), sent to the server at once.
 * - A remote update is read back through restore() (readDocument) and put into the editor without
 *   entering the undo history; the validation worker sees it like any document change.
 * - Undo is per user: a Y.UndoManager that tracks only LOCAL changes replaces zundo while live
 *   (zundo's snapshots of whole documents would undo other people's edits too).
 * - Offline (network lost, server restarting), edits stay in the Y.Doc; on reconnect the server asks
 *   for what it lacks (sync step 1) and both sides merge.
 * - An update the server refuses (the document after it would not restore: `refused`, then close
 *   CLOSE.refused) is not kept: a fresh Y.Doc resyncs from the server (resetDoc) and a toast says what
 *   was not applied and why (refusal.ts).
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  CLOSE,
  FRAME_AWARENESS,
  LIVE_PROTOCOL,
  SYNC_STEP1,
  SYNC_STEP2,
  TOKEN_PROTOCOL_PREFIX,
  awarenessFrame,
  colorFor,
  parseFrame,
  readDocument,
  readPresence,
  syncFrame,
  updateFrame,
  writeChanges,
  type Presence,
  type ServerControl,
} from '@viplane/sync';
import type { TopologyDocument } from '@viplane/model';
import { editor, setUndoRedo, useEditor } from '../store/editor.ts';
import { useSession } from '../store/session.ts';
import { toast } from '../store/ui.ts';
import { storedName, useLive, type Participant } from './store.ts';
import { localUndo, refusalText } from './refusal.ts';
import type { PendingLog } from './pendingLog.ts';
import type { PendingEdits } from './pendingStore.ts';
import { keepPending } from './keepPending.ts';

const LOCAL = 'local';
const REMOTE = 'remote';
/** Our own updates from before a reload (pendingStore.ts), applied again: pending already, not sent on their own. */
const RESTORED = 'restored';
const WRITE_MS = 50;
/** Closes after which reconnecting cannot help. */
const FINAL = new Set<number>([CLOSE.unauthorised, CLOSE.readOnly, CLOSE.revoked, CLOSE.full, CLOSE.tooBig]);

let current: LiveSession | null = null;

export function liveSession(): LiveSession | null {
  return current;
}

/** `restored`: our updates the server had not acknowledged before a reload (live/rejoin.ts). */
export function startLive(designId: string, token: string, scope: 'view' | 'edit', restored?: PendingEdits): LiveSession {
  current?.stop();
  current = new LiveSession(designId, token, scope, restored);
  return current;
}

export function stopLive(): void {
  current?.stop();
  current = null;
}

export class LiveSession {
  /** Replaced by a fresh one when the server refuses an update (resetDoc); presence keeps the first one's client id. */
  doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private undo: Y.UndoManager;
  private socket: WebSocket | null = null;
  private synced = false;
  private applyingRemote = false;
  private readScheduled = false;
  private retry = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private sent = 0;
  private unsubscribe: () => void;
  /** The editor's document when the session started (what the link loaded). */
  private baseline: TopologyDocument;
  private readonly onOnline = () => this.connect();
  private readonly onOffline = () => this.socket?.close(4000, 'offline');
  /** Our updates the server has not acknowledged, kept in IndexedDB until it has (a reload rejoins with them). */
  readonly pending: PendingLog;

  constructor(
    readonly designId: string,
    private readonly token: string,
    readonly scope: 'view' | 'edit',
    restored?: PendingEdits,
  ) {
    this.baseline = editor().doc;
    const kept = keepPending(designId, token, restored);
    this.pending = kept.log;
    this.undo = localUndo(this.doc, LOCAL);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.setLocalState({
      name: storedName() ?? `Guest ${this.doc.clientID % 1000}`,
      color: colorFor(this.doc.clientID),
      cursor: null,
      selection: [],
      viewport: null,
    } satisfies Presence);
    this.awareness.on('change', () => this.publishOthers());
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin === REMOTE) return;
        this.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed])));
      },
    );
    // Local edits: the editor's document changed and it was not us putting a remote one there.
    this.unsubscribe = useEditor.subscribe((state, prev) => {
      if (state.doc === prev.doc || this.applyingRemote || !this.synced || this.scope !== 'edit') return;
      this.written ??= prev.doc;
      this.scheduleWrite();
    });
    useEditor.temporal.getState().pause();
    useEditor.temporal.getState().clear();
    setUndoRedo({ undo: () => this.undo.undo(), redo: () => this.undo.redo() });
    useLive.setState({ status: 'connecting', scope, endedReason: null, others: [], following: null, pending: 0 });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    // They build on the server's state: Yjs holds what it cannot place yet until the first sync brings it.
    if (restored && this.scope === 'edit') {
      for (const u of restored.updates) Y.applyUpdate(this.doc, u, RESTORED);
      kept.adoptRestored();
    }
    this.connect();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== REMOTE && origin !== RESTORED && this.scope === 'edit') {
      this.pending.add(update);
      this.sendUpdate(update);
    }
    if (origin !== LOCAL) this.scheduleRead();
  };

  /**
   * The server refused an update of ours: start again from its state with a fresh Y.Doc (Yjs cannot
   * take an update back), dropping every edit it has not confirmed. The next sync fills the new Y.Doc
   * and puts the server's document into the editor; per-user undo starts over.
   */
  private resetDoc(): void {
    this.doc.off('update', this.onDocUpdate);
    this.undo.destroy();
    this.doc = new Y.Doc();
    this.undo = localUndo(this.doc, LOCAL);
    this.doc.on('update', this.onDocUpdate);
    this.synced = false;
    this.written = null;
    clearTimeout(this.writeTimer);
    this.writeTimer = undefined;
    this.baseline = editor().doc;
  }

  private connect(): void {
    if (this.stopped || (this.socket && this.socket.readyState <= WebSocket.OPEN)) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      useLive.setState({ status: 'offline' });
      return;
    }
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/designs/${encodeURIComponent(this.designId)}/live`;
    const socket = new WebSocket(url, [LIVE_PROTOCOL, TOKEN_PROTOCOL_PREFIX + this.token]);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.onmessage = (event) => this.onMessage(event.data as ArrayBuffer | string);
    socket.onclose = (event) => this.onClose(socket, event.code, event.reason);
  }

  private onMessage(data: ArrayBuffer | string): void {
    if (typeof data === 'string') return this.onControl(JSON.parse(data) as ServerControl);
    const frame = parseFrame(new Uint8Array(data));
    if (frame.kind === FRAME_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, frame.payload, REMOTE);
      return;
    }
    if (frame.syncKind === SYNC_STEP1) {
      // The server asks what it lacks: our offline edits.
      if (this.scope === 'edit' && this.socket?.readyState === WebSocket.OPEN) {
        this.send(syncFrame(SYNC_STEP2, Y.encodeStateAsUpdate(this.doc, frame.payload)));
        this.pending.sentState();
      }
      return;
    }
    Y.applyUpdate(this.doc, frame.payload, REMOTE);
    if (!this.synced) {
      this.synced = true;
      // Edits made between opening the link and the first sync are ours: they go in as one edit.
      const local = editor().doc;
      if (this.scope === 'edit' && local !== this.baseline) writeChanges(this.doc, this.baseline, local, LOCAL);
      this.readNow();
    }
  }

  private onControl(message: ServerControl): void {
    switch (message.type) {
      case 'ready':
        this.retry = 0;
        useLive.setState({ status: 'live', scope: message.scope });
        this.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.awareness.clientID])));
        break;
      case 'ack':
        this.pending.acked(message.count);
        this.acked(message.count);
        break;
      case 'saved': {
        const server = useSession.getState().server;
        if (server) useSession.setState({ server: { ...server, version: Math.max(server.version, message.version) } });
        break;
      }
      case 'comments-changed':
        window.dispatchEvent(new CustomEvent('viplane:comments-changed'));
        break;
      case 'error':
        toast(message.message, 'error');
        break;
      case 'refused':
        // Presence: our client id is still held by our previous connection (the server has not seen it
        // end yet); the 15 s renewal brings it back. An update: the close (CLOSE.refused) that follows resyncs.
        if (message.what === 'update') toast(refusalText(message, editor().doc), 'error', 10_000);
        break;
    }
  }

  private acked(count: number): void {
    useLive.setState({ pending: Math.max(0, this.sent - count) });
    if (this.sent <= count) useSession.setState({ dirty: false });
  }

  private onClose(socket: WebSocket, code: number, reason: string): void {
    if (socket !== this.socket) return;
    this.socket = null;
    // Each connection counts its own acknowledgements.
    this.sent = 0;
    this.pending.disconnected();
    if (this.stopped) return;
    if (FINAL.has(code)) {
      this.stopped = true;
      const why =
        code === CLOSE.revoked ? 'The share link was revoked: live editing has ended.' : reason || `The live session ended (${code}).`;
      useLive.setState({ status: 'ended', endedReason: why, others: [] });
      editor().setReadOnly(true);
      const unsent = this.pending.size > 0 ? ' Your edits the server did not receive are on the canvas: Save file keeps them.' : '';
      toast(why + unsent, 'error', 10_000);
      return;
    }
    useLive.setState({ status: code === 4000 ? 'offline' : 'connecting', others: [] });
    if (code === CLOSE.refused) {
      // The refused edits are gone with the old Y.Doc: they must not come back on a reload either.
      this.pending.clear();
      this.resetDoc();
      useLive.setState({ pending: 0 });
      this.connect();
      return;
    }
    if (code === 4000) return;
    const delay = Math.min(5000, 500 * 2 ** this.retry++);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private send(data: Uint8Array | string): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(data);
  }

  private sendUpdate(update: Uint8Array): void {
    if (this.socket?.readyState !== WebSocket.OPEN || !this.synced) return;
    this.socket.send(updateFrame(update));
    this.pending.sentLatest();
    this.sent++;
    useLive.setState({ pending: useLive.getState().pending + 1 });
    if (!useSession.getState().dirty) useSession.setState({ dirty: true });
  }

  /** The editor document last written to the Y.Doc, while a write is due. */
  private written: TopologyDocument | null = null;
  private writeTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * A drag changes the document every frame: writes go out at once, then at most every WRITE_MS
   * (well inside the server's update rate), each carrying everything since the last.
   */
  private scheduleWrite(): void {
    if (this.writeTimer !== undefined) return;
    this.flushWrite();
    this.writeTimer = setTimeout(() => {
      this.writeTimer = undefined;
      if (this.written) this.flushWrite();
    }, WRITE_MS);
  }

  private flushWrite(): void {
    const from = this.written;
    this.written = null;
    if (from) writeChanges(this.doc, from, editor().doc, LOCAL);
  }

  private scheduleRead(): void {
    if (!this.synced || this.readScheduled) return;
    this.readScheduled = true;
    queueMicrotask(() => {
      this.readScheduled = false;
      this.readNow();
    });
  }

  /** Puts the Y.Doc's document into the editor (restore-checked) without touching the undo history. */
  private readNow(): void {
    // Our own edits first, so the document read back holds them.
    if (this.written) this.flushWrite();
    const result = readDocument(this.doc);
    // Not readable yet (an update arrived before one it builds on): keep showing the last good document.
    if (!result.ok) return;
    this.applyingRemote = true;
    try {
      editor().applyRemote(result.document as TopologyDocument);
    } finally {
      this.applyingRemote = false;
    }
  }

  /** Ask the server for a version in the history now ("Save version"). */
  saveVersion(): void {
    // The edit just made goes first: the server handles this socket's messages in order.
    if (this.written) this.flushWrite();
    this.send(JSON.stringify({ type: 'save-version' }));
  }

  setPresence(patch: Partial<Presence>): void {
    const state = this.awareness.getLocalState();
    if (!state) return;
    this.awareness.setLocalState({ ...state, ...patch });
  }

  private publishOthers(): void {
    const others: Participant[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID) continue;
      const presence = readPresence(state);
      if (presence) others.push({ clientId, ...presence });
    }
    others.sort((a, b) => a.clientId - b.clientId);
    const { following } = useLive.getState();
    useLive.setState({ others, following: following !== null && others.some((o) => o.clientId === following) ? following : null });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.unsubscribe();
    setUndoRedo(null);
    useEditor.temporal.getState().resume();
    this.socket?.close(1000, 'left');
    this.awareness.destroy();
    this.undo.destroy();
    this.doc.destroy();
    useLive.setState({ status: 'off', scope: null, others: [], following: null, pending: 0 });
  }
}
