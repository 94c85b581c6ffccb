/**
 * The live sessions of this replica: rooms by design id, the bus to the other replicas, and
 * `publish(designId, event)`, which delivers a control message to every session of a design on every
 * replica (e.g. `{ type: 'comments-changed' }` after a comment route wrote to the database).
 */
import { randomUUID } from 'node:crypto';
import type { ServerControl } from '@viplane/sync';
import type { Driver } from '../db/drivers/types.ts';
import type { DesignRepository } from '../db/repository.ts';
import { LiveBus, type BusMessage } from './bus.ts';
import { Room } from './room.ts';
import { LiveStore } from './store.ts';
import { CLOSE } from '@viplane/sync';

export interface HubOptions {
  driver: Driver;
  repository: DesignRepository;
  idleSaveMs: number;
  /** Ping interval of each connection (LIVE_LIMITS.heartbeatMs). */
  heartbeatMs: number;
  log: { warn(obj: object, msg: string): void };
}

export class LiveHub {
  readonly replicaId = randomUUID();
  private readonly rooms = new Map<string, Promise<Room | undefined>>();
  private readonly bus: LiveBus;
  private readonly store: LiveStore;

  constructor(private readonly options: HubOptions) {
    this.bus = new LiveBus(options.driver);
    this.store = new LiveStore(options.driver);
  }

  get heartbeatMs(): number {
    return this.options.heartbeatMs;
  }

  async start(): Promise<void> {
    await this.bus.start(
      (message) => void this.onBus(message).catch((error: unknown) => this.options.log.warn({ err: error }, 'live: bus message failed')),
    );
  }

  /** Sends `event` to every live session of `designId`, on every replica. */
  async publish(designId: string, event: ServerControl): Promise<void> {
    await this.bus.send({ t: 'e', d: designId, e: event });
  }

  /** The design's room, loaded on first use; undefined when the design does not exist. */
  room(designId: string): Promise<Room | undefined> {
    let room = this.rooms.get(designId);
    if (!room) {
      const created = new Room(designId, {
        repository: this.options.repository,
        store: this.store,
        bus: this.bus,
        replicaId: this.replicaId,
        idleSaveMs: this.options.idleSaveMs,
        log: this.options.log,
      });
      room = created.load().then(
        (found) => (found ? created : undefined),
        (error: unknown) => {
          this.rooms.delete(designId);
          throw error;
        },
      );
      this.rooms.set(designId, room);
    }
    return room;
  }

  /** Called when the last participant here left: saves and forgets the room. */
  async release(room: Room): Promise<void> {
    if ((await this.rooms.get(room.designId)) !== room || room.participants.size > 0) return;
    this.rooms.delete(room.designId);
    await room.close();
  }

  private async onBus(message: BusMessage): Promise<void> {
    const pending = this.rooms.get(message.d);
    if (!pending) return;
    const room = await pending;
    if (!room) return;
    switch (message.t) {
      case 'u':
        if (message.r !== this.replicaId) await room.applyRemote(message.id);
        break;
      case 'a':
        if (message.r !== this.replicaId) room.applyRemotePresence(message.r, new Uint8Array(Buffer.from(message.b, 'base64')));
        break;
      case 'q':
        if (message.r !== this.replicaId) room.announcePresence();
        break;
      case 'revoked':
        for (const p of room.participants) if (p.linkId === message.l) p.close(CLOSE.revoked, 'the share link was revoked');
        break;
      case 'e':
        room.broadcast(message.e);
        break;
      case 'v':
        await room.onVersion(message.v);
        break;
    }
  }

  /** Closes every session (going away: clients reconnect to another replica) and saves what is unsaved. */
  async close(): Promise<void> {
    const rooms = await Promise.all([...this.rooms.values()].map((r) => r.catch(() => undefined)));
    this.rooms.clear();
    for (const room of rooms) {
      if (!room) continue;
      for (const p of room.participants) p.close(CLOSE.goingAway, 'the server is restarting');
      await room.close();
    }
    await this.bus.close();
  }
}
