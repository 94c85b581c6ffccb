/**
 * The Viplane server as a Fastify plugin (server.ts only listens; tests and the benchmark build
 * it with buildApp). Order matters: security and error handling first, then the database, then
 * OpenAPI (it must see the routes being added), the routes, and the web app last.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { defaultConfig, type AppConfig } from './config.ts';
import dbPlugin from './plugins/db.ts';
import errorsPlugin from './plugins/errors.ts';
import jsonBodyPlugin from './plugins/jsonBody.ts';
import livePlugin from './plugins/live.ts';
import openapiPlugin from './plugins/openapi.ts';
import securityPlugin from './plugins/security.ts';
import staticPlugin from './plugins/static.ts';
import workPlugin from './plugins/work.ts';
import designsRoutes from './routes/designs.ts';
import diffRoutes from './routes/diff.ts';
import exportRoutes from './routes/export.ts';
import handoffRoutes from './routes/handoff.ts';
import healthRoutes from './routes/health.ts';
import importRoutes from './routes/import.ts';
import liveRoutes from './routes/live.ts';
import commentsRoutes from './routes/comments.ts';
import rulesRoutes from './routes/rules.ts';
import sharesRoutes from './routes/shares.ts';
import templatesRoutes from './routes/templates.ts';
import traceRoutes from './routes/trace.ts';
import flowsRoutes from './routes/flows.ts';
import validateRoutes from './routes/validate.ts';
import { DOCUMENT_MARKER } from './schemas.ts';

/** A caller's x-request-id is kept when it is short and plain, so logs can be joined across hops. */
function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
}

/** Root-instance options (a plugin cannot set these). */
export function serverOptions(config: Pick<AppConfig, 'bodyLimit' | 'trustProxy' | 'log'>): FastifyServerOptions {
  return {
    logger:
      config.log === false
        ? false
        : {
            level: config.log,
            // Fastify's request serializer logs no headers; this guards any log line that does.
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'req.headers["x-author-key"]',
                'headers.authorization',
                'headers["x-author-key"]',
              ],
              censor: '[redacted]',
            },
          },
    bodyLimit: config.bodyLimit,
    // Fastify accepts a hop count too, which its types leave out.
    trustProxy: config.trustProxy as boolean | string,
    genReqId: requestId,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // The embedded database's first start runs initdb in WebAssembly: ~10 s on a busy 2-core box.
    pluginTimeout: 120_000,
    // Cap how long a client may take to send its request (slow-body clients hold memory).
    requestTimeout: 60_000,
    ajv: {
      // Reject unknown properties instead of silently dropping them, as restore() does.
      customOptions: { removeAdditional: false },
      plugins: [(ajv) => ajv.addKeyword(DOCUMENT_MARKER)],
    },
  };
}

export const viplane = fp<AppConfig>(
  async function viplane(fastify, config) {
    // Each plugin gets only its own options: register() also reads some names (prefix, logLevel).
    const { rateLimit, corsOrigins, database, bodyLimit, webDist, work, live } = config;
    // The API speaks JSON (and multipart on /api/import): other media types get a 415.
    fastify.removeContentTypeParser('text/plain');
    await fastify.register(securityPlugin, { rateLimit, corsOrigins });
    await fastify.register(errorsPlugin);
    await fastify.register(jsonBodyPlugin);
    await fastify.register(dbPlugin, { database });
    await fastify.register(workPlugin, { work });
    await fastify.register(livePlugin, { live });
    await fastify.register(openapiPlugin);

    await fastify.register(healthRoutes);
    await fastify.register(
      async (api) => {
        await api.register(validateRoutes);
        await api.register(traceRoutes);
        await api.register(flowsRoutes);
        await api.register(rulesRoutes);
        await api.register(templatesRoutes);
        await api.register(exportRoutes);
        await api.register(importRoutes, { bodyLimit });
        await api.register(designsRoutes, { rateLimit });
        await api.register(diffRoutes, { rateLimit });
        await api.register(sharesRoutes, { rateLimit });
        await api.register(handoffRoutes, { rateLimit });
        await api.register(liveRoutes);
        await api.register(commentsRoutes, { rateLimit });
      },
      { prefix: '/api' },
    );

    await fastify.register(staticPlugin, { webDist, rateLimit });
  },
  { name: 'viplane', fastify: '5.x' },
);

export default viplane;

export type ViplaneServer = FastifyInstance;

/** A ready server: database open and migrated, every route registered. */
export async function buildApp(overrides: Partial<AppConfig> = {}): Promise<ViplaneServer> {
  const config = defaultConfig(overrides);
  const fastify = Fastify(serverOptions(config)).withTypeProvider<TypeBoxTypeProvider>();
  await fastify.register(viplane, config);
  await fastify.ready();
  return fastify as unknown as ViplaneServer;
}
