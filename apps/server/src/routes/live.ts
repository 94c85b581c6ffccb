/**
 * GET /api/designs/:id/live — the live session's WebSocket (protocol in @viplane/sync, handling in
 * src/live/session.ts). The token comes in the first message or in Sec-WebSocket-Protocol, never in
 * the URL (URLs end up in access logs and browser history).
 */
import type { FastifyPluginAsync } from 'fastify';
import { CLOSE } from '@viplane/sync';
import { Session, tokenFromProtocols } from '../live/session.ts';

const DESIGN_ID = /^[A-Za-z0-9_-]{1,64}$/;

const live: FastifyPluginAsync = async (fastify) => {
  fastify.get<{ Params: { id: string } }>('/designs/:id/live', { websocket: true, schema: { hide: true } }, (socket, request) => {
    const { id } = request.params;
    if (!DESIGN_ID.test(id)) {
      socket.close(CLOSE.unauthorised, 'no design with this id, or the token is not valid for it');
      return;
    }
    new Session(socket, id, fastify.live, fastify.repository, request.log, tokenFromProtocols(request.headers['sec-websocket-protocol']));
  });
};

export default live;
