/**
 * Runtime configuration. The app takes an AppConfig object (tests and the benchmark build
 * one directly); server.ts reads it from the environment with configFromEnv().
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig, Driver } from './db/drivers/index.ts';
import type { WorkPoolOptions } from './work/pool.ts';

/** 8 MiB: a 10,000-element design is about 1.5 MB of JSON (performance.md), so 5× headroom. */
export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;

export interface RateLimitConfig {
  /** Requests per window per client IP, on every route but the health checks. */
  perIp: number;
  /** Requests per window per share link (token) on design routes, on top of the IP limit. */
  perToken: number;
  /** Designs created per window per IP. */
  createPerIp: number;
  windowMs: number;
}

export interface AppConfig {
  /** How to reach the database, or an open driver that the caller owns and closes. */
  database: DatabaseConfig | { driver: Driver };
  /** The built web app (index.html inside), or null to serve the "not built" page. */
  webDist: string | null;
  bodyLimit: number;
  rateLimit: RateLimitConfig;
  /** Origins allowed by CORS; empty keeps CORS off (the web app is served from the same origin). */
  corsOrigins: string[];
  /** Fastify's trustProxy: true, a hop count, or addresses/CIDRs of the proxies. */
  trustProxy: boolean | number | string;
  /** A pino level, or false for no logs. (Not `logLevel`: register() would read that name.) */
  log: string | false;
  /** The worker pool for heavy jobs (limits.ts WORK_LIMITS are the defaults); `warm` starts a worker at once. */
  work: WorkPoolOptions & { warm?: boolean };
  /**
   * Live sessions: a version is saved after `idleSaveMs` without document updates (LIVE_IDLE_SAVE_MS);
   * `heartbeatMs` (tests) overrides LIVE_LIMITS.heartbeatMs.
   */
  live: { idleSaveMs: number; heartbeatMs?: number };
}

export interface ServerConfig extends AppConfig {
  port: number;
  host: string;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { perIp: 600, perToken: 300, createPerIp: 30, windowMs: 60_000 };

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The web app's build folder if it has been built. */
export function findWebDist(dir: string = DEFAULT_WEB_DIST): string | null {
  return existsSync(`${dir}/index.html`) ? dir : null;
}

export function defaultConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    database: { kind: 'pglite', dataDir: './data' },
    webDist: findWebDist(),
    bodyLimit: DEFAULT_BODY_LIMIT,
    rateLimit: DEFAULT_RATE_LIMIT,
    corsOrigins: [],
    trustProxy: false,
    log: 'info',
    work: {},
    live: { idleSaveMs: 10_000 },
    ...overrides,
  };
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function trustProxy(value: string | undefined): AppConfig['trustProxy'] {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env['DATABASE_URL'];
  return {
    ...defaultConfig(),
    database: databaseUrl
      ? {
          kind: 'postgres',
          connectionString: databaseUrl,
          statementTimeoutMs: int(env['DATABASE_STATEMENT_TIMEOUT_MS'], 5000, 'DATABASE_STATEMENT_TIMEOUT_MS'),
        }
      : { kind: 'pglite', dataDir: env['VIPLANE_DATA_DIR'] || './data' },
    webDist: findWebDist(env['VIPLANE_WEB_DIST'] || undefined),
    bodyLimit: int(env['BODY_LIMIT'], DEFAULT_BODY_LIMIT, 'BODY_LIMIT'),
    rateLimit: {
      perIp: int(env['RATE_LIMIT_PER_IP'], DEFAULT_RATE_LIMIT.perIp, 'RATE_LIMIT_PER_IP'),
      perToken: int(env['RATE_LIMIT_PER_TOKEN'], DEFAULT_RATE_LIMIT.perToken, 'RATE_LIMIT_PER_TOKEN'),
      createPerIp: int(env['RATE_LIMIT_CREATE_PER_IP'], DEFAULT_RATE_LIMIT.createPerIp, 'RATE_LIMIT_CREATE_PER_IP'),
      windowMs: DEFAULT_RATE_LIMIT.windowMs,
    },
    corsOrigins: (env['CORS_ORIGINS'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: trustProxy(env['TRUST_PROXY']),
    log: env['LOG_LEVEL'] === 'silent' ? false : env['LOG_LEVEL'] || 'info',
    work: {
      warm: true,
      ...(env['WORK_THREADS'] ? { threads: Math.max(1, int(env['WORK_THREADS'], 2, 'WORK_THREADS')) } : {}),
      ...(env['WORK_JOB_MS'] ? { jobMs: int(env['WORK_JOB_MS'], 60_000, 'WORK_JOB_MS') } : {}),
      ...(env['WORK_HEAP_MB'] ? { heapMb: int(env['WORK_HEAP_MB'], 1536, 'WORK_HEAP_MB') } : {}),
    },
    live: { idleSaveMs: int(env['LIVE_IDLE_SAVE_MS'], 10_000, 'LIVE_IDLE_SAVE_MS') },
    port: int(env['PORT'], 8080, 'PORT'),
    host: env['HOST'] || '127.0.0.1',
  };
}
