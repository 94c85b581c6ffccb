/**
 * Builds apps for inject() tests, after fastify/demo's test/helper.ts: the real app, the real
 * embedded database (in memory), no logs. Starting PGlite costs seconds, so a test file opens
 * one driver and hands it to every app it builds (the app does not close a driver it was given).
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type ViplaneServer } from '../src/app.ts';
import { DEFAULT_RATE_LIMIT, type AppConfig } from '../src/config.ts';
import { openPglite } from '../src/db/drivers/pglite.ts';
import type { Driver } from '../src/db/drivers/types.ts';

export const STARTUP_TIMEOUT = 180_000;

/** Generous limits, so only the rate-limit tests meet them. */
export const TEST_RATE_LIMIT = { ...DEFAULT_RATE_LIMIT, perIp: 100_000, perToken: 100_000, createPerIp: 100_000 };

export function openMemoryDriver(): Promise<Driver> {
  return openPglite('memory://');
}

export function buildTestApp(driver: Driver, overrides: Partial<AppConfig> = {}): Promise<ViplaneServer> {
  return buildApp({ database: { driver }, log: false, webDist: null, rateLimit: TEST_RATE_LIMIT, ...overrides });
}

/**
 * One app on a fresh in-memory database for a whole test file: started before its tests, closed after.
 * Read `server.app` inside tests (it is set once beforeAll has run).
 */
export function useMemoryApp(overrides: Partial<AppConfig> = {}): { readonly app: ViplaneServer } {
  const server = {} as { app: ViplaneServer; driver: Driver };
  beforeAll(async () => {
    server.driver = await openMemoryDriver();
    server.app = await buildTestApp(server.driver, overrides);
  }, STARTUP_TIMEOUT);
  afterAll(async () => {
    await server.app?.close();
    await server.driver?.close();
  });
  return server;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Parsed JSON of a response: tests read fields freely and let expect() check them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Inject and parse JSON (or undefined for empty bodies). */
export async function call(
  app: ViplaneServer,
  options: InjectOptions,
): Promise<{ status: number; body: Json; res: LightMyRequestResponse }> {
  const res = await app.inject(options);
  const body = res.body === '' ? undefined : res.headers['content-type']?.toString().includes('json') ? res.json() : res.body;
  return { status: res.statusCode, body, res };
}
