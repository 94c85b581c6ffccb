/**
 * Comment threads of a stored design, pinned to an element, a link or a canvas point. Read with
 * any link (view, comment, edit); written with a comment or edit link (a view link gets 403
 * VIEW_ONLY). Whose comment it is: the writer's browser sends a random author key in
 * `X-Author-Key` (never stored, only its SHA-256), so only its author can edit a comment; an edit
 * link may also delete any comment or thread (moderation). Counts are limited per design and per
 * thread (COMMENT_LIMITS, 413 LIMIT_EXCEEDED naming the limit), text lengths by the schema (400
 * naming the field).
 */
import { randomBytes } from 'node:crypto';
import { Type, type FastifyPluginAsyncTypebox, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { allows, authorize } from '../auth/access.ts';
import { perTokenRateLimit } from '../auth/rateLimit.ts';
import { sha256Hex } from '../auth/tokens.ts';
import type { AppConfig } from '../config.ts';
import type { CommentRecord, OverLimit, ThreadRecord } from '../db/comments.ts';
import { HttpError, notFound } from '../errors.ts';
import { COMMENT_LIMITS } from '../limits.ts';
import { BearerAuth, DesignId, errorResponses } from '../schemas.ts';

const RecordId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
const Author = Type.String({
  minLength: 1,
  maxLength: COMMENT_LIMITS.authorChars,
  pattern: '\\S',
  description: 'Display name of the writer',
});
const Body = Type.String({
  minLength: 1,
  maxLength: COMMENT_LIMITS.bodyChars,
  pattern: '\\S',
  description: 'The comment text (plain text)',
});
const Coordinate = Type.Number({ minimum: -COMMENT_LIMITS.coordinate, maximum: COMMENT_LIMITS.coordinate });

const Target = Type.Union(
  [
    Type.Object({ kind: Type.Union([Type.Literal('element'), Type.Literal('link')]), id: RecordId }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('point'), x: Coordinate, y: Coordinate }, { additionalProperties: false }),
  ],
  { description: 'An element or link of the document by id, or a point of the canvas' },
);

const Comment = Type.Object({
  id: Type.String(),
  author: Type.String(),
  body: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  editedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  mine: Type.Boolean({ description: 'Written with the X-Author-Key of this request' }),
});

const Thread = Type.Object({
  id: Type.String(),
  target: Target,
  status: Type.Union([Type.Literal('open'), Type.Literal('resolved')]),
  createdAt: Type.String({ format: 'date-time' }),
  resolvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  resolvedBy: Type.Union([Type.String(), Type.Null()]),
  comments: Type.Array(Comment),
});

const AuthorKeyHeaders = Type.Object({
  'x-author-key': Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9_-]{22,128}$',
      description: "A random key the writer's browser keeps (22+ base64url characters): it makes a comment yours to edit",
    }),
  ),
});

type ApiThread = Static<typeof Thread>;

function authorKeyHash(request: FastifyRequest): string | undefined {
  const key = request.headers['x-author-key'];
  return typeof key === 'string' ? sha256Hex(key) : undefined;
}

function requireAuthorKey(request: FastifyRequest): string {
  const hash = authorKeyHash(request);
  if (hash === undefined) {
    throw new HttpError(400, 'writing a comment needs an X-Author-Key header (a random key your browser keeps)', {
      code: 'SCHEMA',
      errors: [{ path: '/x-author-key', message: 'is required to write', in: 'headers' }],
    });
  }
  return hash;
}

const apiComment = (c: CommentRecord, me: string | undefined) => ({
  id: c.id,
  author: c.author,
  body: c.body,
  createdAt: c.createdAt,
  editedAt: c.editedAt,
  mine: me !== undefined && c.authorKeySha256 === me,
});

const apiThread = (t: ThreadRecord, me: string | undefined): ApiThread => ({
  id: t.id,
  target: t.target,
  status: t.resolvedAt === null ? 'open' : 'resolved',
  createdAt: t.createdAt,
  resolvedAt: t.resolvedAt,
  resolvedBy: t.resolvedBy,
  comments: t.comments.map((c) => apiComment(c, me)),
});

function overLimit(o: OverLimit): HttpError {
  const what = o.over === 'threads' ? 'comment threads on this design' : 'comments in this thread';
  return new HttpError(413, `at most ${o.max} ${what}: delete or resolve old ones first`, {
    code: 'LIMIT_EXCEEDED',
    body: { limit: o.over === 'threads' ? 'threadsPerDesign' : 'commentsPerThread', max: o.max, actual: o.actual },
  });
}

const newId = () => randomBytes(12).toString('base64url');

const comments: FastifyPluginAsyncTypebox<Pick<AppConfig, 'rateLimit'>> = async (fastify, { rateLimit }) => {
  const { repository, comments: store } = fastify;
  const tokenLimit = perTokenRateLimit(fastify, rateLimit);
  const DesignParams = Type.Object({ id: DesignId });
  const ThreadParams = Type.Object({ id: DesignId, threadId: RecordId });
  const CommentParams = Type.Object({ id: DesignId, threadId: RecordId, commentId: RecordId });
  const common = { tags: ['comments'], security: BearerAuth, headers: AuthorKeyHeaders };

  // A comment written on this replica reaches every open live session of the design at once (on
  // every replica) instead of at their next poll. Best effort: the write has already succeeded.
  fastify.addHook('onResponse', async (request, reply) => {
    if (request.method === 'GET' || reply.statusCode >= 400) return;
    const designId = (request.params as { id?: string } | undefined)?.id;
    if (!designId) return;
    await fastify.live.publish(designId, { type: 'comments-changed' }).catch((error: unknown) => {
      request.log.warn({ err: error }, 'could not announce a comment change to live sessions');
    });
  });

  fastify.get(
    '/designs/:id/comments',
    {
      preHandler: tokenLimit,
      schema: {
        ...common,
        summary: 'List the comment threads (any link)',
        params: DesignParams,
        response: { 200: Type.Object({ threads: Type.Array(Thread) }), ...errorResponses(400, 401, 404, 410, 429) },
      },
    },
    async (request, reply) => {
      await authorize(repository, request, request.params.id, 'view');
      reply.header('cache-control', 'no-store');
      const me = authorKeyHash(request);
      return { threads: (await store.listThreads(request.params.id)).map((t) => apiThread(t, me)) };
    },
  );

  fastify.post(
    '/designs/:id/comments',
    {
      preHandler: tokenLimit,
      schema: {
        ...common,
        summary: 'Start a comment thread on an element, a link or a point (comment or edit link)',
        params: DesignParams,
        body: Type.Object({ target: Target, author: Author, body: Body }, { additionalProperties: false }),
        response: { 201: Thread, ...errorResponses(400, 401, 403, 404, 410, 413, 429) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const link = await authorize(repository, request, id, 'comment');
      const me = requireAuthorKey(request);
      const { target, author, body } = request.body;
      const made = await store.createThread(
        id,
        { id: newId(), target, first: { id: newId(), author: author.trim(), body, authorKeySha256: me, linkId: link.id } },
        COMMENT_LIMITS.threadsPerDesign,
      );
      if (made === undefined) throw notFound('no such design');
      if ('over' in made) throw overLimit(made);
      reply.code(201);
      return apiThread(made, me);
    },
  );

  fastify.post(
    '/designs/:id/comments/:threadId/replies',
    {
      preHandler: tokenLimit,
      schema: {
        ...common,
        summary: 'Reply in a thread (comment or edit link)',
        params: ThreadParams,
        body: Type.Object({ author: Author, body: Body }, { additionalProperties: false }),
        response: { 201: Comment, ...errorResponses(400, 401, 403, 404, 410, 413, 429) },
      },
    },
    async (request, reply) => {
      const { id, threadId } = request.params;
      const link = await authorize(repository, request, id, 'comment');
      const me = requireAuthorKey(request);
      const made = await store.addComment(
        id,
        threadId,
        { id: newId(), author: request.body.author.trim(), body: request.body.body, authorKeySha256: me, linkId: link.id },
        COMMENT_LIMITS.commentsPerThread,
      );
      if (made === undefined) throw notFound(`design has no comment thread "${threadId}"`);
      if ('over' in made) throw overLimit(made);
      reply.code(201);
      return apiComment(made, me);
    },
  );

  fastify.patch(
    '/designs/:id/comments/:threadId',
    {
      preHandler: tokenLimit,
      schema: {
        ...common,
        summary: 'Resolve or reopen a thread (comment or edit link)',
        params: ThreadParams,
        body: Type.Object(
          { status: Type.Union([Type.Literal('open'), Type.Literal('resolved')]), author: Author },
          { additionalProperties: false },
        ),
        response: { 200: Thread, ...errorResponses(400, 401, 403, 404, 410, 429) },
      },
    },
    async (request) => {
      const { id, threadId } = request.params;
      await authorize(repository, request, id, 'comment');
      const { status, author } = request.body;
      const thread = await store.setResolved(id, threadId, status === 'resolved' ? author.trim() : null);
      if (!thread) throw notFound(`design has no comment thread "${threadId}"`);
      return apiThread(thread, authorKeyHash(request));
    },
  );

  fastify.delete(
    '/designs/:id/comments/:threadId',
    {
      preHandler: tokenLimit,
      schema: {
        ...common,
        summary: 'Delete a whole thread (an edit link, or the author of every comment in it)',
        params: ThreadParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 410, 429) },
      },
    },
    async (request, reply) => {
      const { id, threadId } = request.params;
      const link = await authorize(repository, request, id, 'comment');
      const thread = await store.getThread(id, threadId);
      if (!thread) throw notFound(`design has no comment thread "${threadId}"`);
      const me = authorKeyHash(request);
      if (!allows(link.scope, 'edit') && !thread.comments.every((c) => c.authorKeySha256 === me)) {
        throw new HttpError(403, 'only an edit link, or the author of every comment in it, can delete a thread', { code: 'NOT_AUTHOR' });
      }
      await store.deleteThread(id, threadId);
      return reply.code(204).send(null);
    },
  );

  /** The comment, when the caller may change it: its author (by key), or for deletion also an edit link. */
  async function ownComment(request: FastifyRequest, id: string, threadId: string, commentId: string, editLinkMay: boolean) {
    const link = await authorize(repository, request, id, 'comment');
    const thread = await store.getThread(id, threadId);
    const comment = thread?.comments.find((c) => c.id === commentId);
    if (!comment) throw notFound(`design has no comment "${commentId}" in thread "${threadId}"`);
    const me = authorKeyHash(request);
    if (comment.authorKeySha256 !== me && !(editLinkMay && allows(link.scope, 'edit'))) {
      throw new HttpError(403, `only its author can ${editLinkMay ? 'delete' : 'edit'} this comment`, { code: 'NOT_AUTHOR' });
    }
    return me;
  }

  fastify.patch(
    '/designs/:id/comments/:threadId/replies/:commentId',
    {
      preHandler: tokenLimit,
      schema: {
        ...common,
        summary: 'Edit your own comment',
        params: CommentParams,
        body: Type.Object({ body: Body }, { additionalProperties: false }),
        response: { 200: Comment, ...errorResponses(400, 401, 403, 404, 410, 429) },
      },
    },
    async (request) => {
      const { id, threadId, commentId } = request.params;
      const me = await ownComment(request, id, threadId, commentId, false);
      const edited = await store.editComment(id, threadId, commentId, request.body.body);
      if (!edited) throw notFound(`design has no comment "${commentId}" in thread "${threadId}"`);
      return apiComment(edited, me);
    },
  );

  fastify.delete(
    '/designs/:id/comments/:threadId/replies/:commentId',
    {
      preHandler: tokenLimit,
      schema: {
        ...common,
        summary: 'Delete a comment (yours, or any with an edit link); the last one takes its thread along',
        params: CommentParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 410, 429) },
      },
    },
    async (request, reply) => {
      const { id, threadId, commentId } = request.params;
      await ownComment(request, id, threadId, commentId, true);
      if (!(await store.deleteComment(id, threadId, commentId))) throw notFound(`design has no comment "${commentId}"`);
      return reply.code(204).send(null);
    },
  );
};

export default comments;
