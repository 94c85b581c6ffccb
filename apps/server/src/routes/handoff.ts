/**
 * GET /api/designs/:id/handoff: the network handoff of a stored design's current version, for
 * anyone holding a view (or edit) token of it, so a share link is enough to read it. `format=html`
 * (default) answers the handoff as one page, `format=zip` every handoff file (md, html, csv, xlsx,
 * NetBox CSVs). Built in the worker pool, like every export.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authorize } from '../auth/access.ts';
import { perTokenRateLimit } from '../auth/rateLimit.ts';
import type { AppConfig } from '../config.ts';
import { storedDocument } from '../document.ts';
import { notFound } from '../errors.ts';
import { documentJson } from '../work/jobs.ts';
import { BearerAuth, DesignId, errorResponses } from '../schemas.ts';

const CODEC = { html: 'handoff-html', zip: 'handoff' } as const;

const handoff: FastifyPluginAsyncTypebox<Pick<AppConfig, 'rateLimit'>> = async (fastify, { rateLimit }) => {
  const { repository } = fastify;
  const tokenLimit = perTokenRateLimit(fastify, rateLimit);

  fastify.get(
    '/designs/:id/handoff',
    {
      preHandler: tokenLimit,
      schema: {
        tags: ['designs'],
        summary: 'The network handoff of a design (view token)',
        description:
          'VLANs, subnets, ranges and holders, routes, DNS, firewall matrix and L2 requirements of the current version: `format=html` one page, `format=zip` the files (handoff.md, handoff.html, csv/*.csv, handoff.xlsx, netbox/*.csv).',
        security: BearerAuth,
        params: Type.Object({ id: DesignId }),
        querystring: Type.Object({ format: Type.Union([Type.Literal('html'), Type.Literal('zip')], { default: 'html' }) }),
        response: {
          200: Type.Unsafe<string | Uint8Array>({ type: 'string', format: 'binary', description: 'text/html or application/zip' }),
          ...errorResponses(400, 401, 404, 429),
        },
      },
    },
    async (request, reply) => {
      await authorize(repository, request, request.params.id, 'view');
      const design = await repository.getDesign(request.params.id);
      if (!design) throw notFound('no such design');
      const document = storedDocument(design.document, (errors) => request.log.warn({ errors }, 'stored document does not restore'));
      const file = await fastify.work.run({ kind: 'export', format: CODEC[request.query.format], document: documentJson(document) });
      return reply
        .type(file.mediaType)
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `${request.query.format === 'zip' ? 'attachment' : 'inline'}; filename="${file.filename.replace(/["\\\r\n]/g, '_')}"`,
        )
        .send(file.body);
    },
  );
};

export default handoff;
