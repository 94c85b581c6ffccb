/** Opens the database (or takes an open driver), runs the migrations, decorates `repository`. */
import fp from 'fastify-plugin';
import type { AppConfig } from '../config.ts';
import { openDriver, type Driver } from '../db/drivers/index.ts';
import { migrate } from '../db/migrate.ts';
import { createRepository, type DesignRepository } from '../db/repository.ts';
import { createCommentRepository, type CommentRepository } from '../db/comments.ts';

declare module 'fastify' {
  interface FastifyInstance {
    repository: DesignRepository;
    /** The open driver, for the live sessions' update log and LISTEN/NOTIFY. */
    database: Driver;
    comments: CommentRepository;
  }
}

export default fp<Pick<AppConfig, 'database'>>(
  async function dbPlugin(fastify, { database }) {
    const owned = !('driver' in database);
    const started = Date.now();
    const driver = 'driver' in database ? database.driver : await openDriver(database);
    try {
      const applied = await migrate(driver);
      fastify.log.info({ driver: driver.kind, migrations: applied, ms: Date.now() - started }, 'database ready');
    } catch (error) {
      if (owned) await driver.close();
      throw error;
    }
    fastify.decorate('repository', createRepository(driver));
    fastify.decorate('database', driver);
    fastify.decorate('comments', createCommentRepository(driver));
    // onClose runs after in-flight requests have finished, so no query is cut off.
    if (owned) fastify.addHook('onClose', () => driver.close());
  },
  { name: 'viplane-db', fastify: '5.x' },
);
