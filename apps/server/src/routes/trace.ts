/** POST /api/trace: the path a packet takes between two endpoints of a document, hop by hop. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { lower, trace } from '@viplane/validator';
import { requireDocument } from '../document.ts';
import { WORK_LIMITS } from '../limits.ts';
import { documentJson } from '../work/jobs.ts';
import { DocumentSchema, errorResponses } from '../schemas.ts';

const Endpoint = Type.Union(
  [
    Type.Object(
      { elementId: Type.String({ maxLength: 128 }), vrf: Type.Optional(Type.String({ maxLength: 128 })) },
      { additionalProperties: false },
    ),
    Type.Object({ address: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
  ],
  { description: 'An element of the document (optionally in one of its VRFs) or an IP address' },
);

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const Hop = Type.Object({
  hostId: Nullable(Type.String()),
  name: Type.String(),
  vrf: Nullable(Type.String()),
  egressNetworkId: Nullable(Type.String()),
  route: Type.Union([
    Type.Object({ prefix: Type.String(), nextHop: Nullable(Type.String()), origin: Type.String(), sourceId: Type.String() }),
    Type.Null(),
  ]),
});

export const TraceResult = Type.Object(
  {
    source: Type.String(),
    destination: Type.String(),
    delivered: Type.Boolean(),
    hops: Type.Array(Hop),
    deliveredOn: Type.Optional(Type.Object({ networkId: Nullable(Type.String()), elementId: Nullable(Type.String()) })),
    drop: Type.Optional(Type.Object({ reason: Type.String(), hostId: Nullable(Type.String()), message: Type.String() })),
  },
  { title: 'TraceResult' },
);

const traceRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/trace',
    {
      schema: {
        tags: ['validation'],
        summary: 'Trace a path between two endpoints',
        description: 'Unknown endpoints are not an HTTP error: the result says `delivered: false` with drop reason `unknown-endpoint`.',
        body: Type.Object({ document: DocumentSchema, from: Endpoint, to: Endpoint }, { additionalProperties: false }),
        response: { 200: TraceResult, ...errorResponses(400, 413, 415, 429) },
      },
    },
    async (request) => {
      const document = requireDocument(request.body.document, '/document');
      const { from, to } = request.body;
      if (document.elements.length + document.links.length > WORK_LIMITS.inlineValidationItems)
        return fastify.work.run({ kind: 'trace', document: documentJson(document), from, to });
      return trace(lower(document), from, to);
    },
  );
};

export default traceRoute;
