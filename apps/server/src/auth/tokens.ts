/**
 * Share tokens. A token is `<linkId>.<secret>`: the link id (96 random bits) is public and finds
 * the row; the secret (256 random bits from the CSPRNG) proves possession. Only SHA-256 of the
 * whole token is stored, and the comparison is constant-time, so neither a database dump nor
 * response timing gives a usable token away. A fast hash is right here: the secret has 256 bits
 * of entropy, so there is nothing for a slow password hash to protect.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const LINK_ID_BYTES = 12;
const SECRET_BYTES = 32;
const TOKEN = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

export interface IssuedToken {
  linkId: string;
  /** Shown once, to the caller that created the link; never stored. */
  token: string;
  sha256: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function issueToken(): IssuedToken {
  const linkId = randomBytes(LINK_ID_BYTES).toString('base64url');
  const token = `${linkId}.${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { linkId, token, sha256: sha256Hex(token) };
}

/** Design ids are random too (128 bits), so they cannot be enumerated. */
export function newDesignId(): string {
  return randomBytes(16).toString('base64url');
}

/** The link id of a well-formed token, or undefined. */
export function linkIdOf(token: string): string | undefined {
  return TOKEN.exec(token)?.[1];
}

/** The token of an `Authorization: Bearer <token>` header; undefined when absent or not Bearer. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function tokenMatches(token: string, storedSha256Hex: string): boolean {
  const presented = createHash('sha256').update(token).digest();
  const stored = Buffer.from(storedSha256Hex, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
