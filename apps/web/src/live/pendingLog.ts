/**
 * Which of our own Yjs updates the server has not acknowledged yet (pure; unit-tested).
 *
 * The server acknowledges, per connection and in order, every frame that changes the document
 * (`{ type: 'ack', count }` after the count-th one is stored): our single updates and our sync
 * step 2 answers. A single update frame stands for that update alone; a step 2 answer carries
 * everything the server lacks, so it stands for every update made so far. An update is done once a
 * frame standing for it is acknowledged; a connection that closes first acknowledges nothing more,
 * and its updates wait for the next connection's step 2. Re-sending an update the server already has
 * is harmless (Yjs updates are idempotent), so erring towards keeping one costs nothing.
 */
export class PendingLog {
  private seq = 0;
  /** seq → update, oldest first. */
  private readonly pending = new Map<number, Uint8Array>();
  /** This connection's document frames, in order: the update each stands for, or `all` made up to `upTo`. */
  private frames: ({ seq: number } | { upTo: number })[] = [];
  /** How many of this connection's frames are acknowledged. */
  private ackedFrames = 0;

  constructor(
    initial: readonly Uint8Array[] = [],
    private readonly onChange: (updates: Uint8Array[]) => void = () => {},
  ) {
    for (const u of initial) this.pending.set(++this.seq, u);
  }

  /** A local update was made: it is pending until acknowledged. */
  add(update: Uint8Array): void {
    this.pending.set(++this.seq, update);
    this.onChange(this.updates());
  }

  /** A frame carrying the update added last was sent on the current connection. */
  sentLatest(): void {
    this.frames.push({ seq: this.seq });
  }

  /** A frame carrying our whole state (sync step 2) was sent on the current connection. */
  sentState(): void {
    this.frames.push({ upTo: this.seq });
  }

  /** The server stored the first `count` document frames of this connection (counts are cumulative). */
  acked(count: number): void {
    let changed = false;
    const n = Math.min(count, this.frames.length);
    for (let i = this.ackedFrames; i < n; i++) {
      const frame = this.frames[i]!;
      if ('seq' in frame) changed = this.pending.delete(frame.seq) || changed;
      else
        for (const seq of [...this.pending.keys()]) {
          if (seq <= frame.upTo) changed = this.pending.delete(seq) || changed;
        }
    }
    this.ackedFrames = Math.max(this.ackedFrames, n);
    if (changed) this.onChange(this.updates());
  }

  /** The connection closed: its frames still unacknowledged may or may not have been stored. */
  disconnected(): void {
    this.frames = [];
    this.ackedFrames = 0;
  }

  /** The server refused our unconfirmed edits (the session starts again from its state): none is pending any more. */
  clear(): void {
    if (this.pending.size === 0) return;
    this.pending.clear();
    this.frames = [];
    this.ackedFrames = 0;
    this.onChange([]);
  }

  updates(): Uint8Array[] {
    return [...this.pending.values()];
  }

  get size(): number {
    return this.pending.size;
  }
}
