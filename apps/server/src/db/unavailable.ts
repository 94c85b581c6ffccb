/**
 * "The database is away" as one error type: a lost or refused connection, a server shutting down or
 * starting up, a pool that cannot hand out a connection, a statement over its time limit. Routes
 * answer it with 503 and Retry-After (plugins/errors.ts) instead of a 500, and the process keeps
 * running: the pool reconnects by itself when the database is back.
 */

/** Seconds a client should wait before retrying (the pool's connect timeout is 5 s). */
export const DATABASE_RETRY_AFTER_S = 5;

export class DatabaseUnavailableError extends Error {
  readonly statusCode = 503;
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super('the database is not reachable; try again shortly', options);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Node socket errors that mean the connection itself is gone or never came. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * SQLSTATE: class 08 (connection exception), 57P01-57P05 (admin/crash shutdown, cannot connect now,
 * idle session timeout), 53300 (too many connections), 57014 (statement timeout or cancel).
 */
function unavailableSqlState(code: string): boolean {
  return code.startsWith('08') || /^57P0[1-5]$/.test(code) || code === '53300' || code === '57014';
}

/** pg reports a lost connection in messages without a code. */
const PG_CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Query read timeout|Connection ended|Client was closed|terminating connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (error === null || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && unavailableSqlState(code)))) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && PG_CONNECTION_MESSAGES.test(message);
}

/** The error itself, or a DatabaseUnavailableError when it means the database is away. */
export function classifyDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isDatabaseUnavailable(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DatabaseUnavailableError(reason, { cause: error });
}
