/** GET /api/rules: the rule catalogue with each rule's documentation. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { rules } from '@viplane/validator';

const RuleInfo = Type.Object({
  id: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
  category: Type.String(),
  description: Type.String(),
  docs: Type.String({ description: 'Markdown' }),
  seeds: Type.Array(Type.String()),
});

const rulesRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/rules',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'List the validation rules',
        response: { 200: Type.Object({ rules: Type.Array(RuleInfo) }) },
      },
    },
    async () => ({ rules: rules.map((r) => ({ ...r.meta, seeds: [...r.meta.seeds] })) }),
  );
};

export default rulesRoute;
