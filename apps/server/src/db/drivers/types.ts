/**
 * The few things the repository needs from a database. Both drivers speak PostgreSQL SQL (PGlite
 * is PostgreSQL compiled to WebAssembly), so the repository and the migrations are written once.
 */
export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted (0 for SELECT on some drivers: do not rely on it there). */
  rowCount: number;
}

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Driver extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * LISTEN on `channel`: `onPayload` gets every NOTIFY payload (the live sessions' fan-out between
   * replicas). Resolves once listening; the returned function stops.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}
