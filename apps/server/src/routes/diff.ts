/**
 * `GET /api/designs/:id/diff?from=&to=`: the semantic diff between two stored versions (`to`
 * defaults to the current one) and the diagnostics the change introduced and resolved. Any valid
 * share token of the design (view or edit) may read it, as it may read the versions themselves.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { diffDocuments } from '@viplane/model';
import { diffDiagnostics, type Diagnostic } from '@viplane/validator';
import { authorize } from '../auth/access.ts';
import { perTokenRateLimit } from '../auth/rateLimit.ts';
import type { AppConfig } from '../config.ts';
import type { DesignRepository } from '../db/repository.ts';
import { requireDocument } from '../document.ts';
import { notFound } from '../errors.ts';
import { documentJson } from '../work/jobs.ts';
import { versionNumber } from './integerParams.ts';
import { BearerAuth, Diagnostic as DiagnosticSchema, DesignId, VersionNumber, errorResponses } from '../schemas.ts';

const FieldChange = Type.Object({ path: Type.String(), before: Type.Unknown(), after: Type.Unknown() });
const ElementChange = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  fields: Type.Array(FieldChange),
  moved: Type.Optional(Type.Object({ from: Type.Unknown(), to: Type.Unknown() })),
});
const DiffResponse = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  document: Type.Array(FieldChange),
  elements: Type.Object({
    added: Type.Array(Type.Unknown(), { description: 'Elements only in `to`' }),
    removed: Type.Array(Type.Unknown(), { description: 'Elements only in `from`' }),
    changed: Type.Array(ElementChange, { description: 'Elements whose meaning changed, field by field (addresses compared as values)' }),
    moved: Type.Array(ElementChange, { description: 'Elements that only moved on the canvas' }),
  }),
  links: Type.Object({
    added: Type.Array(Type.Unknown()),
    removed: Type.Array(Type.Unknown()),
    changed: Type.Array(Type.Object({ id: Type.String(), fields: Type.Array(FieldChange) })),
  }),
  semantic: Type.Boolean({ description: 'Anything but layout changed' }),
  identical: Type.Boolean({ description: 'Nothing changed, layout included' }),
  diagnostics: Type.Object({
    introduced: Type.Array(DiagnosticSchema),
    resolved: Type.Array(DiagnosticSchema),
    unchanged: Type.Integer(),
  }),
});

const diffRoutes: FastifyPluginAsyncTypebox<Pick<AppConfig, 'rateLimit'>> = async (fastify, { rateLimit }) => {
  const repository: DesignRepository = fastify.repository;
  const tokenLimit = perTokenRateLimit(fastify, rateLimit);

  async function versionDocument(id: string, version: number, field: 'from' | 'to') {
    const found = await repository.getVersion(id, version);
    if (!found) throw notFound(`design has no version ${version} (query ${field})`);
    return requireDocument(found.document, `/${field}`);
  }

  fastify.get(
    '/designs/:id/diff',
    {
      preHandler: tokenLimit,
      schema: {
        tags: ['designs'],
        summary: 'What changed between two versions',
        description:
          'Elements and links added, removed and changed (per field, old and new value), moves apart from changes of meaning, ' +
          'and the diagnostics introduced and resolved. `to` defaults to the current version.',
        security: BearerAuth,
        params: Type.Object({ id: DesignId }),
        querystring: Type.Object({ from: VersionNumber, to: Type.Optional(VersionNumber) }),
        response: { 200: DiffResponse, ...errorResponses(400, 401, 404, 410, 429) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(repository, request, id, 'view');
      const from = versionNumber(request.query.from, '/from', 'querystring');
      let to = request.query.to === undefined ? undefined : versionNumber(request.query.to, '/to', 'querystring');
      if (to === undefined) {
        const current = await repository.getDesign(id);
        if (!current) throw notFound('no such design');
        to = current.version;
      }
      const [a, b] = [await versionDocument(id, from, 'from'), await versionDocument(id, to, 'to')];
      const diff = diffDocuments(a, b);
      // Validation runs in the worker pool: two large versions would hold the request thread for seconds.
      const [before, after] = await Promise.all([
        fastify.work.run({ kind: 'validate', document: documentJson(a) }),
        fastify.work.run({ kind: 'validate', document: documentJson(b) }),
      ]);
      const diagnostics = diffDiagnostics(before, after);
      const plain = (d: Diagnostic) => ({ ruleId: d.ruleId, severity: d.severity, message: d.message, data: d.data, targets: d.targets });
      return {
        from,
        to,
        ...diff,
        diagnostics: {
          introduced: diagnostics.introduced.map(plain),
          resolved: diagnostics.resolved.map(plain),
          unchanged: diagnostics.unchanged,
        },
      };
    },
  );
};

export default diffRoutes;
