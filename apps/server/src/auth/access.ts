/**
 * Who may do what with a design: the bearer token names a share link; the link's scope decides.
 * Every failure that could reveal whether a design exists (unknown id, wrong token, a token of
 * another design, revoked, expired) is the same 404, checked against the database on every
 * request, so a revocation takes effect at once on every replica.
 */
import type { FastifyRequest } from 'fastify';
import type { DesignRepository, ShareScope, StoredShareLink } from '../db/repository.ts';
import { HttpError } from '../errors.ts';
import { bearerToken, linkIdOf, tokenMatches } from './tokens.ts';

export const NO_SUCH_DESIGN = 'no design with this id, or the token is not valid for it (unknown, revoked or expired)';

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
  const valid =
    link !== undefined &&
    tokenMatches(token, link.tokenSha256) &&
    link.designId === designId &&
    link.revokedAt === null &&
    (link.expiresAt === null || Date.parse(link.expiresAt) > Date.now());
  if (!valid) throw new HttpError(404, NO_SUCH_DESIGN, { code: 'NOT_FOUND' });
  if (need === 'edit' && link.scope !== 'edit') {
    throw new HttpError(403, 'this is a view link: it cannot change the design or its links', { code: 'VIEW_ONLY' });
  }
  return link;
}

/** Rate-limit key for token-bearing requests: the public link id, never the secret. */
export function tokenRateKey(request: FastifyRequest): string | undefined {
  const token = bearerToken(request.headers.authorization);
  const linkId = token === undefined ? undefined : linkIdOf(token);
  return linkId === undefined ? undefined : `link:${linkId}`;
}
