/** Liveness (the process answers) and readiness (the database answers) for orchestrators. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DATABASE_RETRY_AFTER_S } from '../db/unavailable.ts';

const READY_TIMEOUT_MS = 2000;

const health: FastifyPluginAsyncTypebox = async (fastify) => {
  // Probes come every few seconds: no rate limit, and only warnings in the log.
  const config = { rateLimit: false } as const;

  fastify.get(
    '/healthz',
    {
      config,
      logLevel: 'warn',
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );

  fastify.get(
    '/readyz',
    {
      config,
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'The database is reachable',
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String(), message: Type.String() }),
        },
      },
    },
    async (request, reply) => {
      const database = fastify.repository.driver;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          fastify.repository.ping(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
          }),
        ]);
        return { status: 'ready' as const, database };
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable');
        return reply
          .code(503)
          .header('retry-after', String(DATABASE_RETRY_AFTER_S))
          .send({ status: 'unavailable' as const, database, message: 'the database is not reachable' });
      } finally {
        clearTimeout(timer);
      }
    },
  );
};

export default health;
