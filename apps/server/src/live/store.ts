/**
 * The live sessions' SQL: the append-only update log and its compacted snapshot (migration 003).
 * Yjs updates are idempotent and commutative, so reading the snapshot and every remaining row, in any
 * order, rebuilds the state; compaction deletes exactly the rows it folded in.
 */
import * as Y from 'yjs';
import type { Driver } from '../db/drivers/types.ts';

function bytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new Error('expected bytea');
}

/** Buffer for `pg`, Uint8Array for PGlite: both take a Buffer. */
const param = (update: Uint8Array) => Buffer.from(update.buffer, update.byteOffset, update.byteLength);

export interface LiveState {
  baseVersion: number;
  /** The snapshot first, then the log rows. */
  updates: Uint8Array[];
  rows: number;
}

export class LiveStore {
  constructor(private readonly db: Driver) {}

  async load(designId: string): Promise<LiveState | undefined> {
    const state = await this.db.query<{ state: unknown; base_version: number }>(
      'SELECT state, base_version FROM live_state WHERE design_id = $1',
      [designId],
    );
    const first = state.rows[0];
    if (!first) return undefined;
    const log = await this.db.query<{ update: unknown }>('SELECT "update" FROM live_updates WHERE design_id = $1 ORDER BY id', [designId]);
    return {
      baseVersion: Number(first.base_version),
      updates: [bytes(first.state), ...log.rows.map((r) => bytes(r.update))],
      rows: log.rows.length,
    };
  }

  /** Seeds the snapshot if no replica has yet (the first one wins; the caller then loads). */
  async seed(designId: string, state: Uint8Array, baseVersion: number): Promise<void> {
    await this.db.query('INSERT INTO live_state (design_id, state, base_version) VALUES ($1, $2, $3) ON CONFLICT (design_id) DO NOTHING', [
      designId,
      param(state),
      baseVersion,
    ]);
  }

  /** Appends an update and notifies `channel` with `notice(id)` when the row commits. Returns the row id. */
  async append(designId: string, update: Uint8Array, channel: string, notice: (id: string) => string): Promise<string> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: unknown }>('INSERT INTO live_updates (design_id, "update") VALUES ($1, $2) RETURNING id', [
        designId,
        param(update),
      ]);
      const id = String(rows[0]!.id);
      await tx.query('SELECT pg_notify($1, $2)', [channel, notice(id)]);
      return id;
    });
  }

  async read(id: string): Promise<Uint8Array | undefined> {
    const { rows } = await this.db.query<{ update: unknown }>('SELECT "update" FROM live_updates WHERE id = $1', [id]);
    return rows[0] ? bytes(rows[0].update) : undefined;
  }

  async setBaseVersion(designId: string, version: number): Promise<void> {
    await this.db.query('UPDATE live_state SET base_version = GREATEST(base_version, $2), updated_at = now() WHERE design_id = $1', [
      designId,
      version,
    ]);
  }

  /**
   * Moves base_version up to `version` if it is lower, returning the old value: the one replica that
   * gets it merges the versions in between into the session (the others get undefined).
   */
  async claimBase(designId: string, version: number): Promise<number | undefined> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ base_version: number }>('SELECT base_version FROM live_state WHERE design_id = $1 FOR UPDATE', [
        designId,
      ]);
      const old = rows[0] ? Number(rows[0].base_version) : undefined;
      if (old === undefined || old >= version) return undefined;
      await tx.query('UPDATE live_state SET base_version = $2, updated_at = now() WHERE design_id = $1', [designId, version]);
      return old;
    });
  }

  /** Folds the log rows committed so far into the snapshot; rows committing meanwhile stay for the next run. */
  async compact(designId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const state = await tx.query<{ state: unknown }>('SELECT state FROM live_state WHERE design_id = $1 FOR UPDATE', [designId]);
      if (!state.rows[0]) return 0;
      const log = await tx.query<{ id: unknown; update: unknown }>(
        'SELECT id, "update" FROM live_updates WHERE design_id = $1 ORDER BY id',
        [designId],
      );
      if (log.rows.length === 0) return 0;
      const merged = Y.mergeUpdates([bytes(state.rows[0].state), ...log.rows.map((r) => bytes(r.update))]);
      await tx.query('UPDATE live_state SET state = $2, updated_at = now() WHERE design_id = $1', [designId, param(merged)]);
      await tx.query('DELETE FROM live_updates WHERE id = ANY($1::bigint[])', [log.rows.map((r) => String(r.id))]);
      return log.rows.length;
    });
  }
}
