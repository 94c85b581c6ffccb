/**
 * Security headers (a strict CSP fit for the Vite build and React Flow), CORS only when
 * origins are configured, per-IP rate limiting on every route, and the request id echoed back
 * so a user can quote it and we can find the log line.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import type { AppConfig } from '../config.ts';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  // 'wasm-unsafe-eval' lets WebAssembly compile (the connector router's libavoid, in a worker);
  // it allows no JavaScript eval.
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  // The validator runs in a Web Worker; Vite may build it as a blob: URL.
  workerSrc: ["'self'", 'blob:'],
  // React Flow sets inline styles for node positions and transforms.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  scriptSrcAttr: ["'none'"],
  // No upgrade-insecure-requests: on a plain-HTTP deployment it would make browsers request
  // https:// assets that do not exist. Terminate TLS in front for production (README).
};

/**
 * Helmet's headers for our options, computed once at start. They are the same for every
 * response, and @fastify/helmet rebuilds helmet's middleware on every request, which measured
 * about 0.5 ms per request here: a third of the CPU of the schema-only /api/validate path.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader() {},
  };
  helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } })(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  return headers;
}

export default fp<Pick<AppConfig, 'rateLimit' | 'corsOrigins'>>(
  async function securityPlugin(fastify, config) {
    const headers = securityHeaders();

    if (config.corsOrigins.length > 0) {
      await fastify.register(cors, {
        origin: config.corsOrigins,
        methods: ['GET', 'POST', 'PUT', 'DELETE'],
        exposedHeaders: ['etag', 'x-request-id'],
      });
    }

    await fastify.register(rateLimit, {
      global: true,
      max: config.rateLimit.perIp,
      timeWindow: config.rateLimit.windowMs,
      // Keyed by req.ip: behind a proxy set TRUST_PROXY so that it is the client's address.
    });

    fastify.addHook('onRequest', async (request, reply) => {
      reply.headers(headers).header('x-request-id', request.id);
    });
  },
  { name: 'viplane-security', fastify: '5.x' },
);
