/**
 * Every limit the server enforces on what a client sends, in one place (the README lists them).
 * Each is checked before the work it protects, and going over one is a 4xx that names the limit
 * and the value (413 for sizes and counts, 400 for malformed or out-of-range input). Limits that
 * belong to a package live there (restore()'s in @viplane/model, the import parsers' in
 * @viplane/formats) and are re-exported here, so this file is the whole list.
 */
import { IMPORT_LIMITS, PNG_BUDGET } from '@viplane/formats';
import { DOCUMENT_LIMITS } from '@viplane/model';
import { DEFAULT_BODY_LIMIT } from './config.ts';

export { DOCUMENT_LIMITS, IMPORT_LIMITS };

export const REQUEST_LIMITS = {
  /** Bytes of a request body (BODY_LIMIT overrides): 413. */
  bodyBytes: DEFAULT_BODY_LIMIT,
  /** Nesting of arrays and objects in a JSON body, counted before it is parsed: 400. */
  jsonDepth: 64,
  /** Elements and links of one document, counted before restore() looks at them: 413. */
  elements: 20_000,
  links: 40_000,
  /** Multipart bodies of /api/import: files, other fields, all parts, header pairs per part. */
  multipartFiles: 20,
  multipartFields: 10,
  multipartParts: 30,
  multipartHeaderPairs: 200,
  /** Versions are PostgreSQL integers: numbers from If-Match and paths beyond this are 400. */
  maxVersion: 2_147_483_647,
  /** Characters of a value echoed in an error message before it is cut with "…". */
  echoedValueChars: 80,
} as const;

/** Comments (routes/comments.ts): text sizes are 400 naming the field (schema), counts 413 LIMIT_EXCEEDED. */
export const COMMENT_LIMITS = {
  /** Characters of one comment's text. */
  bodyChars: 4_000,
  /** Characters of an author's display name. */
  authorChars: 80,
  /** Threads on one design. */
  threadsPerDesign: 500,
  /** Comments in one thread (the first one included). */
  commentsPerThread: 100,
  /** Canvas coordinates of a point thread, either way from the origin. */
  coordinate: 10_000_000,
} as const;

/** Heavy work runs in worker threads (src/work/): each job has a time limit and a heap cap. */
export const WORK_LIMITS = {
  /** Wall-clock time of one job (export, import, validation of a large document): 503 beyond it. */
  jobMs: 60_000,
  /** V8 old-generation heap of a worker: a job that needs more is a 413. */
  workerHeapMb: 1536,
  /** Jobs waiting for a worker; more are refused with 503 + Retry-After. */
  queue: 16,
  /** Documents with more elements + links than this are validated in a worker, not in the request thread. */
  inlineValidationItems: 2_000,
  /** Pixels of one PNG diagram in a bundle; larger diagrams are scaled down to it (or skipped, said in the README). */
  pngPixels: PNG_BUDGET.perDiagram,
  /** Pixels of all PNG diagrams of one bundle together. */
  pngPixelsPerBundle: PNG_BUDGET.perBundle,
} as const;

/**
 * Live sessions (src/live, the WebSocket at /api/designs/:id/live). Going over one closes the socket
 * with the code and a reason that names the limit (close codes in @viplane/sync CLOSE).
 */
export const LIVE_LIMITS = {
  /** Bytes of one WebSocket message (a large paste or a long offline session is one update): close 1009. */
  messageBytes: 4 * 1024 * 1024,
  /** Document updates per connection: a bucket of `updateBurst` refilled at `updatesPerSecond`: close 4008. */
  updatesPerSecond: 30,
  updateBurst: 120,
  /** Presence (awareness) messages per connection, same bucket scheme: close 4008. */
  presencePerSecond: 40,
  presenceBurst: 120,
  /** People in one design's session on one replica, plus those seen from the others: close 4009. */
  participantsPerDesign: 50,
  /** Time to send the token (first message) when it did not come in Sec-WebSocket-Protocol: close 4011. */
  authTimeoutMs: 5_000,
  /** Bytes of a presence message fanned out to other replicas (a PostgreSQL NOTIFY payload is < 8000 bytes). */
  presenceFanoutBytes: 6_000,
  /** Rows in the update log of one design before they are folded into its snapshot. */
  compactAfterUpdates: 500,
  /**
   * A WebSocket ping every this many ms; a connection that answered neither of the last two is ended.
   * A connection that died without a close (sleep, network change) would otherwise hold its presence
   * client id (and its place among the participants) until TCP gives up, hours later.
   */
  heartbeatMs: 15_000,
} as const;
