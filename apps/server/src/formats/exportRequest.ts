/**
 * What POST /api/export checks before it exports, in one place for both paths: the request thread
 * (ordinary bodies) and a worker (large bodies, parsed there so the request thread stays free).
 */
import { Value } from '@sinclair/typebox/value';
import { shortValue, type TopologyDocument } from '@viplane/model';
import type { ReportCommentThread } from '@viplane/formats';
import { ReportComments } from '../schemas.ts';
import { requireDocument } from '../document.ts';
import { HttpError, badRequest, type HttpErrorOptions } from '../errors.ts';
import { checkDocumentCounts, jsonDepthOver, tooDeep } from '../jsonLimits.ts';
import { REQUEST_LIMITS } from '../limits.ts';
import { PLANNED_FORMATS, exportCodecs, isPlannedFormat, notBuiltMessage, type ExportCodec } from './registry.ts';

/** The codec and the restored document, or the 400 (unknown format, invalid document) / 501 (not built). */
export function resolveExport(format: string, input: unknown): { codec: ExportCodec; document: TopologyDocument } {
  const codec = exportCodecs.get(format);
  if (!codec && !isPlannedFormat(format)) {
    throw badRequest(
      `unknown export format "${String(shortValue(format))}"; known: ${[...new Set([...exportCodecs.keys(), ...Object.keys(PLANNED_FORMATS)])].join(', ')}`,
      { code: 'UNKNOWN_FORMAT', errors: [{ path: '/format', message: 'unknown export format', value: shortValue(format) }] },
    );
  }
  const document = requireDocument(input, '/document');
  if (!codec) throw new HttpError(501, notBuiltMessage(format), { code: 'NOT_IMPLEMENTED' });
  return { codec, document };
}

const schemaError = (path: string, message: string, value?: unknown) =>
  badRequest(`body${path.replaceAll('/', '.')} ${message}`, {
    code: 'SCHEMA',
    errors: [{ path, message, ...(value === undefined ? {} : { value: shortValue(value) }) }],
  });

/**
 * A large body's text checked as the request thread checks a small one: depth before parsing, no
 * `__proto__` or `constructor.prototype` keys (Fastify's parser refuses them too), element and link
 * counts, then the route's schema ({ format: string ≤ 64, document: object, comments?: threads }, nothing else).
 */
export function parseExportBody(text: string): { format: string; document: unknown; comments?: ReportCommentThread[] } {
  const over = jsonDepthOver(text, REQUEST_LIMITS.jsonDepth);
  if (over) throw tooDeep(over.offset);
  let body: unknown;
  try {
    body = JSON.parse(text, (key, value: unknown) => {
      if (
        key === '__proto__' ||
        (key === 'constructor' && value !== null && typeof value === 'object' && Object.hasOwn(value, 'prototype'))
      )
        throw new HttpError(400, 'the body has a forbidden prototype property', { code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
      return value;
    });
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw badRequest(`the body is not valid JSON (${(error as Error).message})`, { code: 'MALFORMED_JSON' });
  }
  checkDocumentCounts(body);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw schemaError('', 'must be object');
  const record = body as Record<string, unknown>;
  const extra = Object.keys(record).find((k) => k !== 'format' && k !== 'document' && k !== 'comments');
  if (extra !== undefined) throw schemaError('', 'must NOT have additional properties', extra);
  const { format, document } = record;
  if (format === undefined) throw schemaError('/format', 'is required');
  if (typeof format !== 'string' || format.length > 64) throw schemaError('/format', 'must be a string of at most 64 characters', format);
  if (document === undefined) throw schemaError('/document', 'is required');
  if (document === null || typeof document !== 'object' || Array.isArray(document))
    throw schemaError('/document', 'must be object', document);
  if (record['comments'] === undefined) return { format, document };
  const problem = Value.Errors(ReportComments, record['comments']).First();
  if (problem) throw schemaError(`/comments${problem.path}`, problem.message, problem.value);
  return { format, document, comments: record['comments'] as ReportCommentThread[] };
}

/** An HttpError as plain data, to cross from a worker thread (class and fields are lost in transit). */
export interface HttpErrorData extends HttpErrorOptions {
  statusCode: number;
  message: string;
}

export const httpErrorData = (error: HttpError): HttpErrorData => ({
  statusCode: error.statusCode,
  message: error.message,
  ...(error.code === undefined ? {} : { code: error.code }),
  ...(error.errors === undefined ? {} : { errors: error.errors }),
  body: error.body,
  headers: error.headers,
});

export const fromHttpErrorData = ({ statusCode, message, ...options }: HttpErrorData): HttpError =>
  new HttpError(statusCode, message, options);
