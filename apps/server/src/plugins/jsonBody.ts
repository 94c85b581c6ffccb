/**
 * The JSON body parser with limits checked on the raw text, before JSON.parse builds anything:
 * nesting depth (deep input is cheap to send and overflows the stack of whatever walks it later),
 * then Fastify's own parser (prototype-poisoning checks included), then the element and link
 * counts of a document-shaped body.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.ts';
import { REQUEST_LIMITS } from '../limits.ts';

/** The deepest nesting of `[`/`{` outside strings, or -1 as soon as it passes `limit` (linear, no allocation). */
export function jsonDepthOver(text: string, limit: number): { depth: number; offset: number } | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return { depth, offset: i };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

function tooMany(what: 'elements' | 'links', count: number, limit: number, path: string): HttpError {
  return new HttpError(413, `the document has ${count} ${what}; at most ${limit} are accepted`, {
    code: 'LIMIT_EXCEEDED',
    body: { limit: `${what}`, max: limit, actual: count },
    errors: [{ path, message: `more than ${limit} ${what}`, value: `${count} items` }],
  });
}

/** Element and link counts of every document in a body (the body itself, or its `document`/`into`). */
export function checkDocumentCounts(body: unknown): void {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
  const candidates: [unknown, string][] = [
    [body, ''],
    [(body as Record<string, unknown>)['document'], '/document'],
    [(body as Record<string, unknown>)['into'], '/into'],
  ];
  for (const [doc, prefix] of candidates) {
    if (doc === null || typeof doc !== 'object') continue;
    const { elements, links } = doc as { elements?: unknown; links?: unknown };
    if (Array.isArray(elements) && elements.length > REQUEST_LIMITS.elements)
      throw tooMany('elements', elements.length, REQUEST_LIMITS.elements, `${prefix}/elements`);
    if (Array.isArray(links) && links.length > REQUEST_LIMITS.links)
      throw tooMany('links', links.length, REQUEST_LIMITS.links, `${prefix}/links`);
  }
}

export default fp(
  async function jsonBody(fastify: FastifyInstance) {
    const parse = fastify.getDefaultJsonParser('error', 'error');
    fastify.removeContentTypeParser('application/json');
    fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request: FastifyRequest, text, done) => {
      const body = text as string;
      // The body is read as UTF-8; a client that says otherwise would be misread, not refused.
      const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(String(request.headers['content-type'] ?? ''))?.[1];
      if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
        done(
          new HttpError(415, `JSON bodies are read as UTF-8; charset "${charset.slice(0, 40)}" is not supported`, {
            code: 'UNSUPPORTED_CHARSET',
          }),
          undefined,
        );
        return;
      }
      const over = jsonDepthOver(body, REQUEST_LIMITS.jsonDepth);
      if (over) {
        done(
          new HttpError(400, `the JSON body is nested deeper than ${REQUEST_LIMITS.jsonDepth} levels (at character ${over.offset})`, {
            code: 'LIMIT_EXCEEDED',
            body: { limit: 'jsonDepth', max: REQUEST_LIMITS.jsonDepth },
          }),
          undefined,
        );
        return;
      }
      parse(request, body, (error, value) => {
        if (error) return done(error, undefined);
        try {
          checkDocumentCounts(value);
        } catch (limitError) {
          return done(limitError as HttpError, undefined);
        }
        done(null, value);
      });
    });
  },
  { name: 'viplane-json-body', fastify: '5.x' },
);
