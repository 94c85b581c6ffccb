/**
 * POST /api/flows: the flows a design needs, its firewall matrix and L2 requirements (computed in
 * the worker pool: a large estate has thousands of flows to trace). GET /api/flows/catalogue: the
 * vendor flow catalogue behind them.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { catalogueEntries } from '@viplane/validator';
import { requireDocument } from '../document.ts';
import { documentJson } from '../work/jobs.ts';
import { DocumentSchema, errorResponses } from '../schemas.ts';

const Requirement = Type.Union([Type.Literal('required'), Type.Literal('conditional'), Type.Literal('optional'), Type.Literal('doubtful')]);

const MatrixRow = Type.Object(
  {
    enforcementPoint: Type.String(),
    enforcementPointId: Type.String(),
    source: Type.String(),
    sourceCidrs: Type.Array(Type.String()),
    destination: Type.String(),
    destinationCidrs: Type.Array(Type.String()),
    protocol: Type.String(),
    ports: Type.String(),
    purpose: Type.String(),
    requirement: Requirement,
    condition: Type.Optional(Type.String()),
    vendorSource: Type.String(),
    flowIds: Type.Array(Type.String()),
  },
  { title: 'FirewallMatrixRow' },
);

const L2Requirement = Type.Object(
  { networkId: Type.String(), network: Type.String(), requirement: Type.String(), purpose: Type.String(), vendorSource: Type.String() },
  { title: 'L2Requirement' },
);

/** A flow of the design (DesignFlow in @viplane/validator): kept whole, its fields documented there. */
const Flow = Type.Object(
  {
    id: Type.String(),
    flowId: Type.String(),
    status: Type.Union(['intra-segment', 'routed', 'broken', 'l2', 'unresolved'].map((s) => Type.Literal(s))),
    requirement: Requirement,
  },
  { additionalProperties: true, title: 'DesignFlow' },
);

const CatalogueEntry = Type.Object(
  {
    id: Type.String(),
    system: Type.String(),
    from: Type.String(),
    to: Type.String(),
    protocol: Type.String(),
    ports: Type.String(),
    purpose: Type.String(),
    requirement: Type.Union([Type.Literal('R'), Type.Literal('C'), Type.Literal('O'), Type.Literal('?')]),
    note: Type.Union([Type.String(), Type.Null()]),
    condition: Type.Union([Type.String(), Type.Null()]),
    versions: Type.Union([Type.Object({ from: Type.Optional(Type.String()), until: Type.Optional(Type.String()) }), Type.Null()]),
    sources: Type.Array(Type.String()),
    bidirectional: Type.Boolean(),
    l2: Type.Boolean(),
  },
  { title: 'FlowCatalogueEntry' },
);

const flowsRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/flows/catalogue',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'List the vendor flow catalogue',
        description: 'Every flow of ../shared/ports.md the design model can resolve, with its condition and source keys (FLOWS.md).',
        response: { 200: Type.Object({ flows: Type.Array(CatalogueEntry) }) },
      },
    },
    async () => ({ flows: catalogueEntries() }),
  );

  fastify.post(
    '/flows',
    {
      schema: {
        tags: ['validation'],
        summary: 'The flows a design needs, its firewall matrix and L2 requirements',
        description:
          'Body: a topology document. Every applicable catalogue flow is traced through the design and classified; ' +
          'the matrix has one row per enforcement point (router or firewall) and address sets, merged and sorted.',
        body: DocumentSchema,
        response: {
          200: Type.Object({ flows: Type.Array(Flow), matrix: Type.Array(MatrixRow), l2: Type.Array(L2Requirement) }),
          ...errorResponses(400, 413, 415, 429),
        },
      },
    },
    async (request) => {
      const document = requireDocument(request.body);
      return fastify.work.run({ kind: 'flows', document: documentJson(document) });
    },
  );
};

export default flowsRoute;
