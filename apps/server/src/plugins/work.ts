/** Decorates `work`: the worker pool for heavy jobs (src/work/pool.ts), closed with the app. */
import fp from 'fastify-plugin';
import type { AppConfig } from '../config.ts';
import { createWorkPool, type WorkPool } from '../work/pool.ts';

declare module 'fastify' {
  interface FastifyInstance {
    work: WorkPool;
  }
}

export default fp<Pick<AppConfig, 'work'>>(
  async function workPlugin(fastify, { work }) {
    const pool = createWorkPool({ onError: (err) => fastify.log.warn({ err }, 'a worker ended outside a job'), ...work });
    fastify.decorate('work', pool);
    if (work.warm) fastify.addHook('onReady', async () => pool.warm());
    fastify.addHook('onClose', () => pool.close());
  },
  { name: 'viplane-work', fastify: '5.x' },
);
