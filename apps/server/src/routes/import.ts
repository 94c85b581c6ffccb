/**
 * POST /api/import: a file in, a restored topology document out. Takes the file as the JSON
 * body or as one multipart/form-data file. Only topology.json is built in; other formats
 * answer 501 until @viplane/formats provides their codecs (formats/registry.ts).
 */
import multipart from '@fastify/multipart';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { restore } from '@viplane/model';
import type { AppConfig } from '../config.ts';
import { HttpError, badRequest } from '../errors.ts';
import { PLANNED_FORMATS, importCodecs, notBuiltMessage, type ImportResult } from '../formats/registry.ts';
import { DocumentSchema, errorResponses } from '../schemas.ts';

const importRoute: FastifyPluginAsyncTypebox<Pick<AppConfig, 'bodyLimit'>> = async (fastify, { bodyLimit }) => {
  // Registered here, not globally, so only this route accepts multipart bodies.
  await fastify.register(multipart, { limits: { fileSize: bodyLimit, files: 1, fields: 10, parts: 20, headerPairs: 200 } });

  fastify.post(
    '/import',
    {
      schema: {
        tags: ['formats'],
        summary: 'Import a file as a topology document',
        description:
          'Send the file as the request body (`application/json` for topology.json) or as the one file of a ' +
          '`multipart/form-data` request. The result has passed restore(): checked and migrated to the current schema. ' +
          `Formats: topology-json (built in); planned: ${Object.keys(PLANNED_FORMATS).join(', ')} (501 until built).`,
        querystring: Type.Object({ format: Type.String({ maxLength: 64, default: 'topology-json' }) }),
        response: {
          200: Type.Object({ format: Type.String(), document: DocumentSchema }),
          ...errorResponses(400, 413, 415, 429, 501),
        },
      },
    },
    async (request) => {
      const { format } = request.query;
      const codec = importCodecs.get(format);
      if (!codec) {
        if (format in PLANNED_FORMATS) throw new HttpError(501, notBuiltMessage('import', format), { code: 'NOT_IMPLEMENTED' });
        throw badRequest(
          `unknown import format "${format}"; known: ${[...importCodecs.keys(), ...Object.keys(PLANNED_FORMATS)].join(', ')}`,
          {
            code: 'UNKNOWN_FORMAT',
            errors: [{ path: '/format', message: 'unknown import format', value: format, in: 'querystring' }],
          },
        );
      }

      let result: ImportResult;
      if (request.isMultipart()) {
        const file = await request.file();
        if (!file) throw badRequest('the multipart request has no file', { code: 'NO_FILE' });
        // toBuffer() throws a 413 past the fileSize limit.
        result = codec.import(await file.toBuffer());
      } else if (codec.id === 'topology-json') {
        // Already parsed by the JSON content-type parser: restore it directly.
        const restored = restore(request.body);
        result = restored.ok ? restored : { ok: false, errors: restored.errors };
      } else {
        result = codec.import(Buffer.from(typeof request.body === 'string' ? request.body : JSON.stringify(request.body)));
      }
      if (!result.ok) throw badRequest(`the file is not a valid ${codec.title}`, { code: 'INVALID_DOCUMENT', errors: result.errors });
      return { format: codec.id, document: result.document };
    },
  );
};

export default importRoute;
