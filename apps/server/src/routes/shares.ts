/**
 * Share links: more view, comment or edit tokens for a design, listed and revoked by an edit token.
 * Tokens are shown once, at creation; the server keeps only their SHA-256. A link may expire.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authorize } from '../auth/access.ts';
import { perTokenRateLimit } from '../auth/rateLimit.ts';
import { issueToken } from '../auth/tokens.ts';
import type { AppConfig } from '../config.ts';
import type { ShareLink as ShareLinkRecord } from '../db/repository.ts';
import { badRequest, notFound } from '../errors.ts';
import { BearerAuth, DesignId, IssuedShareLink, ShareLink, ShareScope, errorResponses } from '../schemas.ts';

const MAX_LIFETIME_S = 10 * 365 * 24 * 3600;

function view(link: ShareLinkRecord, now = Date.now()) {
  const { designId: _designId, ...rest } = link;
  return { ...rest, active: link.revokedAt === null && (link.expiresAt === null || Date.parse(link.expiresAt) > now) };
}

function expiry(body: { expiresAt?: string; expiresInSeconds?: number }): Date | null {
  if (body.expiresAt !== undefined && body.expiresInSeconds !== undefined) {
    throw badRequest('give expiresAt or expiresInSeconds, not both', {
      code: 'SCHEMA',
      errors: [{ path: '/expiresAt', message: 'conflicts with expiresInSeconds' }],
    });
  }
  if (body.expiresInSeconds !== undefined) return new Date(Date.now() + body.expiresInSeconds * 1000);
  if (body.expiresAt === undefined) return null;
  const at = Date.parse(body.expiresAt);
  if (Number.isNaN(at) || at <= Date.now() || at > Date.now() + MAX_LIFETIME_S * 1000) {
    throw badRequest('expiresAt must be a date-time in the future (at most ten years ahead)', {
      code: 'SCHEMA',
      errors: [{ path: '/expiresAt', message: 'not a future date-time', value: body.expiresAt }],
    });
  }
  return new Date(at);
}

const shares: FastifyPluginAsyncTypebox<Pick<AppConfig, 'rateLimit'>> = async (fastify, { rateLimit }) => {
  const { repository } = fastify;
  const tokenLimit = perTokenRateLimit(fastify, rateLimit);
  const Params = Type.Object({ id: DesignId });

  fastify.post(
    '/designs/:id/shares',
    {
      preHandler: tokenLimit,
      schema: {
        tags: ['designs'],
        summary: 'Create a share link (view, comment or edit)',
        description: 'Needs an edit token. The new token is in the response only.',
        security: BearerAuth,
        params: Params,
        body: Type.Object(
          {
            scope: ShareScope,
            label: Type.Optional(Type.String({ maxLength: 200 })),
            expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
            expiresInSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIFETIME_S })),
          },
          { additionalProperties: false },
        ),
        response: { 201: IssuedShareLink, ...errorResponses(400, 401, 403, 404, 410, 429) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await authorize(repository, request, id, 'edit');
      const expiresAt = expiry(request.body);
      const issued = issueToken();
      const link = await repository.createShareLink(id, {
        id: issued.linkId,
        scope: request.body.scope,
        tokenSha256: issued.sha256,
        label: request.body.label ?? null,
        expiresAt,
      });
      reply.code(201);
      return { ...view(link), token: issued.token };
    },
  );

  fastify.get(
    '/designs/:id/shares',
    {
      preHandler: tokenLimit,
      schema: {
        tags: ['designs'],
        summary: 'List the share links (never their tokens)',
        security: BearerAuth,
        params: Params,
        response: { 200: Type.Object({ shares: Type.Array(ShareLink) }), ...errorResponses(400, 401, 403, 404, 410, 429) },
      },
    },
    async (request) => {
      await authorize(repository, request, request.params.id, 'edit');
      const now = Date.now();
      return { shares: (await repository.listShareLinks(request.params.id)).map((l) => view(l, now)) };
    },
  );

  fastify.delete(
    '/designs/:id/shares/:linkId',
    {
      preHandler: tokenLimit,
      schema: {
        tags: ['designs'],
        summary: 'Revoke a share link',
        description: 'Takes effect at once: the next request with that token gets 410 SHARE_REVOKED. Revoking the link in use is allowed.',
        security: BearerAuth,
        params: Type.Object({ id: DesignId, linkId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 410, 429) },
      },
    },
    async (request, reply) => {
      const { id, linkId } = request.params;
      await authorize(repository, request, id, 'edit');
      if (!(await repository.revokeShareLink(id, linkId))) throw notFound(`design has no share link "${linkId}"`);
      return reply.code(204).send(null);
    },
  );
};

export default shares;
