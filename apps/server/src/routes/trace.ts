/**
 * POST /api/trace: the path a packet takes between two endpoints of a document, hop by hop; to a
 * VIP, through the load balancer to the backend and the reply legs back (validator `tracePath`).
 */
import { Type, type FastifyPluginAsyncTypebox, type TSchema } from '@fastify/type-provider-typebox';
import { lower, tracePath } from '@viplane/validator';
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

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Interface = Type.Object(
  {
    networkId: Type.String(),
    networkName: Type.String(),
    address: Nullable(Type.String()),
    addressNote: Type.Optional(
      Type.String({ description: 'Where the address comes from when the design does not fix it (SE pool, DHCP)' }),
    ),
  },
  { description: 'An interface of a hop: the network (id and name) and its address' },
);

const Nat = Type.Object({
  kind: Type.Union([Type.Literal('snat'), Type.Literal('dnat')]),
  from: Type.String(),
  to: Type.String(),
  pool: Type.Optional(Type.String({ description: 'The pool the new address comes from (SE interface addresses)' })),
  note: Type.String(),
});

const Filter = Type.Object(
  {
    elementId: Type.String(),
    ruleIndex: Nullable(Type.Integer()),
    action: Type.Union([Type.Literal('allow'), Type.Literal('deny')]),
    established: Type.Optional(Type.Literal(true, { description: 'A reply of an allowed connection: let through by state, no rule evaluated' })),
  },
  {
    description:
      'The decision of a firewall or ACL router at this hop for the leg (TCP, the leg destination port); ruleIndex is 0-based, null for the default deny',
  },
);

const Hop = Type.Object(
  {
    hostId: Nullable(Type.String()),
    name: Type.String(),
    vrf: Nullable(Type.String()),
    egressNetworkId: Nullable(Type.String()),
    route: Type.Union([
      Type.Object({ prefix: Type.String(), nextHop: Nullable(Type.String()), origin: Type.String(), sourceId: Type.String() }),
      Type.Null(),
    ]),
    kind: Type.String({ description: 'sender, forward, vip, load-balancer, node, pod or receiver' }),
    elementId: Nullable(Type.String()),
    elementName: Type.String(),
    ingress: Nullable(Interface),
    egress: Nullable(Interface),
    routingDomain: Nullable(Type.String()),
    nat: Type.Optional(Type.Array(Nat)),
    filter: Type.Optional(Filter),
    note: Type.Optional(Type.String()),
  },
  { description: 'One hop: the element (id and name), interfaces, VRF, routing domain, route used and address translation' },
);

const Leg = Type.Object({
  kind: Type.Union([Type.Literal('forward'), Type.Literal('reply')]),
  title: Type.String(),
  from: Type.String(),
  to: Type.String(),
  hops: Type.Array(Hop),
  delivered: Type.Boolean(),
  drop: Type.Optional(
    Type.Object({ reason: Type.String(), hostId: Nullable(Type.String()), hostName: Nullable(Type.String()), message: Type.String() }),
  ),
});

export const TraceResult = Type.Object(
  {
    source: Type.String({ description: 'The source as given (element id or address)' }),
    destination: Type.String({ description: 'The destination as given, with its address' }),
    sourceName: Type.String({ description: 'The source as people name it' }),
    destinationName: Type.String({ description: 'The destination as people name it' }),
    delivered: Type.Boolean({ description: 'Every forward leg arrives' }),
    replied: Nullable(Type.Boolean({ description: 'The reply gets back; null when no reply was traced' })),
    mode: Type.Optional(
      Type.String({
        description:
          'How the load balancer reaches the backend (nodeport, nodeportlocal, static-route, routable, control-plane, kube-vip, self)',
      }),
    ),
    hops: Type.Array(Hop, { description: 'Every forward hop, in order' }),
    legs: Type.Array(Leg, { description: 'client → VIP, load balancer → backend, and the reply legs' }),
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
        description:
          'Unknown endpoints are not an HTTP error: the result says `delivered: false` with drop reason `unknown-endpoint`. ' +
          'To a VIP the result has legs: client → VIP, load balancer → node or pod (source-NATed), and the replies back (`replied`).',
        body: Type.Object({ document: DocumentSchema, from: Endpoint, to: Endpoint }, { additionalProperties: false }),
        response: { 200: TraceResult, ...errorResponses(400, 413, 415, 429) },
      },
    },
    async (request) => {
      const document = requireDocument(request.body.document, '/document');
      const { from, to } = request.body;
      if (document.elements.length + document.links.length > WORK_LIMITS.inlineValidationItems)
        return fastify.work.run({ kind: 'trace', document: documentJson(document), from, to });
      return tracePath(lower(document), from, to);
    },
  );
};

export default traceRoute;
