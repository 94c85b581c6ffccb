/**
 * The validation worker's logic, without `self`: it keeps the document replica, runs the full
 * validator debounced after edits that affect validation (every rule is a full run today;
 * performance.md §5.2 allows a debounced full run ≤100 ms off the main thread), and answers
 * path traces on the same lowered model.
 */
import { lower, rules, runRules, trace, type L3Model } from '@viplane/validator';
import { DocumentReplica, type FromWorker, type RuleInfo, type ToWorker } from './protocol.ts';

export interface Scheduler {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

export const DEBOUNCE_MS = 30;

export class ValidationCore {
  private readonly replica = new DocumentReplica();
  private rev = 0;
  private timer: unknown = null;
  private model: { rev: number; model: L3Model } | null = null;
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
        this.schedule(0);
        break;
      case 'delta':
        this.replica.apply(msg.delta);
        this.rev = msg.rev;
        if (msg.delta.affectsValidation) {
          this.model = null;
          this.schedule(DEBOUNCE_MS);
        } else if (this.model) {
          this.model = { rev: msg.rev, model: this.model.model };
        }
        break;
      case 'trace': {
        const model = this.currentModel();
        this.post({ type: 'trace', requestId: msg.requestId, result: trace(model, msg.from, msg.to) });
        break;
      }
    }
  }

  private schedule(ms: number) {
    if (this.timer !== null) this.scheduler.clear(this.timer);
    this.timer = this.scheduler.set(() => {
      this.timer = null;
      this.run();
    }, ms);
  }

  private currentModel(): L3Model {
    if (!this.model) this.model = { rev: this.rev, model: lower(this.replica.document) };
    return this.model.model;
  }

  /** Runs every rule now (exposed for tests). */
  run() {
    if (!this.loaded) return;
    const rev = this.rev;
    const start = this.scheduler.now();
    try {
      const model = this.currentModel();
      const diagnostics = runRules(model, rules);
      this.post({
        type: 'diagnostics',
        rev,
        diagnostics,
        ms: this.scheduler.now() - start,
        elements: this.replica.document.elements.length,
      });
    } catch (err) {
      this.post({ type: 'error', rev, message: err instanceof Error ? err.message : String(err) });
    }
  }
}
