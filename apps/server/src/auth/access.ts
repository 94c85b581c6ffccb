/**
 * Who may do what with a design: the bearer token names a share link; the link's scope decides
 * (view < comment < edit, each allowing what the one before does).
 *
 * Anything that could reveal whether a design exists to someone without a real token (unknown id,
 * wrong token, a token of another design) is the same 404. A link that was real but is revoked or
 * expired answers 410 SHARE_REVOKED / SHARE_EXPIRED, so its holder is told plainly: that tells
 * them only about the token they already hold (its SHA-256 matched), never about another design.
 * Checked against the database on every request, so a revocation takes effect at once on every
 * replica.
 */
import type { FastifyRequest } from 'fastify';
import type { DesignRepository, ShareScope, StoredShareLink } from '../db/repository.ts';
import { HttpError } from '../errors.ts';
import { bearerToken, linkIdOf, tokenMatches } from './tokens.ts';

export const NO_SUCH_DESIGN = 'no design with this id, or the token is not valid for it';

/** A link's last use is written at most this often (one small UPDATE per link per minute). */
export const LAST_USED_INTERVAL_S = 60;

const RANK: Record<ShareScope, number> = { view: 0, comment: 1, edit: 2 };

/** Whether a link of scope `has` may do what needs `need`. */
export function allows(has: ShareScope, need: ShareScope): boolean {
  return RANK[has] >= RANK[need];
}

export async function authorize(
  repository: DesignRepository,
  request: FastifyRequest,
  designId: string,
  need: ShareScope,
): Promise<StoredShareLink> {
  const token = bearerToken(request.headers.authorization);
  if (token === undefined) {
    throw new HttpError(401, 'this design needs a share token: send it as "Authorization: Bearer <token>"', {
      code: 'TOKEN_REQUIRED',
      headers: { 'www-authenticate': 'Bearer realm="viplane"' },
    });
  }
  const linkId = linkIdOf(token);
  const link = linkId === undefined ? undefined : await repository.findShareLink(linkId);
  if (link === undefined || !tokenMatches(token, link.tokenSha256) || link.designId !== designId) {
    throw new HttpError(404, NO_SUCH_DESIGN, { code: 'NOT_FOUND' });
  }
  if (link.revokedAt !== null) {
    throw new HttpError(410, `this share link was revoked on ${link.revokedAt}: ask the design's owner for a new one`, {
      code: 'SHARE_REVOKED',
      body: { revokedAt: link.revokedAt },
    });
  }
  if (link.expiresAt !== null && Date.parse(link.expiresAt) <= Date.now()) {
    throw new HttpError(410, `this share link expired on ${link.expiresAt}: ask the design's owner for a new one`, {
      code: 'SHARE_EXPIRED',
      body: { expiresAt: link.expiresAt },
    });
  }
  if (!allows(link.scope, need)) {
    throw new HttpError(
      403,
      link.scope === 'view'
        ? `this is a view link: it cannot ${need === 'comment' ? 'write comments' : 'change the design or its links'}`
        : 'this is a comment link: it can read and comment, not change the design or its links',
      { code: link.scope === 'view' ? 'VIEW_ONLY' : 'COMMENT_ONLY' },
    );
  }
  // At most one write per link per minute; a stale minute is fine for "last used".
  const last = link.lastUsedAt === null ? 0 : Date.parse(link.lastUsedAt);
  if (Date.now() - last >= LAST_USED_INTERVAL_S * 1000) await repository.touchShareLink(link.id, LAST_USED_INTERVAL_S);
  return link;
}

/** Rate-limit key for token-bearing requests: the public link id, never the secret. */
export function tokenRateKey(request: FastifyRequest): string | undefined {
  const token = bearerToken(request.headers.authorization);
  const linkId = token === undefined ? undefined : linkIdOf(token);
  return linkId === undefined ? undefined : `link:${linkId}`;
}
