/**
 * Request and response schemas of the HTTP API (TypeBox, so they are JSON Schema for Ajv,
 * fast-json-stringify and OpenAPI at once). Documents are not validated here: they go through
 * restore() (src/document.ts), the one way into a TopologyDocument. The OpenAPI plugin swaps
 * every DocumentSchema for a $ref to the model's published JSON Schema.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { COMMENT_LIMITS } from './limits.ts';

/** Marks the schemas that stand for a whole topology document (see plugins/openapi.ts). */
export const DOCUMENT_MARKER = 'x-viplane-document';

/**
 * Only "is an object" for Ajv (cheap); restore() checks the rest with JSON paths and values, so
 * handlers see `unknown` until they call requireDocument(). additionalProperties: true makes
 * fast-json-stringify write the whole object in responses.
 */
export const DocumentSchema = Type.Unsafe<unknown>({
  type: 'object',
  additionalProperties: true,
  [DOCUMENT_MARKER]: true,
  description: 'A topology document (components/schemas/TopologyDocument); checked and migrated by restore()',
});

export const Problem = Type.Object({
  path: Type.String({ description: 'JSON Pointer into the request part (the body unless `in` says otherwise)' }),
  message: Type.String(),
  value: Type.Optional(Type.Unknown()),
  in: Type.Optional(Type.Union([Type.Literal('body'), Type.Literal('querystring'), Type.Literal('params'), Type.Literal('headers')])),
});

const errorFields = {
  statusCode: Type.Integer(),
  error: Type.String({ description: 'HTTP reason phrase' }),
  message: Type.String(),
  code: Type.Optional(Type.String({ description: 'Stable machine-readable code, e.g. INVALID_DOCUMENT, VERSION_CONFLICT' })),
  errors: Type.Optional(Type.Array(Problem)),
  limit: Type.Optional(Type.String({ description: 'The limit a request went over (413 LIMIT_EXCEEDED)' })),
  max: Type.Optional(Type.Number()),
  actual: Type.Optional(Type.Number()),
};

export const ErrorResponse = Type.Object(errorFields, { title: 'Error' });

/** 410: the share link presented was real but is revoked (SHARE_REVOKED) or expired (SHARE_EXPIRED). */
export const GoneResponse = Type.Object(
  {
    ...errorFields,
    revokedAt: Type.Optional(Type.String({ format: 'date-time' })),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { title: 'ShareLinkGone' },
);

/** Response schemas for the listed error statuses, for route definitions. */
export function errorResponses(...codes: number[]): Record<number, TSchema> {
  return Object.fromEntries(codes.map((code) => [code, code === 410 ? GoneResponse : ErrorResponse]));
}

export const Target = Type.Object({
  kind: Type.String(),
  id: Type.String(),
  /** The field at fault: a dotted path into the element's props or into the link (ARCHITECTURE.md "Field paths"). */
  field: Type.Optional(Type.String()),
});

const FieldRef = Type.Object({ kind: Type.Union([Type.Literal('element'), Type.Literal('link')]), id: Type.String(), field: Type.String() });
/** A quick fix: a document edit as data (ESLint's suggestions), applied with applyEdit() of @viplane/validator. */
export const Suggestion = Type.Object({
  title: Type.String(),
  edit: Type.Array(
    Type.Object({ op: Type.Union([Type.Literal('set'), Type.Literal('append')]), target: FieldRef, value: Type.Unknown() }),
  ),
});

export const Diagnostic = Type.Object(
  {
    ruleId: Type.String(),
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
    message: Type.String(),
    data: Type.Record(Type.String(), Type.Unknown()),
    targets: Type.Array(Target),
    suggestions: Type.Optional(Type.Array(Suggestion)),
  },
  { title: 'Diagnostic' },
);

export const DesignId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'Design id' });
/**
 * A version number in a path or query: digits only, as text. Ajv's type coercion would turn
 * "Infinity", "1e3" or "0x1" into numbers (Infinity even passes its integer check and reached SQL),
 * so the text is checked here and converted by versionNumber() with its range.
 */
export const VersionNumber = Type.String({ pattern: '^[1-9][0-9]{0,9}$', description: 'A version number, 1 to 2147483647' });

export const DesignMeta = Type.Object({
  id: Type.String(),
  name: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  size: Type.Integer({ description: 'Bytes of the stored JSON' }),
});

export const DesignWithDocument = Type.Object({
  ...DesignMeta.properties,
  access: Type.Union([Type.Literal('view'), Type.Literal('comment'), Type.Literal('edit')], {
    description: 'What the presented token allows: read; read and comment; read, comment and edit',
  }),
  document: DocumentSchema,
});

export const VersionMeta = Type.Object({
  version: Type.Integer(),
  name: Type.String(),
  size: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  restoredFrom: Type.Union([Type.Integer(), Type.Null()], { description: 'The version this one restored, if any' }),
  savedBy: Type.Union([Type.Object({ linkId: Type.String(), label: Type.Union([Type.String(), Type.Null()]) }), Type.Null()], {
    description: 'The share link that saved it (by its label); null when not recorded',
  }),
});

export const ConflictResponse = Type.Object(
  {
    ...errorFields,
    currentVersion: Type.Integer(),
    current: Type.Object({ ...DesignMeta.properties, document: DocumentSchema }),
  },
  { title: 'VersionConflict' },
);

export const ShareScope = Type.Union([Type.Literal('view'), Type.Literal('comment'), Type.Literal('edit')], {
  description: 'view: read; comment: read and comment; edit: read, comment, edit and manage links',
});

export const ShareLink = Type.Object({
  id: Type.String({ description: 'The public half of the token; names the link for revocation' }),
  scope: ShareScope,
  label: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'The last request made with the link, recorded at most once a minute',
  }),
  active: Type.Boolean(),
});

export const IssuedShareLink = Type.Object({
  ...ShareLink.properties,
  token: Type.String({ description: 'Shown once. Send as "Authorization: Bearer <token>"; the web app keeps it in the URL fragment' }),
});

export const BearerAuth = [{ bearerAuth: [] }];

/**
 * Comment threads for the report (POST /api/export `comments`): what GET /designs/:id/comments
 * answers, or less (extra fields of each thread and comment are ignored). Sizes as the comment routes'.
 */
const ReportCommentTarget = Type.Union([
  Type.Object({ kind: Type.Union([Type.Literal('element'), Type.Literal('link')]), id: Type.String({ maxLength: 64 }) }),
  Type.Object({ kind: Type.Literal('point'), x: Type.Number(), y: Type.Number() }),
]);
export const ReportComments = Type.Array(
  Type.Object({
    target: ReportCommentTarget,
    status: Type.Union([Type.Literal('open'), Type.Literal('resolved')]),
    resolvedBy: Type.Optional(Type.Union([Type.String({ maxLength: COMMENT_LIMITS.authorChars }), Type.Null()])),
    comments: Type.Array(
      Type.Object({
        author: Type.String({ maxLength: COMMENT_LIMITS.authorChars }),
        body: Type.String({ maxLength: COMMENT_LIMITS.bodyChars }),
        createdAt: Type.String({ maxLength: 40 }),
      }),
      { maxItems: COMMENT_LIMITS.commentsPerThread },
    ),
  }),
  {
    maxItems: COMMENT_LIMITS.threadsPerDesign,
    description: "The design's comment threads, for the report's Comments section (bundle, report)",
  },
);
