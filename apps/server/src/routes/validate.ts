/** POST /api/validate: a document in, diagnostics out. `?rules=none` stops after restore(). */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { validate } from '@viplane/validator';
import { requireDocument } from '../document.ts';
import { WORK_LIMITS } from '../limits.ts';
import { documentJson } from '../work/jobs.ts';
import { Diagnostic, DocumentSchema, errorResponses } from '../schemas.ts';

const validateRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/validate',
    {
      schema: {
        tags: ['validation'],
        summary: 'Validate a topology document',
        description:
          'Runs restore() (schema, migration, integrity; failures are 400 with JSON paths) and then every rule. ' +
          'With `rules=none` only restore() runs: the schema-only path, for clients that want the document checked without the rules.',
        querystring: Type.Object({
          rules: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('none')], { default: 'all' })),
        }),
        body: DocumentSchema,
        response: {
          200: Type.Object({ diagnostics: Type.Array(Diagnostic) }),
          ...errorResponses(400, 413, 415, 429),
        },
      },
    },
    async (request) => {
      const document = requireDocument(request.body);
      if (request.query.rules === 'none') return { diagnostics: [] };
      // A large document is validated in a worker, so the request thread stays free.
      const large = document.elements.length + document.links.length > WORK_LIMITS.inlineValidationItems;
      return { diagnostics: large ? await fastify.work.run({ kind: 'validate', document: documentJson(document) }) : validate(document) };
    },
  );
};

export default validateRoute;
