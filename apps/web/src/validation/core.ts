/**
 * The validation worker's logic, without `self`: it keeps the document replica and a
 * `ValidationSession` (@viplane/validator) on it.
 *
 * Two answers per burst of edits (performance.md §5.2):
 * - at once (a 0 ms task, so deltas already queued are taken together): the session re-runs
 *   the local IPAM rules on the edit's neighbourhood and the worker posts every current
 *   diagnostic — the fresh local ones plus the other rules' ones from the last full run, which
 *   are listed as `stale` (kept, so no badge disappears and comes back);
 * - `DEBOUNCE_MS` after the last edit: the full run (`refresh()`), `stale: []`.
 *
 * Moves do not re-validate. Path traces run on a lowering of the current document.
 */
import { designFlowsOf, lower, rules, tracePath, ValidationSession, type Diagnostic, type EditResult, type L3Model } from '@viplane/validator';
import { DocumentReplica, type DocDelta, type FromWorker, type RuleInfo, type ToWorker } from './protocol.ts';

export interface Scheduler {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

/** The full run waits this long after the last edit. */
export const DEBOUNCE_MS = 30;

export class ValidationCore {
  private readonly replica = new DocumentReplica();
  private rev = 0;
  private session: ValidationSession | null = null;
  /** Elements and links changed since the session last saw the document. */
  private changed = new Set<string>();
  /** A change the session cannot take incrementally (document metadata): full run at once. */
  private needsFull = false;
  /** Elements or links were removed since the last full run. */
  private removed = false;
  private incrementalTimer: unknown = null;
  private fullTimer: unknown = null;
  private model: L3Model | null = null;
  private loaded = false;

  constructor(
    private readonly post: (msg: FromWorker) => void,
    private readonly scheduler: Scheduler,
  ) {}

  ruleInfo(): RuleInfo[] {
    return rules.map(({ meta }) => ({
      id: meta.id,
      severity: meta.severity,
      category: meta.category,
      description: meta.description,
      docs: meta.docs,
      seeds: meta.seeds,
    }));
  }

  handle(msg: ToWorker) {
    switch (msg.type) {
      case 'load':
        this.replica.load(msg.doc);
        this.loaded = true;
        this.rev = msg.rev;
        this.model = null;
        this.session = null;
        this.changed.clear();
        this.needsFull = false;
        this.removed = false;
        this.cancel();
        this.fullTimer = this.scheduler.set(() => {
          this.fullTimer = null;
          this.run();
        }, 0);
        break;
      case 'delta':
        this.replica.apply(msg.delta);
        this.rev = msg.rev;
        if (!msg.delta.affectsValidation) break;
        this.model = null;
        this.collect(msg.delta);
        if (this.incrementalTimer === null)
          this.incrementalTimer = this.scheduler.set(() => {
            this.incrementalTimer = null;
            this.runIncremental();
          }, 0);
        break;
      case 'trace': {
        this.model ??= lower(this.replica.document);
        this.post({ type: 'trace', requestId: msg.requestId, result: tracePath(this.model, msg.from, msg.to) });
        break;
      }
      case 'flows': {
        this.model ??= lower(this.replica.document);
        this.post({ type: 'flows', requestId: msg.requestId, flows: designFlowsOf(this.model).flows });
        break;
      }
    }
  }

  private collect(delta: DocDelta) {
    for (const e of delta.upsertElements ?? []) this.changed.add(e.id);
    for (const id of delta.removeElements ?? []) this.changed.add(id);
    for (const l of delta.upsertLinks ?? []) this.changed.add(l.id);
    for (const id of delta.removeLinks ?? []) this.changed.add(id);
    if (delta.removeElements?.length || delta.removeLinks?.length) this.removed = true;
    if (delta.meta) this.needsFull = true;
  }

  private cancel() {
    if (this.incrementalTimer !== null) this.scheduler.clear(this.incrementalTimer);
    if (this.fullTimer !== null) this.scheduler.clear(this.fullTimer);
    this.incrementalTimer = null;
    this.fullTimer = null;
  }

  /** Applies the edits collected since the last answer and posts the result (exposed for tests). */
  runIncremental() {
    if (!this.loaded) return;
    if (!this.session || this.needsFull) return this.run();
    const rev = this.rev;
    const start = this.scheduler.now();
    const ids = this.changed;
    this.changed = new Set();
    let result: EditResult;
    try {
      result = this.session.apply(this.replica.document, ids);
    } catch {
      // The session's state is unknown after a throw: start over from the document.
      return this.run();
    }
    if (result.stale.length > 0) this.scheduleFull();
    else {
      // The session took the full path itself (a structural edit): nothing is stale.
      this.clearFull();
      this.removed = false;
    }
    this.answer(rev, start, result.stale);
  }

  private scheduleFull() {
    this.clearFull();
    this.fullTimer = this.scheduler.set(() => {
      this.fullTimer = null;
      this.run();
    }, DEBOUNCE_MS);
  }
  private clearFull() {
    if (this.fullTimer !== null) this.scheduler.clear(this.fullTimer);
    this.fullTimer = null;
  }

  /** Lowers and runs every rule on the current document now (exposed for tests). */
  run() {
    if (!this.loaded) return;
    const rev = this.rev;
    const start = this.scheduler.now();
    if (this.incrementalTimer !== null) this.scheduler.clear(this.incrementalTimer);
    this.incrementalTimer = null;
    this.clearFull();
    try {
      const doc = this.replica.document;
      // A new session lowers, builds the IPAM index and runs every rule; refresh() reuses the index
      // the incremental edits kept up. A new one is needed when the session has not seen the latest edits.
      if (!this.session || this.changed.size > 0 || this.needsFull) this.session = new ValidationSession(doc);
      else this.session.refresh();
      this.changed = new Set();
      this.needsFull = false;
      this.removed = false;
      this.answer(rev, start, []);
    } catch (err) {
      this.session = null;
      this.post({ type: 'error', rev, message: err instanceof Error ? err.message : String(err) });
    }
  }

  private answer(rev: number, start: number, stale: readonly string[]) {
    const session = this.session!;
    const diagnostics =
      stale.length > 0 && this.removed ? withoutVanished(session.diagnostics, this.replica.document) : [...session.diagnostics];
    this.post({
      type: 'diagnostics',
      rev,
      diagnostics,
      stale: [...stale],
      ms: this.scheduler.now() - start,
      elements: this.replica.document.elements.length,
    });
  }
}

/**
 * The stale rules' diagnostics come from the last full run: drop those that name an element or
 * link the document no longer has (a deleted element's badge must not outlive it until the full
 * run). Nested targets (ranges, routes, nodes, filter rules) are kept: their owner is named too when it matters.
 */
function withoutVanished(
  diagnostics: readonly Diagnostic[],
  doc: { elements: readonly { id: string }[]; links: readonly { id: string }[] },
) {
  let ids: Set<string> | undefined;
  const exists = (id: string) => (ids ??= new Set([...doc.elements.map((e) => e.id), ...doc.links.map((l) => l.id)])).has(id);
  return diagnostics.filter((d) => d.targets.every((t) => t.kind === 'range' || t.kind === 'route' || t.kind === 'node' || t.kind === 'rule' || exists(t.id)));
}
