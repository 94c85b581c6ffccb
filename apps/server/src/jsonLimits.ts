/**
 * The checks on a JSON body that need no framework: nesting depth on the raw text (before
 * JSON.parse builds anything) and the element/link counts of the documents in a parsed body. Used by
 * the body parser (plugins/jsonBody.ts) and by worker jobs that parse a large body themselves.
 */
import { HttpError } from './errors.ts';
import { REQUEST_LIMITS } from './limits.ts';

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

/** The 400 for a body nested past the limit. */
export function tooDeep(offset: number, what = 'the JSON body'): HttpError {
  return new HttpError(400, `${what} is nested deeper than ${REQUEST_LIMITS.jsonDepth} levels (at character ${offset})`, {
    code: 'LIMIT_EXCEEDED',
    body: { limit: 'jsonDepth', max: REQUEST_LIMITS.jsonDepth },
  });
}
