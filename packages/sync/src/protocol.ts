/**
 * The live-session wire protocol, shared by server and browser. Binary frames carry Yjs: the first
 * varuint says what follows (the framing y-websocket uses), text frames carry JSON control messages.
 * The share token travels in the first text message (`auth`) or as a `Sec-WebSocket-Protocol` entry
 * `token.<token>` beside `viplane-live`; never in the URL, which ends up in logs.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export const LIVE_PROTOCOL = 'viplane-live';
export const TOKEN_PROTOCOL_PREFIX = 'token.';

/** Binary frame kinds. */
export const FRAME_SYNC = 0;
export const FRAME_AWARENESS = 1;

/** y-protocols/sync message kinds inside a FRAME_SYNC frame. */
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export type ClientControl =
  | { type: 'auth'; token: string }
  /** Ask the server for a version in the history now (the "Save version" button). */
  | { type: 'save-version' };

export type ServerControl =
  | { type: 'ready'; scope: 'view' | 'edit' | 'comment'; designId: string }
  /** The server has stored the client's `count`-th document update: a restart cannot lose it. */
  | { type: 'ack'; count: number }
  | { type: 'saved'; version: number }
  | { type: 'comments-changed' }
  | { type: 'error'; message: string }
  /**
   * The server did not take what this connection sent. `what: 'update'`: a document update after which
   * the document would not restore (a list over its limit, a field of the wrong type…); it was neither
   * stored nor relayed, `errors` say which field and value (as the REST API's 422), and the connection
   * is then closed with CLOSE.refused: the client drops its unconfirmed edits and resyncs from the
   * server. `what: 'presence'`: an awareness message setting or removing the presence of a client id
   * that another connection holds; the whole message was dropped (the connection stays open).
   */
  | { type: 'refused'; what: 'update'; message: string; errors: RefusalError[] }
  | { type: 'refused'; what: 'presence'; message: string; clientId: number };

/** One reason a document update was refused: a JSON Pointer into the document, what is wrong, the value there. */
export interface RefusalError {
  path: string;
  message: string;
  value: unknown;
}

/**
 * Close codes (4000–4999 are the application's). The reason text says which limit or rule.
 * 1009 (message too big) is the standard code for an oversized frame.
 */
export const CLOSE = {
  /** No token, a malformed one, or one that is unknown, revoked or expired for this design. */
  unauthorised: 4001,
  /** A message the protocol does not allow, or that cannot be read. */
  protocol: 4002,
  /** A document update from a link that may not edit (view, comment). */
  readOnly: 4003,
  /** The link was revoked while the session was open. */
  revoked: 4010,
  /** Too many document updates per second on this connection. */
  rateLimited: 4008,
  /** The design already has as many participants as allowed. */
  full: 4009,
  /** No first message with the token in time. */
  authTimeout: 4011,
  /**
   * A document update was refused (the `refused` control message before the close says why): the
   * client resets its Y.Doc to the server's state, keeping none of its unconfirmed edits, and reconnects.
   */
  refused: 4012,
  tooBig: 1009,
  /** The server is shutting down; reconnect (to another replica). */
  goingAway: 1001,
} as const;

export function encodeFrame(kind: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kind);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A Yjs update as a FRAME_SYNC / SYNC_UPDATE frame. */
export function updateFrame(update: Uint8Array): Uint8Array {
  return encodeFrame(FRAME_SYNC, (e) => {
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });
}

export interface ParsedFrame {
  kind: number;
  /** For FRAME_SYNC: the sync message kind. */
  syncKind?: number;
  /** For FRAME_SYNC: the state vector (step 1) or update (step 2, update); for FRAME_AWARENESS: the awareness update. */
  payload: Uint8Array;
}

/** Reads a binary frame; throws on anything malformed (the caller closes with CLOSE.protocol). */
export function parseFrame(data: Uint8Array): ParsedFrame {
  const decoder = decoding.createDecoder(data);
  const kind = decoding.readVarUint(decoder);
  if (kind === FRAME_SYNC) {
    const syncKind = decoding.readVarUint(decoder);
    if (syncKind !== SYNC_STEP1 && syncKind !== SYNC_STEP2 && syncKind !== SYNC_UPDATE) throw new Error(`unknown sync message ${syncKind}`);
    return { kind, syncKind, payload: decoding.readVarUint8Array(decoder) };
  }
  if (kind === FRAME_AWARENESS) return { kind, payload: decoding.readVarUint8Array(decoder) };
  throw new Error(`unknown frame kind ${kind}`);
}

export function syncFrame(syncKind: number, payload: Uint8Array): Uint8Array {
  return encodeFrame(FRAME_SYNC, (e) => {
    encoding.writeVarUint(e, syncKind);
    encoding.writeVarUint8Array(e, payload);
  });
}

export function awarenessFrame(update: Uint8Array): Uint8Array {
  return encodeFrame(FRAME_AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
}
