/**
 * POST /api/import: files teams already have in, a restored and validated design out (issue 6).
 *
 * Bodies: several files as `multipart/form-data` (optional field `into`: the open design as JSON, to
 * merge into); or JSON `{files: [{name, content}], into?}`; or a topology document itself as the JSON
 * body. `?format=auto` (default) detects each file's format from its content. The answer carries the
 * design, the import problems with file/line/column/key, and the validator's diagnostics of the result;
 * 400 when nothing usable was read.
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ImportInput } from '@viplane/formats';
import { restore, shortValue, type TopologyDocument } from '@viplane/model';
import type { Diagnostic } from '@viplane/validator';
import type { AppConfig } from '../config.ts';
import { badRequest, type Problem } from '../errors.ts';
import { IMPORT_FORMAT_IDS, importFormatFor, importFormatId, isPlannedFormat } from '../formats/registry.ts';
import { REQUEST_LIMITS } from '../limits.ts';
import { checkDocumentCounts, jsonDepthOver } from '../plugins/jsonBody.ts';
import { Diagnostic as DiagnosticSchema, DocumentSchema, errorResponses } from '../schemas.ts';

const MAX_FILES = REQUEST_LIMITS.multipartFiles;

const importRoute: FastifyPluginAsyncTypebox<Pick<AppConfig, 'bodyLimit'>> = async (fastify, { bodyLimit }) => {
  // Registered here, not globally, so only this route accepts multipart bodies.
  await fastify.register(multipart, {
    limits: {
      fileSize: bodyLimit,
      // `into` is a whole document: as large as a body may be.
      fieldSize: bodyLimit,
      files: MAX_FILES,
      fields: REQUEST_LIMITS.multipartFields,
      parts: REQUEST_LIMITS.multipartParts,
      headerPairs: REQUEST_LIMITS.multipartHeaderPairs,
    },
  });

  fastify.post(
    '/import',
    {
      schema: {
        tags: ['formats'],
        summary: 'Import files (TKG configs, AKO values, TKC, acc-provision input, topology.json) as one design',
        description:
          `Send up to ${MAX_FILES} files as \`multipart/form-data\` (optional field \`into\`: a topology document to merge into), ` +
          'or JSON `{files: [{name, content}], into?}`, or a topology document as the JSON body. ' +
          `\`format\`: auto (detect from content) or one of ${Object.keys(IMPORT_FORMAT_IDS).join(', ')}. ` +
          "The design has passed restore(); `importDiagnostics` name file, line, column, key and value; `diagnostics` are the validator's.",
        querystring: Type.Object({ format: Type.String({ maxLength: 64, default: 'auto' }) }),
        response: {
          200: Type.Object({
            format: Type.String({ description: 'the format of the first file read, or mixed' }),
            files: Type.Array(Type.Object({ name: Type.String(), format: Type.Union([Type.String(), Type.Null()]) })),
            document: DocumentSchema,
            importDiagnostics: Type.Array(DiagnosticSchema),
            diagnostics: Type.Array(DiagnosticSchema),
          }),
          ...errorResponses(400, 413, 415, 429),
        },
      },
    },
    async (request) => {
      const requested = request.query.format;
      const format = requested === 'auto' ? 'auto' : importFormatFor(requested);
      if (!format) {
        const shown = shortValue(requested);
        throw badRequest(
          isPlannedFormat(requested)
            ? `"${requested}" is an export format; Viplane imports ${Object.keys(IMPORT_FORMAT_IDS).join(', ')}`
            : `unknown import format "${String(shown)}"; known: auto, ${Object.keys(IMPORT_FORMAT_IDS).join(', ')}`,
          { code: 'UNKNOWN_FORMAT', errors: [{ path: '/format', message: 'not an import format', value: shown, in: 'querystring' }] },
        );
      }

      const { inputs, into } = request.isMultipart() ? await readMultipart(request) : readJson(request.body);
      if (inputs.length === 0) throw badRequest('the request has no file', { code: 'NO_FILE' });
      // Parsing untrusted YAML, laying out and validating the result: in a worker.
      const { result, diagnostics } = await fastify.work.run({ kind: 'import', inputs, options: { format, ...(into ? { into } : {}) } });
      if (!result.document) {
        const onlyTopology = result.files.every((f) => f.format === 'topology');
        throw badRequest(onlyTopology ? 'the file is not a valid Viplane topology document' : 'nothing could be imported', {
          code: onlyTopology ? 'INVALID_DOCUMENT' : 'INVALID_IMPORT',
          errors: result.diagnostics.filter((d) => d.severity === 'error').map(toProblem),
        });
      }
      const formats = [...new Set(result.files.map((f) => f.format).filter((f) => f !== null))];
      return {
        format: formats.length === 1 ? importFormatId(formats[0]!) : 'mixed',
        files: result.files.map((f) => ({ name: f.name, format: f.format === null ? null : importFormatId(f.format) })),
        document: result.document,
        importDiagnostics: result.diagnostics,
        diagnostics,
      };
    },
  );
};

async function readMultipart(request: FastifyRequest): Promise<{ inputs: ImportInput[]; into?: TopologyDocument }> {
  const inputs: ImportInput[] = [];
  let into: TopologyDocument | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // toBuffer() throws a 413 past the fileSize limit.
        inputs.push({ name: part.filename || part.fieldname, content: new Uint8Array(await part.toBuffer()) });
      } else if (part.fieldname === 'into') into = restoreInto(typeof part.value === 'string' ? intoJson(part.value) : part.value);
    }
  } catch (error) {
    // Our own 4xx (a bad `into`), the multipart plugin's limits (413 with their code): as they are.
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status < 500) throw error;
    // Anything else the multipart parser throws is a body it cannot read (no boundary, cut short).
    throw badRequest(`the multipart body cannot be read: ${String(shortValue((error as Error).message ?? error))}`, {
      code: 'MALFORMED_MULTIPART',
    });
  }
  return { inputs, ...(into ? { into } : {}) };
}

function readJson(body: unknown): { inputs: ImportInput[]; into?: TopologyDocument } {
  if (body !== null && typeof body === 'object' && 'files' in body && !('schemaVersion' in body)) {
    const { files, into } = body as { files: unknown; into?: unknown };
    if (!Array.isArray(files) || files.length > MAX_FILES || !files.every(isFile))
      throw badRequest(`files must be a list of at most ${MAX_FILES} {name, content} strings`, {
        code: 'INVALID_BODY',
        errors: [
          {
            path: '/files',
            message: 'expected [{name: string, content: string}]',
            value: Array.isArray(files) ? `${files.length} item(s)` : shortValue(files),
          },
        ],
      });
    return { inputs: files.map((f) => ({ name: f.name, content: f.content })), ...(into !== undefined ? { into: restoreInto(into) } : {}) };
  }
  // A topology document as the body: keep the client's JSON as text so positions are reported.
  return { inputs: [{ name: 'topology.json', content: JSON.stringify(body) }] };
}

function isFile(f: unknown): f is { name: string; content: string } {
  return (
    f !== null &&
    typeof f === 'object' &&
    typeof (f as { name?: unknown }).name === 'string' &&
    typeof (f as { content?: unknown }).content === 'string'
  );
}

function restoreInto(value: unknown): TopologyDocument {
  const restored = restore(value);
  if (restored.ok) return restored.document;
  throw badRequest('`into` is not a valid topology document', {
    code: 'INVALID_DOCUMENT',
    errors: restored.errors.map((e) => ({ path: `/into${e.path}`, message: e.message, value: e.value })),
  });
}

/** The `into` field as JSON, under the same depth and count limits as a JSON body; not JSON is restore()'s to report. */
function intoJson(text: string): unknown {
  const over = jsonDepthOver(text, REQUEST_LIMITS.jsonDepth);
  if (over)
    throw badRequest(`\`into\` is nested deeper than ${REQUEST_LIMITS.jsonDepth} levels`, {
      code: 'LIMIT_EXCEEDED',
      body: { limit: 'jsonDepth', max: REQUEST_LIMITS.jsonDepth },
    });
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return text;
  }
  checkDocumentCounts({ into: value });
  return value;
}

/** An import diagnostic as an API problem: the JSON path for topology documents, else file and key. */
function toProblem(d: Diagnostic): Problem {
  const data = d.data as { path?: string; key?: string; value?: unknown; file?: string };
  const path = data.path ?? (data.key ? `/${data.key.replaceAll('.', '/')}` : '');
  return { path, message: d.message, ...('value' in data ? { value: data.value } : {}) };
}

export default importRoute;
