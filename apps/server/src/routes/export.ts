/**
 * POST /api/export: a document in a deployment format from @viplane/formats (the bundle zip,
 * the report, the address plan, the diagram). Planned single-file formats not wired as their
 * own download yet answer 501 saying so; nothing pretends to work.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { shortValue } from '@viplane/model';
import { requireDocument } from '../document.ts';
import { documentJson } from '../work/jobs.ts';
import { HttpError, badRequest } from '../errors.ts';
import { PLANNED_FORMATS, exportCodecs, isPlannedFormat, notBuiltMessage } from '../formats/registry.ts';
import { DocumentSchema, errorResponses } from '../schemas.ts';

const exportRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/export',
    {
      schema: {
        tags: ['formats'],
        summary: 'Export a document to a deployment format',
        description: `Formats: ${[...exportCodecs.keys()].join(', ')}. Planned as separate downloads (501 until wired; all are inside the bundle): ${Object.keys(
          PLANNED_FORMATS,
        )
          .filter((f) => !exportCodecs.has(f))
          .join(', ')}.`,
        body: Type.Object({ format: Type.String({ maxLength: 64 }), document: DocumentSchema }, { additionalProperties: false }),
        response: {
          200: Type.Unsafe<string | Uint8Array>({
            type: 'string',
            format: 'binary',
            description:
              'The exported file (content type per format). For the bundle and the config formats, X-Viplane-Errors and X-Viplane-Warnings count the findings on what was written (validator and format checks); errors > 0 means it is not deployable as is.',
          }),
          ...errorResponses(400, 413, 415, 429, 501),
        },
      },
    },
    async (request, reply) => {
      const { format } = request.body;
      const codec = exportCodecs.get(format);
      if (!codec && !isPlannedFormat(format)) {
        throw badRequest(
          `unknown export format "${format}"; known: ${[...new Set([...exportCodecs.keys(), ...Object.keys(PLANNED_FORMATS)])].join(', ')}`,
          {
            code: 'UNKNOWN_FORMAT',
            errors: [{ path: '/format', message: 'unknown export format', value: shortValue(format) }],
          },
        );
      }
      const document = requireDocument(request.body.document, '/document');
      if (!codec) throw new HttpError(501, notBuiltMessage(format), { code: 'NOT_IMPLEMENTED' });
      // In a worker: a bundle renders PNGs and validates the design (seconds for a large one).
      const file = await fastify.work.run({ kind: 'export', format, document: documentJson(document) });
      // A written file with error findings is not deployable as is: the counts say so beside the body
      // (as `viplane export` exits 1); report.md in the bundle lists them.
      if (file.findings)
        reply.header('x-viplane-errors', String(file.findings.errors)).header('x-viplane-warnings', String(file.findings.warnings));
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="${file.filename.replace(/["\\\r\n]/g, '_')}"`)
        .send(file.body);
    },
  );
};

export default exportRoute;
