/**
 * One error shape for every failure, and no internals to clients: 5xx bodies say only
 * "Internal Server Error" (the log has the stack, under the request id), 4xx bodies say what
 * was wrong, with JSON paths and values for schema errors.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { shortValue } from '@viplane/model';
import { REQUEST_LIMITS } from '../limits.ts';
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailable } from '../db/unavailable.ts';
import { HttpError, statusText, type Problem } from '../errors.ts';

type Context = NonNullable<Problem['in']>;

/** Values go back to clients: keep them short, as restore() does ("…" where cut). */
const describe = (value: unknown): unknown => shortValue(value, REQUEST_LIMITS.echoedValueChars);

function readPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    // Own properties only: the pointer comes from the request (`/__proto__` must not reach Object.prototype).
    if (!Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function validationProblems(error: FastifyError, request: FastifyRequest): Problem[] {
  const where = (error.validationContext ?? 'body') as Context;
  const part = { body: request.body, querystring: request.query, params: request.params, headers: request.headers }[where];
  return (error.validation ?? []).map((v) => {
    const missing = v.keyword === 'required' ? (v.params as { missingProperty?: string }).missingProperty : undefined;
    const path = missing === undefined ? v.instancePath : `${v.instancePath}/${missing}`;
    const value = missing === undefined ? describe(readPointer(part, v.instancePath)) : undefined;
    return {
      path,
      message: v.message ?? 'is not valid',
      ...(value === undefined ? {} : { value }),
      ...(where === 'body' ? {} : { in: where }),
    };
  });
}

/** SQLSTATE class 22 (data exception): invalid text representation, numeric out of range, untranslatable character. */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code) && !(error instanceof HttpError);
}

export function sendError(error: FastifyError | HttpError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (isDatabaseUnavailable(error)) {
    // Not a fault of this process: the database is away. Clients retry; the pool reconnects.
    request.log.warn({ err: error }, 'database unavailable');
    return reply
      .status(503)
      .header('retry-after', String(DATABASE_RETRY_AFTER_S))
      .send({
        statusCode: 503,
        error: statusText(503),
        message: 'the database is not reachable; try again shortly',
        code: 'DATABASE_UNAVAILABLE',
      });
  }
  if (isDataException(error)) {
    // The database refused a value (out of range, not text it can store): the request's fault, and a
    // check missing before the query, so it is logged loudly, but the client gets a 400, not a 500.
    request.log.warn({ err: error }, 'a value reached the database that it refuses');
    return reply.status(400).send({
      statusCode: 400,
      error: statusText(400),
      message: 'a value in the request cannot be stored (out of range or not valid text)',
      code: 'INVALID_VALUE',
    });
  }
  const statusCode = 'statusCode' in error && typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
  // An HttpError is thrown on purpose (a 501 says what is not built); any other 5xx is a fault.
  const fault = statusCode >= 500 && !(error instanceof HttpError);
  if (fault) request.log.error({ err: error }, 'request failed');
  else request.log.info({ statusCode, code: (error as { code?: string }).code, message: error.message }, 'request rejected');

  const body: Record<string, unknown> = {
    statusCode,
    error: statusText(statusCode),
    message: fault ? 'Internal Server Error' : error.message,
  };
  if (error instanceof HttpError) {
    if (error.code) body['code'] = error.code;
    if (error.errors) body['errors'] = error.errors;
    Object.assign(body, error.body);
    reply.headers(error.headers);
  } else if (statusCode < 500) {
    const fe = error as FastifyError;
    if (fe.validation) {
      body['code'] = 'SCHEMA';
      body['errors'] = validationProblems(fe, request);
    } else if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      body['code'] = 'BODY_TOO_LARGE';
      body['message'] = `the request body is larger than the limit of ${request.routeOptions.bodyLimit} bytes`;
    } else if (fe.code === 'FST_REQ_FILE_TOO_LARGE') {
      body['code'] = 'BODY_TOO_LARGE';
    } else if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
      body['code'] = 'MALFORMED_JSON';
      body['message'] = `the body is not valid JSON (${error.message})`;
    } else if (typeof fe.code === 'string') {
      body['code'] = fe.code;
    }
  }
  return reply.status(statusCode).send(body);
}

export default fp(
  async function errorsPlugin(fastify) {
    fastify.setErrorHandler(sendError);
  },
  { name: 'viplane-errors', fastify: '5.x' },
);
