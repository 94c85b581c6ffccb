/**
 * Who may publish the presence (awareness state) of each Yjs client id in a room. y-protocols trusts
 * whoever sends an awareness update with any client id, so without this one connection could move,
 * rename or remove another participant's cursor. An id is bound to the first holder that announced it:
 * a connection here, or another replica (its presence reaches us through the bus). A binding ends when
 * its connection closes, or, for another replica's id, when that replica removes the state (or it
 * times out there and here).
 *
 * Across replicas this is first-come per replica: a replica that has not heard of an id yet binds it
 * to whoever announces it first there. A join asks the other replicas to re-announce at once (hub `q`),
 * which keeps that window to the bus's round trip.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** One entry of a y-protocols awareness update: `state` is its JSON text, "null" for a removal. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

/** The entries of an awareness update (the format of y-protocols' encodeAwarenessUpdate); throws when unreadable. */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: decoding.readVarString(decoder) });
  }
  return entries;
}

export function writeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}

/** Another replica as the holder of ids (a connection here is the holder of its own). */
class Replica {
  constructor(readonly id: string) {}
}
type Holder<P> = P | Replica;

export class PresenceOwners<P extends object> {
  private readonly owners = new Map<number, Holder<P>>();

  /** `reserved`: ids nobody may publish (the server's own awareness id). */
  constructor(private readonly reserved: ReadonlySet<number>) {}

  /**
   * Binds the ids `entries` announce to `p` if none is held by someone else; otherwise binds nothing
   * and returns the first id that is not p's (the whole message is then refused).
   */
  claim(p: P, entries: readonly AwarenessEntry[]): number | undefined {
    for (const e of entries) {
      if (this.reserved.has(e.clientId)) return e.clientId;
      const owner = this.owners.get(e.clientId);
      if (owner !== undefined && owner !== p) return e.clientId;
    }
    for (const e of entries) this.owners.set(e.clientId, p);
    return undefined;
  }

  /**
   * The entries of another replica's message that it may publish: ids unknown here (bound to it now)
   * or already bound to it. An id held by a connection here or by a third replica is left out.
   */
  fromReplica(replica: string, entries: readonly AwarenessEntry[]): AwarenessEntry[] {
    const kept: AwarenessEntry[] = [];
    for (const e of entries) {
      if (this.reserved.has(e.clientId)) continue;
      const owner = this.owners.get(e.clientId);
      if (owner === undefined) {
        // A removal of an id nobody holds here binds nothing (it changes nothing either).
        if (e.state !== 'null') this.owners.set(e.clientId, new Replica(replica));
        kept.push(e);
      } else if (owner instanceof Replica && owner.id === replica) kept.push(e);
    }
    return kept;
  }

  /** The state of `clientId` was removed here: another replica's binding ends with it (a connection's stays until it closes). */
  removed(clientId: number): void {
    const owner = this.owners.get(clientId);
    if (owner instanceof Replica) this.owners.delete(clientId);
  }

  /** Ends the bindings of a connection that closed. */
  release(p: P, ids: Iterable<number>): void {
    for (const id of ids) if (this.owners.get(id) === p) this.owners.delete(id);
  }

  /** True when `clientId` is bound to connection `p`. */
  holds(p: P, clientId: number): boolean {
    return this.owners.get(clientId) === p;
  }
}
