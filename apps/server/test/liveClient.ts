/**
 * A live-session participant in Node (tests and the benchmark): a Y.Doc kept in sync with the server
 * over a real WebSocket, speaking the protocol of @viplane/sync like the web app does.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  FRAME_AWARENESS,
  LIVE_PROTOCOL,
  SYNC_STEP1,
  SYNC_STEP2,
  TOKEN_PROTOCOL_PREFIX,
  awarenessFrame,
  parseFrame,
  readDocument,
  syncFrame,
  updateFrame,
  writeDocument,
  type ServerControl,
} from '@viplane/sync';
import type { TopologyDocument } from '@viplane/model';

const REMOTE = 'remote';

export interface Closed {
  code: number;
  reason: string;
}

export class LiveClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly controls: ServerControl[] = [];
  readonly closed: Promise<Closed>;
  private waiters: (() => void)[] = [];

  private constructor(
    readonly socket: WebSocket,
    initial?: Uint8Array,
  ) {
    // A client that edited offline comes back with its Y.Doc: the server's sync step 1 collects the edits.
    if (initial) Y.applyUpdate(this.doc, initial, REMOTE);
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    socket.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) this.controls.push(JSON.parse(data.toString()) as ServerControl);
      else {
        const frame = parseFrame(new Uint8Array(data));
        if (frame.kind === FRAME_AWARENESS) awarenessProtocol.applyAwarenessUpdate(this.awareness, frame.payload, REMOTE);
        else if (frame.syncKind === SYNC_STEP1) this.sendRaw(syncFrame(SYNC_STEP2, Y.encodeStateAsUpdate(this.doc, frame.payload)));
        else Y.applyUpdate(this.doc, frame.payload, REMOTE);
      }
      for (const w of this.waiters.splice(0)) w();
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE && socket.readyState === WebSocket.OPEN) socket.send(updateFrame(update));
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin === REMOTE || socket.readyState !== WebSocket.OPEN) return;
        socket.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed])));
      },
    );
  }

  /** Connects with the token in Sec-WebSocket-Protocol (`header`) or in the first message. */
  static async connect(
    baseUrl: string,
    designId: string,
    token: string,
    via: 'header' | 'message' = 'header',
    initial?: Uint8Array,
  ): Promise<LiveClient> {
    const url = `${baseUrl.replace(/^http/, 'ws')}/api/designs/${designId}/live`;
    const socket = new WebSocket(url, via === 'header' ? [LIVE_PROTOCOL, TOKEN_PROTOCOL_PREFIX + token] : [LIVE_PROTOCOL]);
    const client = new LiveClient(socket, initial);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    if (via === 'message') socket.send(JSON.stringify({ type: 'auth', token }));
    return client;
  }

  sendRaw(data: Uint8Array | string): void {
    this.socket.send(data);
  }

  /** Resolves when `test()` holds, checked after every message (rejects after `ms`). */
  async until(test: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + ms;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  ready(): Promise<void> {
    return this.until(() => this.controls.some((c) => c.type === 'ready') && readDocument(this.doc).ok, 10_000, 'ready');
  }

  acked(count: number): Promise<void> {
    return this.until(() => this.controls.some((c) => c.type === 'ack' && c.count >= count), 10_000, `ack ${count}`);
  }

  document(): TopologyDocument {
    const result = readDocument(this.doc);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.document;
  }

  edit(change: (doc: TopologyDocument) => void): void {
    const next = structuredClone(this.document());
    change(next);
    writeDocument(this.doc, next, 'local');
  }

  close(): void {
    this.awareness.destroy();
    this.socket.close();
  }
}
