/**
 * Fan-out between replicas through the database they share: PostgreSQL NOTIFY on one channel per
 * schema (PGlite's NOTIFY is in-process, the single-process case). A payload stays small (an update's
 * row id, never the update: NOTIFY payloads are capped below 8000 bytes); every replica hears every
 * message, its own included, and drops what concerns no design it holds.
 */
import type { Driver } from '../db/drivers/types.ts';
import type { ServerControl } from '@viplane/sync';

export type BusMessage =
  /** A document update stored as row `id` by replica `r`. */
  | { t: 'u'; d: string; id: string; r: string }
  /** A presence (awareness) update from replica `r`, base64. */
  | { t: 'a'; d: string; r: string; b: string }
  /** Someone joined the design on replica `r`: every other replica re-announces its own participants' presence. */
  | { t: 'q'; d: string; r: string }
  /** Share link `l` was revoked (sent by the share_links trigger, migration 003). */
  | { t: 'revoked'; d: string; l: string }
  /** Version `v` became current (sent by the designs trigger, migration 003). */
  | { t: 'v'; d: string; v: number }
  /** An event for every session of the design (hub.publish). */
  | { t: 'e'; d: string; e: ServerControl };

export class LiveBus {
  private stop: (() => Promise<void>) | undefined;
  channel = '';

  constructor(private readonly db: Driver) {}

  async start(onMessage: (message: BusMessage) => void): Promise<void> {
    const { rows } = await this.db.query<{ schema: string }>('SELECT current_schema() AS schema');
    this.channel = `viplane_live_${rows[0]!.schema}`;
    this.stop = await this.db.listen(this.channel, (payload) => {
      let message: BusMessage;
      try {
        message = JSON.parse(payload) as BusMessage;
      } catch {
        return;
      }
      if (message && typeof message === 'object' && typeof message.d === 'string') onMessage(message);
    });
  }

  async send(message: BusMessage): Promise<void> {
    await this.db.query('SELECT pg_notify($1, $2)', [this.channel, JSON.stringify(message)]);
  }

  async close(): Promise<void> {
    await this.stop?.();
  }
}
