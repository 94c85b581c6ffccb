/**
 * One WebSocket connection to a live session: authentication by share token (first message or
 * Sec-WebSocket-Protocol), then the Yjs sync and presence messages, each checked against the link's
 * scope and the limits. Only an `edit` link may change the document: a document update from any other
 * scope is dropped and the connection closed (CLOSE.readOnly), whatever the client claims.
 */
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  CLOSE,
  FRAME_AWARENESS,
  FRAME_SYNC,
  SYNC_UPDATE,
  SYNC_STEP1,
  SYNC_STEP2,
  awarenessFrame,
  parseFrame,
  syncFrame,
  TOKEN_PROTOCOL_PREFIX,
  type ServerControl,
} from '@viplane/sync';
import { linkIdOf, tokenMatches } from '../auth/tokens.ts';
import type { DesignRepository, StoredShareLink } from '../db/repository.ts';
import { LIVE_LIMITS } from '../limits.ts';
import { Bucket } from './bucket.ts';
import type { LiveHub } from './hub.ts';
import type { Participant, Room } from './room.ts';

/** The token from a `Sec-WebSocket-Protocol` header (`viplane-live, token.<token>`), if any. */
export function tokenFromProtocols(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(',')) {
    const p = part.trim();
    if (p.startsWith(TOKEN_PROTOCOL_PREFIX)) return p.slice(TOKEN_PROTOCOL_PREFIX.length);
  }
  return undefined;
}

/**
 * The link a token opens, or why not. A revoked or expired link is named as such (as the REST routes
 * answer 410), but only once the whole token matched its stored hash, so guessing learns nothing.
 */
async function findLink(
  repository: DesignRepository,
  designId: string,
  token: string,
): Promise<{ link: StoredShareLink } | { gone: string } | undefined> {
  const linkId = linkIdOf(token);
  const link = linkId === undefined ? undefined : await repository.findShareLink(linkId);
  if (link === undefined || !tokenMatches(token, link.tokenSha256) || link.designId !== designId) return undefined;
  if (link.revokedAt !== null) return { gone: 'this share link was revoked' };
  if (link.expiresAt !== null && Date.parse(link.expiresAt) <= Date.now()) return { gone: 'this share link has expired' };
  return { link };
}

/** A WebSocket close reason is at most 123 bytes of UTF-8. */
function closeReason(text: string): string {
  let out = text;
  while (Buffer.byteLength(out) > 123) out = `${out.slice(0, out.length - 2)}…`;
  return out;
}

export class Session implements Participant {
  linkId = '';
  readonly clientIds = new Set<number>();
  private link: StoredShareLink | undefined;
  private room: Room | undefined;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  private accepted = 0;
  private readonly updates = new Bucket(LIVE_LIMITS.updatesPerSecond, LIVE_LIMITS.updateBurst);
  private readonly presence = new Bucket(LIVE_LIMITS.presencePerSecond, LIVE_LIMITS.presenceBurst);
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly socket: WebSocket,
    private readonly designId: string,
    private readonly hub: LiveHub,
    private readonly repository: DesignRepository,
    private readonly log: { warn(obj: object, msg: string): void },
    headerToken: string | undefined,
  ) {
    // Handlers are attached at once: a message sent right after the handshake must not be lost.
    socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      if (isBinary && !this.withinRate(bytes)) return;
      this.queue = this.queue.then(() => this.onMessage(bytes, isBinary)).catch((error: unknown) => this.fail(error));
    });
    socket.on('close', () => void this.onClose());
    // Ended after two pings in a row go unanswered: one alone can be a pong still waiting behind a busy
    // event loop (timers run before I/O is read).
    let unanswered = 0;
    socket.on('pong', () => (unanswered = 0));
    const heartbeat = setInterval(() => {
      if (this.closed || socket.readyState !== socket.OPEN) return;
      if (unanswered >= 2) return socket.terminate();
      unanswered++;
      socket.ping();
    }, hub.heartbeatMs);
    heartbeat.unref();
    this.timers.push(heartbeat);
    socket.on('error', () => this.close(CLOSE.protocol, 'socket error'));
    if (headerToken !== undefined) this.queue = this.queue.then(() => this.authenticate(headerToken)).catch((e: unknown) => this.fail(e));
    else {
      const timer = setTimeout(() => {
        if (!this.link) this.close(CLOSE.authTimeout, 'send the share token first: {"type":"auth","token":"…"}');
      }, LIVE_LIMITS.authTimeoutMs);
      this.timers.push(timer);
    }
  }

  /**
   * Rates are counted as messages arrive, not as they are processed (storing is slower than sending).
   * The first bytes say the kind: [FRAME_SYNC, SYNC_STEP2 | SYNC_UPDATE] changes the document, [FRAME_AWARENESS] is presence.
   */
  private withinRate(bytes: Buffer): boolean {
    if (bytes[0] === FRAME_AWARENESS) {
      if (this.presence.take()) return true;
      this.close(CLOSE.rateLimited, `too many presence messages (${LIVE_LIMITS.presencePerSecond}/s)`);
      return false;
    }
    if (bytes[0] === FRAME_SYNC && (bytes[1] === SYNC_STEP2 || bytes[1] === SYNC_UPDATE) && !this.updates.take()) {
      this.close(CLOSE.rateLimited, `too many updates (${LIVE_LIMITS.updatesPerSecond}/s)`);
      return false;
    }
    return true;
  }

  send(data: Uint8Array | ServerControl): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(data instanceof Uint8Array ? data : JSON.stringify(data));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
  }

  private fail(error: unknown): void {
    this.log.warn({ err: error, designId: this.designId }, 'live: connection failed');
    // 1011: the server could not go on (e.g. the database is away); the client reconnects and resends.
    this.close(1011, 'the server could not store the update; reconnect');
  }

  private async authenticate(token: string): Promise<void> {
    const found = await findLink(this.repository, this.designId, token);
    if (!found) return this.close(CLOSE.unauthorised, 'no design with this id, or the token is not valid for it');
    if ('gone' in found) return this.close(CLOSE.revoked, found.gone);
    const { link } = found;
    const room = await this.hub.room(this.designId);
    if (!room) return this.close(CLOSE.unauthorised, 'no design with this id, or the token is not valid for it');
    if (this.closed) return;
    if (room.count() >= LIVE_LIMITS.participantsPerDesign) {
      return this.close(CLOSE.full, `the session is full (${LIVE_LIMITS.participantsPerDesign} participants per design)`);
    }
    this.link = link;
    this.linkId = link.id;
    this.room = room;
    room.join(this);
    if (link.expiresAt !== null) {
      const timer = setTimeout(
        () => this.close(CLOSE.unauthorised, 'the share link expired'),
        Math.min(Date.parse(link.expiresAt) - Date.now(), 2 ** 31 - 1),
      );
      this.timers.push(timer);
    }
    this.send({ type: 'ready', scope: link.scope, designId: this.designId });
    // Our state to the client; an editor is asked for its state too (edits made offline come back this way).
    this.send(syncFrame(SYNC_STEP2, room.diffFor(new Uint8Array([0]))));
    if (link.scope === 'edit') this.send(syncFrame(SYNC_STEP1, room.stateVector()));
    const states = [...room.awareness.getStates().keys()];
    if (states.length > 0) this.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(room.awareness, states)));
  }

  private async onMessage(data: Buffer, isBinary: boolean): Promise<void> {
    if (this.closed) return;
    if (!isBinary) return this.onControl(data.toString('utf8'));
    const room = this.room;
    if (!room || !this.link) return this.close(CLOSE.unauthorised, 'send the share token first');
    let frame;
    try {
      frame = parseFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (error) {
      return this.close(CLOSE.protocol, `unreadable message: ${(error as Error).message}`.slice(0, 120));
    }
    if (frame.kind === FRAME_AWARENESS) {
      let taken: number | undefined;
      try {
        taken = room.applyPresence(this, frame.payload);
      } catch {
        return this.close(CLOSE.protocol, 'unreadable presence message');
      }
      // Dropped, not closed: a client that reconnects before the server noticed its old connection
      // end announces its id again, and must not be thrown out for it (its presence returns once the
      // old connection is gone and it renews it, every 15 s).
      if (taken !== undefined)
        this.send({
          type: 'refused',
          what: 'presence',
          clientId: taken,
          message: `presence for client id ${taken} belongs to another connection; the message was dropped`,
        });
      return;
    }
    if (frame.syncKind === SYNC_STEP1) {
      this.send(syncFrame(SYNC_STEP2, room.diffFor(frame.payload)));
      return;
    }
    // SYNC_STEP2 or SYNC_UPDATE: a change to the document.
    if (this.link.scope !== 'edit') return this.close(CLOSE.readOnly, `a ${this.link.scope} link cannot change the design`);
    try {
      Y.decodeUpdate(frame.payload);
    } catch {
      return this.close(CLOSE.protocol, 'unreadable document update');
    }
    // A failure to store it goes to fail(): 1011, and the client sends it again after reconnecting.
    const refused = await room.applyFromParticipant(this, frame.payload);
    if (refused) {
      // Neither stored nor relayed. The client's Y.Doc holds it, and any later update of its builds on
      // it: the connection ends, and the client resyncs from the server without its unconfirmed edits.
      const first = refused[0];
      const message = first
        ? `the update was refused: ${first.path || '/'} ${first.message} (${JSON.stringify(first.value) ?? 'undefined'})`
        : 'the update was refused: the document would not be valid';
      this.send({ type: 'refused', what: 'update', message, errors: refused });
      return this.close(CLOSE.refused, closeReason(message));
    }
    this.send({ type: 'ack', count: ++this.accepted });
  }

  private async onControl(text: string): Promise<void> {
    let message: { type?: unknown; token?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return this.close(CLOSE.protocol, 'a text message must be JSON');
    }
    if (message?.type === 'auth' && typeof message.token === 'string') {
      if (this.link) return;
      return this.authenticate(message.token);
    }
    if (!this.link || !this.room) return this.close(CLOSE.unauthorised, 'send the share token first');
    if (message?.type === 'save-version') {
      if (this.link.scope !== 'edit') return this.send({ type: 'error', message: `a ${this.link.scope} link cannot save versions` });
      const version = await this.room.saveVersion(this.link.id);
      if (version === undefined) this.send({ type: 'error', message: 'the session document could not be saved' });
      else this.send({ type: 'saved', version });
      return;
    }
    return this.close(CLOSE.protocol, `unknown message type ${JSON.stringify(message?.type)}`.slice(0, 120));
  }

  private async onClose(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    const room = this.room;
    if (!room) return;
    if (room.leave(this)) await this.hub.release(room).catch(() => {});
  }
}
