/**
 * POST /api/export: a document in a deployment format from @viplane/formats (the bundle zip,
 * the report, the address plan, the diagram). Planned single-file formats not wired as their
 * own download yet answer 501 saying so; nothing pretends to work.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { fromHttpErrorData, resolveExport } from '../formats/exportRequest.ts';
import { LargeJsonBody, jsonBodyParser } from '../plugins/jsonBody.ts';
import { documentJson, type ExportOutput } from '../work/jobs.ts';
import { PLANNED_FORMATS, exportCodecs } from '../formats/registry.ts';
import { DocumentSchema, ReportComments, errorResponses } from '../schemas.ts';

/** Bodies longer than this are parsed in the worker (a 10,000-element design is ~4.5 MB). */
const LARGE_BODY_CHARS = 512 * 1024;

const exportRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  // This plugin's own JSON parser: the same checks, but large bodies stay text for the worker.
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, jsonBodyParser(fastify, { largeBodyChars: LARGE_BODY_CHARS }));

  fastify.post(
    '/export',
    {
      // A LargeJsonBody does not match the schema; the handler throws the schema error for any other body.
      attachValidation: true,
      schema: {
        tags: ['formats'],
        summary: 'Export a document to a deployment format',
        description: `Formats: ${[...exportCodecs.keys()].join(', ')}. Planned as separate downloads (501 until wired; all are inside the bundle): ${Object.keys(
          PLANNED_FORMATS,
        )
          .filter((f) => !exportCodecs.has(f))
          .join(', ')}.`,
        body: Type.Object(
          { format: Type.String({ maxLength: 64 }), document: DocumentSchema, comments: Type.Optional(ReportComments) },
          { additionalProperties: false },
        ),
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
      let file: ExportOutput;
      if (request.body instanceof LargeJsonBody) {
        // Parsed, checked and restored in the worker too: the request thread only hands the text over.
        const outcome = await fastify.work.run({ kind: 'export-json', text: request.body.text });
        if (!outcome.ok) throw fromHttpErrorData(outcome.error);
        file = outcome.file;
      } else {
        if (request.validationError) throw request.validationError;
        const { format, comments } = request.body;
        const { document } = resolveExport(format, request.body.document);
        // In a worker: a bundle renders PNGs and validates the design (seconds for a large one).
        file = await fastify.work.run({
          kind: 'export',
          format,
          document: documentJson(document),
          ...(comments ? { options: { comments } } : {}),
        });
      }
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
