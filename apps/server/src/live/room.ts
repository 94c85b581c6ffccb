/**
 * One design's live session on this replica: the Y.Doc every participant edits, presence
 * (awareness), the participants connected here, and the idle timer that turns a burst of edits into
 * one version in the history. The database is the source of truth: a room is rebuilt from the update
 * log whenever a replica needs it, and every accepted update is stored before it is acknowledged.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { diffDocuments, restore } from '@viplane/model';
import {
  awarenessFrame,
  createSharedDocument,
  readDocument,
  updateFrame,
  writeChanges,
  type RefusalError,
  type ServerControl,
} from '@viplane/sync';
import type { DesignRepository } from '../db/repository.ts';
import { LIVE_LIMITS } from '../limits.ts';
import type { LiveBus } from './bus.ts';
import type { LiveStore } from './store.ts';
import { AcceptedState } from './acceptedState.ts';
import { PresenceOwners, readAwarenessEntries, writeAwarenessEntries } from './presenceOwners.ts';

/** What a room needs of a connection (session.ts). */
export interface Participant {
  readonly linkId: string;
  /** Awareness client ids this connection has published (and holds: see PresenceOwners). */
  readonly clientIds: Set<number>;
  send(data: Uint8Array | ServerControl): void;
  close(code: number, reason: string): void;
}

export interface RoomContext {
  repository: DesignRepository;
  store: LiveStore;
  bus: LiveBus;
  replicaId: string;
  idleSaveMs: number;
  log: { warn(obj: object, msg: string): void };
}

const REMOTE = 'remote';
const LOAD = 'load';
/** Changes the server itself writes (a version saved outside the session). */
const SERVER = 'server';

function isEmptyUpdate(update: Uint8Array): boolean {
  // No structs and an empty delete set: what an up-to-date peer sends as its sync step 2.
  return update.byteLength <= 2 && update.every((b) => b === 0);
}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly participants = new Set<Participant>();
  /** Which connection (or other replica) may publish each presence client id; the server's own id is nobody's. */
  private readonly owners = new PresenceOwners<Participant>(new Set([this.awareness.clientID]));
  /** Where participants' updates are checked before the room takes them. */
  private readonly accepted = new AcceptedState(this.doc);
  /** Updates accepted here since this replica last saved a version. */
  private dirty = false;
  private idle: NodeJS.Timeout | undefined;
  private logRows = 0;
  private saving: Promise<number | undefined> | undefined;

  constructor(
    readonly designId: string,
    private readonly ctx: RoomContext,
  ) {
    // The server is not a participant: it publishes no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD) return;
      // A participant's update is in the check Y.Doc already (it was tried there first).
      if (origin === REMOTE || origin === SERVER) this.accepted.follow(update);
      const frame = updateFrame(update);
      for (const p of this.participants) if (p !== origin) p.send(frame);
      this.touch();
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...added, ...updated, ...removed];
        for (const id of removed) this.owners.removed(id);
        const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
        const frame = awarenessFrame(update);
        for (const p of this.participants) if (p !== origin) p.send(frame);
        if (origin !== REMOTE && origin !== 'timeout' && update.byteLength <= LIVE_LIMITS.presenceFanoutBytes) {
          void this.ctx.bus
            .send({ t: 'a', d: this.designId, r: this.ctx.replicaId, b: Buffer.from(update).toString('base64') })
            .catch(() => {});
        }
      },
    );
  }

  /** Builds the state from the database; the first replica to open a design seeds it from the stored version. */
  async load(): Promise<boolean> {
    let state = await this.ctx.store.load(this.designId);
    const design = await this.ctx.repository.getDesign(this.designId);
    if (!design) return false;
    if (!state) {
      const stored = restore(design.document);
      if (!stored.ok) throw new Error(`stored version ${design.version} of ${this.designId} does not restore`);
      await this.ctx.store.seed(this.designId, Y.encodeStateAsUpdate(createSharedDocument(stored.document)), design.version);
      state = await this.ctx.store.load(this.designId);
      if (!state) return false;
    }
    for (const update of state.updates) Y.applyUpdate(this.doc, update, LOAD);
    this.accepted.rebuild();
    this.logRows = state.rows;
    // A save made outside the session (a REST save, a restored version) since the live state last
    // matched the history: what it changed becomes one more edit of the session.
    if (design.version > state.baseVersion) await this.onVersion(design.version);
    return true;
  }

  /**
   * Version `version` became current. The replica that claims it writes what changed between the
   * version the session last matched and this one into the session (writeChanges: field by field, so
   * nothing edited live meanwhile is reverted), stores and relays it like any update.
   */
  async onVersion(version: number): Promise<void> {
    const old = await this.ctx.store.claimBase(this.designId, version);
    if (old === undefined) return;
    const [before, after] = await Promise.all([
      this.ctx.repository.getVersion(this.designId, old),
      this.ctx.repository.getVersion(this.designId, version),
    ]);
    const from = before ? restore(before.document) : undefined;
    const to = after ? restore(after.document) : undefined;
    if (!from?.ok || !to?.ok) return;
    let update: Uint8Array | undefined;
    const capture = (u: Uint8Array, origin: unknown) => {
      if (origin === SERVER) update = update ? Y.mergeUpdates([update, u]) : u;
    };
    this.doc.on('update', capture);
    writeChanges(this.doc, from.document, to.document, SERVER);
    this.doc.off('update', capture);
    if (update) await this.persist(update);
  }

  /** How many people are in the session: those connected here and those others' replicas told us about. */
  count(): number {
    const local = new Set<number>();
    for (const p of this.participants) for (const id of p.clientIds) local.add(id);
    let remote = 0;
    for (const id of this.awareness.getStates().keys()) if (!local.has(id) && id !== this.doc.clientID) remote++;
    return this.participants.size + remote;
  }

  join(p: Participant): void {
    this.participants.add(p);
    // Presence travels between replicas only when it changes (or every 15 s when y-protocols renews
    // it): a newcomer here would not see who is already in on other replicas until then, so ask them.
    void this.ctx.bus.send({ t: 'q', d: this.designId, r: this.ctx.replicaId }).catch(() => {});
  }

  /** Sends the presence of the participants connected here to the other replicas (a newcomer there asked). */
  announcePresence(): void {
    const states = this.awareness.getStates();
    const ids: number[] = [];
    for (const p of this.participants) for (const id of p.clientIds) if (states.has(id)) ids.push(id);
    if (ids.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids);
    if (update.byteLength > LIVE_LIMITS.presenceFanoutBytes) return;
    void this.ctx.bus.send({ t: 'a', d: this.designId, r: this.ctx.replicaId, b: Buffer.from(update).toString('base64') }).catch(() => {});
  }

  /** Removes `p` and its presence; true when nobody is left here. */
  leave(p: Participant): boolean {
    this.participants.delete(p);
    this.owners.release(p, p.clientIds);
    if (p.clientIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...p.clientIds], 'leave');
    return this.participants.size === 0;
  }

  /**
   * Applies a participant's awareness update if every client id in it is `p`'s or nobody's yet (those
   * become p's). Otherwise nothing is applied and the id held by someone else is returned.
   * Throws on an unreadable update.
   */
  applyPresence(p: Participant, update: Uint8Array): number | undefined {
    const entries = readAwarenessEntries(update);
    const taken = this.owners.claim(p, entries);
    if (taken !== undefined) return taken;
    for (const e of entries) p.clientIds.add(e.clientId);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, p);
    return undefined;
  }

  /** The answer to a peer's sync step 1: everything it lacks. */
  diffFor(stateVector: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.doc);
  }

  /**
   * Checks a participant's (well-formed) update (AcceptedState), then stores, applies and relays it.
   * Returns why it was refused when the document after it would not restore: then nothing is stored
   * or relayed.
   */
  async applyFromParticipant(p: Participant, update: Uint8Array): Promise<RefusalError[] | undefined> {
    if (isEmptyUpdate(update)) return undefined;
    const refused = this.accepted.tryUpdate(update);
    if (refused) return refused;
    try {
      await this.persist(update);
    } catch (error) {
      this.accepted.settle(update, false);
      throw error;
    }
    this.dirty = true;
    Y.applyUpdate(this.doc, update, p);
    this.accepted.settle(update, true);
    return undefined;
  }

  private async persist(update: Uint8Array): Promise<void> {
    await this.ctx.store.append(this.designId, update, this.ctx.bus.channel, (id) =>
      JSON.stringify({ t: 'u', d: this.designId, id, r: this.ctx.replicaId }),
    );
    if (++this.logRows >= LIVE_LIMITS.compactAfterUpdates) {
      this.logRows = 0;
      void this.ctx.store.compact(this.designId).catch((error: unknown) => this.ctx.log.warn({ err: error }, 'live: compaction failed'));
    }
  }

  /** An update another replica stored. */
  async applyRemote(id: string): Promise<void> {
    const update = await this.ctx.store.read(id);
    if (update) {
      Y.applyUpdate(this.doc, update, REMOTE);
      return;
    }
    // Compacted away already: the snapshot holds it.
    const state = await this.ctx.store.load(this.designId);
    for (const u of state?.updates ?? []) Y.applyUpdate(this.doc, u, REMOTE);
  }

  /** Presence from replica `replica`: only the entries it may publish (PresenceOwners.fromReplica). */
  applyRemotePresence(replica: string, update: Uint8Array): void {
    const entries = readAwarenessEntries(update);
    const kept = this.owners.fromReplica(replica, entries);
    if (kept.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, kept.length === entries.length ? update : writeAwarenessEntries(kept), REMOTE);
  }

  broadcast(message: ServerControl): void {
    for (const p of this.participants) p.send(message);
  }

  private touch(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      if (this.dirty) void this.saveVersion(undefined);
    }, this.ctx.idleSaveMs);
    this.idle.unref();
  }

  /**
   * A version in the history holding the session's document, unless it means the same as the current
   * one. Returns the current version number after it (undefined when the document does not restore).
   */
  saveVersion(savedBy: string | undefined): Promise<number | undefined> {
    this.saving ??= this.save(savedBy).finally(() => (this.saving = undefined));
    return this.saving;
  }

  private async save(savedBy: string | undefined): Promise<number | undefined> {
    this.dirty = false;
    const read = readDocument(this.doc);
    if (!read.ok) {
      this.ctx.log.warn(
        { designId: this.designId, errors: read.errors.slice(0, 3) },
        'live: the session document does not restore; no version saved',
      );
      return undefined;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await this.ctx.repository.getDesign(this.designId);
      if (!current) return undefined;
      const stored = restore(current.document);
      if (stored.ok && diffDocuments(stored.document, read.document).identical) {
        await this.ctx.store.setBaseVersion(this.designId, current.version);
        return current.version;
      }
      const result = await this.ctx.repository.saveVersion(this.designId, current.version, {
        document: read.document,
        ...(savedBy ? { savedBy } : {}),
      });
      if (result.ok) {
        await this.ctx.store.setBaseVersion(this.designId, result.design.version);
        await this.ctx.bus.send({ t: 'e', d: this.designId, e: { type: 'saved', version: result.design.version } });
        return result.design.version;
      }
      if (result.reason === 'not-found') return undefined;
    }
    return undefined;
  }

  /** Saves what is unsaved and stops the timers. */
  async close(): Promise<void> {
    clearTimeout(this.idle);
    if (this.dirty) await this.saveVersion(undefined).catch(() => undefined);
    this.awareness.destroy();
    this.accepted.destroy();
    this.doc.destroy();
  }
}
