/**
 * The comments repository: threads pinned to an element, a link or a point of a design's canvas,
 * each with its comments oldest first. Like repository.ts, written once against the Driver
 * interface so PGlite and PostgreSQL run the same SQL. Counting limits are enforced in the
 * writing transaction under a lock on the design's row, so two replicas cannot both add the
 * last allowed thread.
 */
import type { Driver, Queryable } from './drivers/types.ts';
import { iso, isoOrNull } from './timestamps.ts';

export type CommentTarget = { kind: 'element' | 'link'; id: string } | { kind: 'point'; x: number; y: number };

export interface CommentRecord {
  id: string;
  threadId: string;
  author: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  /** SHA-256 (hex) of the author's browser key: who may edit or delete it. */
  authorKeySha256: string;
  /** The share link it was written through. */
  linkId: string;
}

export interface ThreadRecord {
  id: string;
  designId: string;
  target: CommentTarget;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  comments: CommentRecord[];
}

export interface NewComment {
  id: string;
  author: string;
  body: string;
  authorKeySha256: string;
  linkId: string;
}

/** A count limit that a write would pass: which one, its maximum and the count now. */
export interface OverLimit {
  over: 'threads' | 'comments';
  max: number;
  actual: number;
}

export interface CommentRepository {
  listThreads(designId: string): Promise<ThreadRecord[]>;
  getThread(designId: string, threadId: string): Promise<ThreadRecord | undefined>;
  /** undefined when the design does not exist. */
  createThread(
    designId: string,
    thread: { id: string; target: CommentTarget; first: NewComment },
    maxThreads: number,
  ): Promise<ThreadRecord | OverLimit | undefined>;
  /** undefined when the thread is not on that design. */
  addComment(designId: string, threadId: string, comment: NewComment, maxComments: number): Promise<CommentRecord | OverLimit | undefined>;
  /** `by` = null reopens. undefined when the thread is not on that design. */
  setResolved(designId: string, threadId: string, by: string | null): Promise<ThreadRecord | undefined>;
  editComment(designId: string, threadId: string, commentId: string, body: string): Promise<CommentRecord | undefined>;
  /** Deletes one comment; a thread left without comments goes with it. False when not found. */
  deleteComment(designId: string, threadId: string, commentId: string): Promise<boolean>;
  deleteThread(designId: string, threadId: string): Promise<boolean>;
}

type Row = Record<string, unknown>;


const THREAD_COLUMNS = 'id, design_id, target_kind, target_id, x, y, created_at, resolved_at, resolved_by';
const COMMENT_COLUMNS = 'id, thread_id, author, body, created_at, edited_at, author_key_sha256, link_id';

function commentRecord(r: Row): CommentRecord {
  return {
    id: String(r['id']),
    threadId: String(r['thread_id']),
    author: String(r['author']),
    body: String(r['body']),
    createdAt: iso(r['created_at']),
    editedAt: isoOrNull(r['edited_at']),
    authorKeySha256: String(r['author_key_sha256']),
    linkId: String(r['link_id']),
  };
}

function threadRecord(r: Row, comments: CommentRecord[]): ThreadRecord {
  const kind = String(r['target_kind']);
  const target: CommentTarget =
    kind === 'point'
      ? { kind: 'point', x: Number(r['x']), y: Number(r['y']) }
      : { kind: kind === 'link' ? 'link' : 'element', id: String(r['target_id']) };
  return {
    id: String(r['id']),
    designId: String(r['design_id']),
    target,
    createdAt: iso(r['created_at']),
    resolvedAt: isoOrNull(r['resolved_at']),
    resolvedBy: r['resolved_by'] === null || r['resolved_by'] === undefined ? null : String(r['resolved_by']),
    comments,
  };
}

async function insertComment(tx: Queryable, designId: string, threadId: string, c: NewComment): Promise<CommentRecord> {
  const { rows } = await tx.query<Row>(
    `INSERT INTO comments (id, thread_id, design_id, author, author_key_sha256, link_id, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COMMENT_COLUMNS}`,
    [c.id, threadId, designId, c.author, c.authorKeySha256, c.linkId, c.body],
  );
  return commentRecord(rows[0]!);
}

async function count(tx: Queryable, sql: string, id: string): Promise<number> {
  const { rows } = await tx.query<{ n: unknown }>(sql, [id]);
  return Number(rows[0]?.n ?? 0);
}

export function createCommentRepository(db: Driver): CommentRepository {
  async function readThreads(q: Queryable, designId: string, threadId?: string): Promise<ThreadRecord[]> {
    const only = threadId === undefined ? '' : ' AND id = $2';
    const params = threadId === undefined ? [designId] : [designId, threadId];
    const threads = await q.query<Row>(
      `SELECT ${THREAD_COLUMNS} FROM comment_threads WHERE design_id = $1${only} ORDER BY created_at, id`,
      params,
    );
    if (threads.rows.length === 0) return [];
    const onlyComments = threadId === undefined ? '' : ' AND thread_id = $2';
    const comments = await q.query<Row>(
      `SELECT ${COMMENT_COLUMNS} FROM comments WHERE design_id = $1${onlyComments} ORDER BY created_at, id`,
      params,
    );
    const byThread = new Map<string, CommentRecord[]>();
    for (const r of comments.rows) {
      const c = commentRecord(r);
      byThread.set(c.threadId, [...(byThread.get(c.threadId) ?? []), c]);
    }
    return threads.rows.map((r) => threadRecord(r, byThread.get(String(r['id'])) ?? []));
  }

  /** Locks the design's row for the transaction (serialising counted inserts); false when there is no such design. */
  async function lockDesign(tx: Queryable, designId: string): Promise<boolean> {
    const { rows } = await tx.query('SELECT id FROM designs WHERE id = $1 FOR UPDATE', [designId]);
    return rows.length > 0;
  }

  return {
    listThreads: (designId) => readThreads(db, designId),

    async getThread(designId, threadId) {
      return (await readThreads(db, designId, threadId))[0];
    },

    createThread: (designId, thread, maxThreads) =>
      db.transaction(async (tx) => {
        if (!(await lockDesign(tx, designId))) return undefined;
        const actual = await count(tx, 'SELECT count(*) AS n FROM comment_threads WHERE design_id = $1', designId);
        if (actual >= maxThreads) return { over: 'threads', max: maxThreads, actual } satisfies OverLimit;
        const t = thread.target;
        await tx.query(`INSERT INTO comment_threads (id, design_id, target_kind, target_id, x, y) VALUES ($1, $2, $3, $4, $5, $6)`, [
          thread.id,
          designId,
          t.kind,
          t.kind === 'point' ? null : t.id,
          t.kind === 'point' ? t.x : null,
          t.kind === 'point' ? t.y : null,
        ]);
        await insertComment(tx, designId, thread.id, thread.first);
        return (await readThreads(tx, designId, thread.id))[0]!;
      }),

    addComment: (designId, threadId, comment, maxComments) =>
      db.transaction(async (tx) => {
        const { rows } = await tx.query('SELECT id FROM comment_threads WHERE id = $1 AND design_id = $2 FOR UPDATE', [threadId, designId]);
        if (rows.length === 0) return undefined;
        const actual = await count(tx, 'SELECT count(*) AS n FROM comments WHERE thread_id = $1', threadId);
        if (actual >= maxComments) return { over: 'comments', max: maxComments, actual } satisfies OverLimit;
        return insertComment(tx, designId, threadId, comment);
      }),

    async setResolved(designId, threadId, by) {
      const { rows } = await db.query(
        `UPDATE comment_threads SET resolved_at = CASE WHEN $3::text IS NULL THEN NULL ELSE now() END, resolved_by = $3::text
         WHERE id = $1 AND design_id = $2 RETURNING id`,
        [threadId, designId, by],
      );
      return rows.length === 0 ? undefined : (await readThreads(db, designId, threadId))[0];
    },

    async editComment(designId, threadId, commentId, body) {
      const { rows } = await db.query<Row>(
        `UPDATE comments SET body = $4, edited_at = now() WHERE id = $1 AND thread_id = $2 AND design_id = $3 RETURNING ${COMMENT_COLUMNS}`,
        [commentId, threadId, designId, body],
      );
      return rows[0] ? commentRecord(rows[0]) : undefined;
    },

    deleteComment: (designId, threadId, commentId) =>
      db.transaction(async (tx) => {
        const { rows } = await tx.query('DELETE FROM comments WHERE id = $1 AND thread_id = $2 AND design_id = $3 RETURNING id', [
          commentId,
          threadId,
          designId,
        ]);
        if (rows.length === 0) return false;
        await tx.query('DELETE FROM comment_threads t WHERE t.id = $1 AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = t.id)', [
          threadId,
        ]);
        return true;
      }),

    async deleteThread(designId, threadId) {
      const { rows } = await db.query('DELETE FROM comment_threads WHERE id = $1 AND design_id = $2 RETURNING id', [threadId, designId]);
      return rows.length > 0;
    },
  };
}
