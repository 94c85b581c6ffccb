/**
 * Errors the routes throw on purpose. The error handler (plugins/errors.ts) turns them into
 * `{ statusCode, error, message, code?, errors?, ... }`; anything else becomes a bare 500.
 */
import { STATUS_CODES } from 'node:http';

export interface Problem {
  /** JSON Pointer into the request part named by `in` (the body when absent). */
  path: string;
  message: string;
  value?: unknown;
  in?: 'body' | 'querystring' | 'params' | 'headers';
}

export interface HttpErrorOptions {
  code?: string;
  errors?: Problem[];
  /** More top-level fields of the response body (e.g. the current version on 412). */
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string | undefined;
  readonly errors: Problem[] | undefined;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(statusCode: number, message: string, options: HttpErrorOptions = {}) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = options.code;
    this.errors = options.errors;
    this.body = options.body ?? {};
    this.headers = options.headers ?? {};
  }
}

export function statusText(statusCode: number): string {
  return STATUS_CODES[statusCode] ?? 'Error';
}

export const badRequest = (message: string, options?: HttpErrorOptions) => new HttpError(400, message, options);
export const notFound = (message: string) => new HttpError(404, message, { code: 'NOT_FOUND' });
