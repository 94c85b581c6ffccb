/** GET /api/templates and /api/templates/:id: the reference designs to start from. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getTemplate, templates } from '@viplane/templates';
import { notFound } from '../errors.ts';
import { DocumentSchema, errorResponses } from '../schemas.ts';

const TemplateInfo = Type.Object({
  id: Type.String(),
  title: Type.String(),
  seed: Type.String({ description: 'The seed article the design comes from' }),
  summary: Type.String(),
});

const templatesRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/templates',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'List the templates',
        response: { 200: Type.Object({ templates: Type.Array(TemplateInfo) }) },
      },
    },
    async () => ({ templates: templates.map(({ id, title, seed, summary }) => ({ id, title, seed, summary })) }),
  );

  fastify.get(
    '/templates/:id',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'One template with its document',
        params: Type.Object({ id: Type.String({ maxLength: 128 }) }),
        response: { 200: Type.Object({ ...TemplateInfo.properties, document: DocumentSchema }), ...errorResponses(404) },
      },
    },
    async (request) => {
      const template = getTemplate(request.params.id);
      if (!template) throw notFound(`no template with id "${request.params.id}"`);
      const { id, title, seed, summary } = template;
      // build() makes a fresh document each time, so callers can edit it freely.
      return { id, title, seed, summary, document: template.build() };
    },
  );
};

export default templatesRoute;
