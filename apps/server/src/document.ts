/** Every document that arrives over HTTP passes restore(): schema check, migration, integrity. */
import { restore, type TopologyDocument } from '@viplane/model';
import { HttpError } from './errors.ts';

/** Returns the restored document or throws a 400 listing restore()'s errors (path and value). */
export function requireDocument(input: unknown, pathPrefix = ''): TopologyDocument {
  const result = restore(input);
  if (result.ok) return result.document;
  throw new HttpError(400, 'the topology document is not valid', {
    code: 'INVALID_DOCUMENT',
    errors: result.errors.map((e) => ({ path: pathPrefix + e.path, message: e.message, value: e.value })),
  });
}

/**
 * Stored documents pass restore() on the way out too, so a design saved under an older schema
 * version reaches clients migrated. Should one ever fail (it passed restore() when saved), it is
 * returned as stored for the client's own restore() to report, rather than hidden behind a 500.
 */
export function storedDocument(raw: unknown, onInvalid: (errors: unknown) => void): TopologyDocument {
  const result = restore(raw);
  if (result.ok) return result.document;
  onInvalid(result.errors);
  return raw as TopologyDocument;
}
