/**
 * Numbers that arrive as text in paths and query strings (version numbers, limits): the schema checks
 * the digits, this checks the range, so a value past PostgreSQL's integer is a 400 and never reaches SQL.
 */
import { badRequest } from '../errors.ts';
import { REQUEST_LIMITS } from '../limits.ts';

/** Digits (checked by the schema) as a number no larger than `max`, else a 400 naming where. */
export function boundedInteger(text: string, max: number, path: string, where: 'querystring' | 'params' = 'querystring'): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1 || n > max)
    throw badRequest(`${path.slice(1)} must be an integer from 1 to ${max}`, {
      code: 'SCHEMA',
      errors: [{ path, message: `not within 1..${max}`, value: text, in: where }],
    });
  return n;
}

export const versionNumber = (text: string, path: string, where: 'querystring' | 'params') =>
  boundedInteger(text, REQUEST_LIMITS.maxVersion, path, where);
