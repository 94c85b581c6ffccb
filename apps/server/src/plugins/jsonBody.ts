/**
 * The JSON body parser with limits checked on the raw text, before JSON.parse builds anything:
 * the charset, nesting depth (deep input is cheap to send and overflows the stack of whatever walks
 * it later), then Fastify's own parser (prototype-poisoning checks included), then the element and
 * link counts of a document-shaped body. A route may take large bodies unparsed (LargeJsonBody) to
 * parse them in a worker thread: parsing and restoring 4.5 MB blocks the request thread ~250 ms.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.ts';
import { checkDocumentCounts, jsonDepthOver, tooDeep } from '../jsonLimits.ts';
import { REQUEST_LIMITS } from '../limits.ts';

export { checkDocumentCounts, jsonDepthOver };

/** A JSON body left as text for a worker to parse and check (see jsonBodyParser's `largeBodyChars`). */
export class LargeJsonBody {
  constructor(readonly text: string) {}
}

type Done = (error: Error | null, body?: unknown) => void;

/** The parser; with `largeBodyChars`, bodies longer than that come through as LargeJsonBody, unparsed. */
export function jsonBodyParser(fastify: FastifyInstance, options: { largeBodyChars?: number } = {}) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, text: string | Buffer, done: Done) => {
    const body = text as string;
    // The body is read as UTF-8; a client that says otherwise would be misread, not refused.
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(String(request.headers['content-type'] ?? ''))?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      done(
        new HttpError(415, `JSON bodies are read as UTF-8; charset "${charset.slice(0, 40)}" is not supported`, {
          code: 'UNSUPPORTED_CHARSET',
        }),
      );
      return;
    }
    if (options.largeBodyChars !== undefined && body.length > options.largeBodyChars) {
      done(null, new LargeJsonBody(body));
      return;
    }
    const over = jsonDepthOver(body, REQUEST_LIMITS.jsonDepth);
    if (over) {
      done(tooDeep(over.offset));
      return;
    }
    parse(request, body, (error, value) => {
      if (error) return done(error);
      try {
        checkDocumentCounts(value);
      } catch (limitError) {
        return done(limitError as HttpError);
      }
      done(null, value);
    });
  };
}

export default fp(
  async function jsonBody(fastify: FastifyInstance) {
    fastify.removeContentTypeParser('application/json');
    fastify.addContentTypeParser('application/json', { parseAs: 'string' }, jsonBodyParser(fastify));
  },
  { name: 'viplane-json-body', fastify: '5.x' },
);
