/** Live sessions: the WebSocket server and the hub (decorated as `live`; see src/live/hub.ts). */
import fp from 'fastify-plugin';
import websocket from '@fastify/websocket';
import { LIVE_PROTOCOL } from '@viplane/sync';
import type { AppConfig } from '../config.ts';
import { LIVE_LIMITS } from '../limits.ts';
import { LiveHub } from '../live/hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveHub;
  }
}

export default fp<Pick<AppConfig, 'live'>>(
  async function livePlugin(fastify, { live }) {
    const hub = new LiveHub({
      driver: fastify.database,
      repository: fastify.repository,
      idleSaveMs: live.idleSaveMs,
      heartbeatMs: live.heartbeatMs ?? LIVE_LIMITS.heartbeatMs,
      log: fastify.log,
    });
    await hub.start();
    fastify.decorate('live', hub);
    await fastify.register(websocket, {
      options: {
        maxPayload: LIVE_LIMITS.messageBytes,
        // Answer with the protocol name only: the token entry must never be echoed back.
        handleProtocols: (protocols: Set<string>) => (protocols.has(LIVE_PROTOCOL) ? LIVE_PROTOCOL : false),
      },
    });
    // Before the database closes: sessions save what is unsaved, then go away.
    fastify.addHook('preClose', async () => {
      await hub.close();
    });
  },
  { name: 'viplane-live', fastify: '5.x', dependencies: ['viplane-db'] },
);
