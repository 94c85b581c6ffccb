/**
 * The designs repository: the only code that writes SQL for designs, versions and share links.
 * Written once against the Driver interface, so PGlite and PostgreSQL run the same statements.
 */
import type { TopologyDocument } from '@viplane/model';
import type { Driver, Queryable } from './drivers/types.ts';
import { iso, isoOrNull } from './timestamps.ts';

/** What a share link allows, each including the one before: read, read + comment, read + comment + edit. */
export type ShareScope = 'view' | 'comment' | 'edit';

export interface DesignMeta {
  id: string;
  name: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Bytes of the stored JSON of the current version. */
  size: number;
}

export interface DesignRecord extends DesignMeta {
  document: unknown;
}

export interface VersionMeta {
  version: number;
  name: string;
  size: number;
  createdAt: string;
  restoredFrom: number | null;
  /** The share link that saved this version, with its label; `null` for versions saved before links were recorded. */
  savedBy: { linkId: string; label: string | null } | null;
}

export interface VersionRecord extends VersionMeta {
  document: unknown;
}

export interface ShareLink {
  id: string;
  designId: string;
  scope: ShareScope;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Last request made with it, to the minute (see touchShareLink). */
  lastUsedAt: string | null;
}

export interface StoredShareLink extends ShareLink {
  tokenSha256: string;
}

export interface NewShareLink {
  id: string;
  scope: ShareScope;
  tokenSha256: string;
  label?: string | null;
  expiresAt?: Date | null;
}

export interface NewVersion {
  document: TopologyDocument;
  restoredFrom?: number;
  /** Id of the share link that saves it. */
  savedBy?: string;
}

export type SaveResult =
  { ok: true; design: DesignMeta } | { ok: false; reason: 'conflict'; current: DesignRecord } | { ok: false; reason: 'not-found' };

export interface DesignRepository {
  readonly driver: Driver['kind'];
  createDesign(id: string, first: NewVersion, links: readonly NewShareLink[]): Promise<DesignMeta>;
  getDesign(id: string): Promise<DesignRecord | undefined>;
  /** Appends version `expectedVersion + 1` only if the design is still at `expectedVersion`. */
  saveVersion(id: string, expectedVersion: number, next: NewVersion): Promise<SaveResult>;
  listVersions(id: string, options: { limit: number; before?: number }): Promise<VersionMeta[]>;
  getVersion(id: string, version: number): Promise<VersionRecord | undefined>;
  createShareLink(designId: string, link: NewShareLink): Promise<ShareLink>;
  findShareLink(id: string): Promise<StoredShareLink | undefined>;
  listShareLinks(designId: string): Promise<ShareLink[]>;
  /** True when the link exists on that design (revoking twice is fine). */
  revokeShareLink(designId: string, linkId: string): Promise<boolean>;
  /**
   * Records a use of the link unless one was recorded in the last `minIntervalSeconds`: a cheap
   * UPDATE that writes at most once per interval per link. True when it wrote.
   */
  touchShareLink(linkId: string, minIntervalSeconds: number): Promise<boolean>;
  ping(): Promise<void>;
}

type Row = Record<string, unknown>;


function designMeta(r: Row): DesignMeta {
  return {
    id: String(r['id']),
    name: String(r['name']),
    version: Number(r['version']),
    createdAt: iso(r['created_at']),
    updatedAt: iso(r['updated_at']),
    size: Number(r['size_bytes']),
  };
}

function versionMeta(r: Row): VersionMeta {
  return {
    version: Number(r['version']),
    name: String(r['name']),
    size: Number(r['size_bytes']),
    createdAt: iso(r['created_at']),
    restoredFrom: r['restored_from'] === null ? null : Number(r['restored_from']),
    savedBy:
      r['saved_by'] === null || r['saved_by'] === undefined
        ? null
        : { linkId: String(r['saved_by']), label: r['saved_by_label'] === null ? null : String(r['saved_by_label']) },
  };
}

function shareLink(r: Row): ShareLink {
  return {
    id: String(r['id']),
    designId: String(r['design_id']),
    scope: r['scope'] === 'edit' ? 'edit' : r['scope'] === 'comment' ? 'comment' : 'view',
    label: r['label'] === null ? null : String(r['label']),
    createdAt: iso(r['created_at']),
    expiresAt: isoOrNull(r['expires_at']),
    revokedAt: isoOrNull(r['revoked_at']),
    lastUsedAt: isoOrNull(r['last_used_at']),
  };
}

/** jsonb may come back as text on some paths; accept both. */
function json(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

const DESIGN_SELECT = `
  SELECT d.id, d.name, d.current_version AS version, d.created_at, d.updated_at, v.size_bytes, v.document
  FROM designs d JOIN design_versions v ON v.design_id = d.id AND v.version = d.current_version
  WHERE d.id = $1`;

const SHARE_COLUMNS = 'id, design_id, scope, label, created_at, expires_at, revoked_at, last_used_at';

async function insertVersion(tx: Queryable, designId: string, version: number, next: NewVersion): Promise<number> {
  const text = JSON.stringify(next.document);
  const size = Buffer.byteLength(text);
  await tx.query(
    'INSERT INTO design_versions (design_id, version, name, document, size_bytes, restored_from, saved_by) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)',
    [designId, version, next.document.name, text, size, next.restoredFrom ?? null, next.savedBy ?? null],
  );
  return size;
}

async function insertShareLink(tx: Queryable, designId: string, link: NewShareLink): Promise<ShareLink> {
  const { rows } = await tx.query<Row>(
    `INSERT INTO share_links (id, design_id, scope, token_sha256, label, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${SHARE_COLUMNS}`,
    [link.id, designId, link.scope, link.tokenSha256, link.label ?? null, link.expiresAt ? link.expiresAt.toISOString() : null],
  );
  return shareLink(rows[0]!);
}

export function createRepository(db: Driver): DesignRepository {
  const getDesign = async (id: string): Promise<DesignRecord | undefined> => {
    const { rows } = await db.query<Row>(DESIGN_SELECT, [id]);
    const r = rows[0];
    return r ? { ...designMeta(r), document: json(r['document']) } : undefined;
  };

  return {
    driver: db.kind,

    createDesign: (id, first, links) =>
      db.transaction(async (tx) => {
        const { rows } = await tx.query<Row>(
          'INSERT INTO designs (id, name, current_version) VALUES ($1, $2, 1) RETURNING id, name, current_version AS version, created_at, updated_at',
          [id, first.document.name],
        );
        const size = await insertVersion(tx, id, 1, first);
        for (const link of links) await insertShareLink(tx, id, link);
        return designMeta({ ...rows[0]!, size_bytes: size });
      }),

    getDesign,

    async saveVersion(id, expectedVersion, next) {
      const saved = await db.transaction(async (tx) => {
        // The WHERE on current_version is the concurrency check: under PostgreSQL's row lock a
        // second writer with the same expectation re-reads the row, no longer matches, and
        // updates nothing. No in-process lock is involved, so it holds across replicas.
        const { rows } = await tx.query<Row>(
          `UPDATE designs SET current_version = current_version + 1, name = $3, updated_at = now()
           WHERE id = $1 AND current_version = $2
           RETURNING id, name, current_version AS version, created_at, updated_at`,
          [id, expectedVersion, next.document.name],
        );
        const r = rows[0];
        if (!r) return undefined;
        const size = await insertVersion(tx, id, Number(r['version']), next);
        return designMeta({ ...r, size_bytes: size });
      });
      if (saved) return { ok: true, design: saved };
      const current = await getDesign(id);
      return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'not-found' };
    },

    async listVersions(id, { limit, before }) {
      const { rows } = await db.query<Row>(
        `SELECT v.version, v.name, v.size_bytes, v.created_at, v.restored_from, v.saved_by, l.label AS saved_by_label
         FROM design_versions v LEFT JOIN share_links l ON l.id = v.saved_by
         WHERE v.design_id = $1 AND ($2::integer IS NULL OR v.version < $2::integer)
         ORDER BY v.version DESC LIMIT $3`,
        [id, before ?? null, limit],
      );
      return rows.map(versionMeta);
    },

    async getVersion(id, version) {
      const { rows } = await db.query<Row>(
        `SELECT v.version, v.name, v.size_bytes, v.created_at, v.restored_from, v.saved_by, l.label AS saved_by_label, v.document
         FROM design_versions v LEFT JOIN share_links l ON l.id = v.saved_by WHERE v.design_id = $1 AND v.version = $2`,
        [id, version],
      );
      const r = rows[0];
      return r ? { ...versionMeta(r), document: json(r['document']) } : undefined;
    },

    createShareLink: (designId, link) => insertShareLink(db, designId, link),

    async findShareLink(id) {
      const { rows } = await db.query<Row>(`SELECT ${SHARE_COLUMNS}, token_sha256 FROM share_links WHERE id = $1`, [id]);
      const r = rows[0];
      return r ? { ...shareLink(r), tokenSha256: String(r['token_sha256']) } : undefined;
    },

    async listShareLinks(designId) {
      const { rows } = await db.query<Row>(`SELECT ${SHARE_COLUMNS} FROM share_links WHERE design_id = $1 ORDER BY created_at, id`, [
        designId,
      ]);
      return rows.map(shareLink);
    },

    async revokeShareLink(designId, linkId) {
      const { rows } = await db.query<Row>(
        'UPDATE share_links SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 AND design_id = $2 RETURNING id',
        [linkId, designId],
      );
      return rows.length > 0;
    },

    async touchShareLink(linkId, minIntervalSeconds) {
      const { rows } = await db.query<Row>(
        `UPDATE share_links SET last_used_at = now()
         WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2::double precision))
         RETURNING id`,
        [linkId, minIntervalSeconds],
      );
      return rows.length > 0;
    },

    async ping() {
      await db.query('SELECT 1');
    },
  };
}
