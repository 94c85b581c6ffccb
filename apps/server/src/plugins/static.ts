/**
 * The web app: the Vite build in apps/web/dist when it exists, with a history fallback so deep
 * links like /designs/abc load index.html; otherwise a small page saying it is not built.
 * Also owns the not-found handler (JSON for /api, index.html for app routes).
 */
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config.ts';

export const NOT_BUILT_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Viplane</title><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2933}code{background:#eef1f4;padding:0 .25rem}</style></head>
<body>
<h1>Viplane</h1>
<p>The API is running, but the web app is not built yet (no <code>apps/web/dist</code>).</p>
<p>Build it with <code>npm run build -w @viplane/web</code> and restart the server, or use the API: <a href="/docs">API documentation</a> (<a href="/openapi.json">openapi.json</a>).</p>
</body>
</html>
`;

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** A path whose last segment has a dot asks for a file (a missing asset must stay a 404). */
function looksLikeFile(path: string): boolean {
  return (path.split('/').pop() ?? '').includes('.');
}

export default fp<Pick<AppConfig, 'webDist' | 'rateLimit'>>(
  async function staticPlugin(fastify, { webDist, rateLimit }) {
    if (webDist) {
      await fastify.register(fastifyStatic, {
        root: webDist,
        prefix: '/',
        // Our own cache headers below, also for index.html sent by the history fallback.
        cacheControl: false,
        setHeaders(res, filePath) {
          // Vite puts content hashes in asset names: cache them forever, revalidate the rest.
          res.setHeader('cache-control', /[\\/]assets[\\/]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    } else {
      fastify.get('/', { schema: { hide: true } }, (_request, reply) =>
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(NOT_BUILT_HTML),
      );
    }

    fastify.setNotFoundHandler(
      // Probing for URLs is cheap for a client; keep it rate limited like the routes.
      { preHandler: fastify.rateLimit({ max: rateLimit.perIp, timeWindow: rateLimit.windowMs }) },
      (request: FastifyRequest, reply: FastifyReply) => {
        const path = request.url.split('?')[0] ?? '/';
        if (webDist && (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(path) && !looksLikeFile(path)) {
          return reply.sendFile('index.html');
        }
        return reply
          .code(404)
          .send({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: `no route ${request.method} ${path}` });
      },
    );
  },
  { name: 'viplane-static', fastify: '5.x', dependencies: ['@fastify/rate-limit'] },
);
