/**
 * Stored designs. Every save is a new version; nothing is overwritten. Writes name the version
 * they edit in If-Match (the ETag of GET): if another save came first, the answer is 412 with
 * the current version, and the client merges. Access is by share token (auth/access.ts).
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../auth/access.ts';
import { perTokenRateLimit } from '../auth/rateLimit.ts';
import { issueToken, newDesignId } from '../auth/tokens.ts';
import type { AppConfig } from '../config.ts';
import type { DesignMeta as DesignMetaRecord, DesignRepository, NewVersion, SaveResult } from '../db/repository.ts';
import { requireDocument, storedDocument } from '../document.ts';
import { unchangedCurrent } from './unchangedSave.ts';
import { boundedInteger, versionNumber } from './integerParams.ts';
import { HttpError, badRequest, notFound } from '../errors.ts';
import { REQUEST_LIMITS } from '../limits.ts';
import {
  BearerAuth,
  ConflictResponse,
  DesignId,
  DesignMeta,
  DesignWithDocument,
  DocumentSchema,
  VersionMeta,
  VersionNumber,
  errorResponses,
} from '../schemas.ts';

export const etag = (version: number) => `"${version}"`;

/** The version named by If-Match (`"3"`; a bare `3` is accepted too). */
function ifMatchVersion(request: FastifyRequest, required: boolean): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') {
    if (!required) return undefined;
    throw new HttpError(428, 'send If-Match with the ETag of the version you edited (from GET), so a concurrent save is not overwritten', {
      code: 'PRECONDITION_REQUIRED',
    });
  }
  const match = /^\s*"?(\d{1,10})"?\s*$/.exec(header);
  if (!match) {
    throw badRequest('If-Match must be the ETag of one version, e.g. "3"', {
      code: 'BAD_IF_MATCH',
      errors: [{ path: '/if-match', message: 'not a version ETag', value: header, in: 'headers' }],
    });
  }
  const version = Number(match[1]);
  // Versions are PostgreSQL integers: a larger number is no version (and would overflow the query).
  if (version > REQUEST_LIMITS.maxVersion) {
    throw badRequest(`If-Match names version ${version}; versions go up to ${REQUEST_LIMITS.maxVersion}`, {
      code: 'BAD_IF_MATCH',
      errors: [{ path: '/if-match', message: `larger than ${REQUEST_LIMITS.maxVersion}`, value: header, in: 'headers' }],
    });
  }
  return version;
}

function conflict(result: Extract<SaveResult, { reason: 'conflict' }>, expected: number, log: FastifyRequest['log']): HttpError {
  const { document, ...meta } = result.current;
  return new HttpError(
    412,
    `version ${expected} is not the current version (${meta.version}): another save came first; nothing was overwritten`,
    {
      code: 'VERSION_CONFLICT',
      body: {
        currentVersion: meta.version,
        current: { ...meta, document: storedDocument(document, (errors) => log.warn({ errors }, 'stored document does not restore')) },
      },
      headers: { etag: etag(meta.version) },
    },
  );
}

const designs: FastifyPluginAsyncTypebox<Pick<AppConfig, 'rateLimit'>> = async (fastify, { rateLimit }) => {
  const repository: DesignRepository = fastify.repository;
  const tokenLimit = perTokenRateLimit(fastify, rateLimit);
  const Params = Type.Object({ id: DesignId });
  const IfMatch = Type.Object({
    'if-match': Type.Optional(Type.String({ maxLength: 64, description: 'ETag of the version being edited, e.g. "3"' })),
  });

  async function save(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    expected: number,
    next: NewVersion,
  ): Promise<DesignMetaRecord> {
    const result = await repository.saveVersion(id, expected, next);
    if (result.ok) {
      reply.header('etag', etag(result.design.version));
      return result.design;
    }
    if (result.reason === 'not-found') throw notFound('no such design');
    throw conflict(result, expected, request.log);
  }

  fastify.post(
    '/designs',
    {
      config: { rateLimit: { max: rateLimit.createPerIp, timeWindow: rateLimit.windowMs } },
      schema: {
        tags: ['designs'],
        summary: 'Store a new design',
        description:
          'Returns the design id with an edit token and a view token (each shown once). Keep them: they are the only way back to the design.',
        body: DocumentSchema,
        response: {
          201: Type.Object({
            ...DesignMeta.properties,
            editToken: Type.String({ description: 'Reads and writes; manages share links' }),
            viewToken: Type.String({ description: 'Reads only' }),
          }),
          ...errorResponses(400, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const document = requireDocument(request.body);
      const id = newDesignId();
      const edit = issueToken();
      const view = issueToken();
      const meta = await repository.createDesign(id, { document, savedBy: edit.linkId }, [
        { id: edit.linkId, scope: 'edit', tokenSha256: edit.sha256, label: 'created with the design' },
        { id: view.linkId, scope: 'view', tokenSha256: view.sha256, label: 'created with the design' },
      ]);
      reply.code(201).header('etag', etag(meta.version)).header('location', `/api/designs/${id}`);
      return { ...meta, editToken: edit.token, viewToken: view.token };
    },
  );

  fastify.get(
    '/designs/:id',
    {
      preHandler: tokenLimit,
      schema: {
        tags: ['designs'],
        summary: 'The current version of a design',
        security: BearerAuth,
        params: Params,
        response: { 200: DesignWithDocument, ...errorResponses(400, 401, 404, 410, 429) },
      },
    },
    async (request, reply) => {
      const link = await authorize(repository, request, request.params.id, 'view');
      const design = await repository.getDesign(request.params.id);
      if (!design) throw notFound('no such design');
      reply.header('etag', etag(design.version)).header('cache-control', 'private, no-store');
      const document = storedDocument(design.document, (errors) => request.log.warn({ errors }, 'stored document does not restore'));
      return { ...design, access: link.scope, document };
    },
  );

  fastify.put(
    '/designs/:id',
    {
      preHandler: tokenLimit,
      schema: {
        tags: ['designs'],
        summary: 'Save a new version',
        description:
          'Needs an edit token and If-Match. 412 (with the current version) when If-Match is not the current version; 428 without If-Match.',
        security: BearerAuth,
        params: Params,
        headers: IfMatch,
        body: DocumentSchema,
        response: { 200: DesignMeta, 412: ConflictResponse, ...errorResponses(400, 401, 403, 404, 410, 413, 415, 428, 429) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const link = await authorize(repository, request, id, 'edit');
      const expected = ifMatchVersion(request, true)!;
      const document = requireDocument(request.body);
      const unchanged = await unchangedCurrent(repository, id, expected, document);
      if (unchanged) {
        reply.header('etag', etag(unchanged.version));
        return unchanged;
      }
      return save(request, reply, id, expected, { document, savedBy: link.id });
    },
  );

  fastify.get(
    '/designs/:id/versions',
    {
      preHandler: tokenLimit,
      schema: {
        tags: ['designs'],
        summary: 'The version history, newest first',
        security: BearerAuth,
        params: Params,
        querystring: Type.Object({
          limit: Type.String({ pattern: '^[1-9][0-9]{0,3}$', default: '100', description: 'At most 1000' }),
          before: Type.Optional({ ...VersionNumber, description: 'Only versions older than this (paging)' } as typeof VersionNumber),
        }),
        response: { 200: Type.Object({ versions: Type.Array(VersionMeta) }), ...errorResponses(400, 401, 404, 410, 429) },
      },
    },
    async (request) => {
      await authorize(repository, request, request.params.id, 'view');
      const limit = boundedInteger(request.query.limit, 1000, '/limit');
      const before = request.query.before === undefined ? undefined : versionNumber(request.query.before, '/before', 'querystring');
      return { versions: await repository.listVersions(request.params.id, before === undefined ? { limit } : { limit, before }) };
    },
  );

  const VersionParams = Type.Object({ id: DesignId, version: VersionNumber });

  fastify.get(
    '/designs/:id/versions/:version',
    {
      preHandler: tokenLimit,
      schema: {
        tags: ['designs'],
        summary: 'One version with its document',
        security: BearerAuth,
        params: VersionParams,
        response: { 200: Type.Object({ ...VersionMeta.properties, document: DocumentSchema }), ...errorResponses(400, 401, 404, 410, 429) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const version = versionNumber(request.params.version, '/version', 'params');
      await authorize(repository, request, id, 'view');
      const found = await repository.getVersion(id, version);
      if (!found) throw notFound(`design has no version ${version}`);
      return {
        ...found,
        document: storedDocument(found.document, (errors) => request.log.warn({ errors }, 'stored document does not restore')),
      };
    },
  );

  fastify.post(
    '/designs/:id/versions/:version/restore',
    {
      preHandler: tokenLimit,
      schema: {
        tags: ['designs'],
        summary: 'Restore an old version as a new one',
        description:
          'Appends a copy of the given version as the newest version (history is kept). If-Match is optional: when given, a ' +
          'concurrent save makes it 412; without it the copy goes on top of whatever is current.',
        security: BearerAuth,
        params: VersionParams,
        headers: IfMatch,
        response: { 201: DesignMeta, 412: ConflictResponse, ...errorResponses(400, 401, 403, 404, 410, 429) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const version = versionNumber(request.params.version, '/version', 'params');
      const link = await authorize(repository, request, id, 'edit');
      const old = await repository.getVersion(id, version);
      if (!old) throw notFound(`design has no version ${version}`);
      // Through restore() again: an old version may predate the current schema.
      const next = { document: requireDocument(old.document), restoredFrom: version, savedBy: link.id };
      const expected = ifMatchVersion(request, false);
      reply.code(201);
      if (expected !== undefined) return save(request, reply, id, expected, next);
      // No If-Match: append on top of the current version, retrying if a save slips in between.
      for (let attempt = 1; ; attempt++) {
        const current = await repository.getDesign(id);
        if (!current) throw notFound('no such design');
        try {
          return await save(request, reply, id, current.version, next);
        } catch (error) {
          if (!(error instanceof HttpError && error.statusCode === 412) || attempt === 3) throw error;
        }
      }
    },
  );
};

export default designs;
