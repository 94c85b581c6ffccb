/**
 * ValidationSession: keeps a document, its L3 model and its diagnostics, and applies one edit
 * (the new document + the ids of the changed elements and links) in well under 1 ms at
 * large-estate size for the common edits (a subnet, gateway, range or address), as
 * performance.md §5.2 asks.
 *
 * How: the IPAM part of the model is kept per element (store.ts) and re-lowered only for what
 * changed (relower.ts). The IPAM rules that are local (their diagnostics name the elements they
 * depend on) re-run unchanged on the edit's neighbourhood (neighbourhood.ts); their previous
 * diagnostics naming any affected id are replaced. Which ids are affected grows to a fixpoint:
 * the targets of the old and the new diagnostics join it, so a duplicate group that loses or
 * gains a member, or a pair that stops overlapping, is redone as a whole.
 *
 * Every other rule depends on the estate as a whole (routing tables, pool capacity against
 * every held address, cluster CIDRs against every network): its diagnostics are kept but
 * marked stale, and the caller runs `refresh()` debounced, off the main thread (§5.2: "fall back
 * to a full run of ≤100 ms, debounced"). Structural edits other than appending or removing at
 * the end (every later JSON path would move) take the full path at once.
 */
import { networkKinds, type Element, type Link, type TopologyDocument } from '@viplane/model';
import { lower } from '../l3/lower.ts';
import type { L3Address, L3Model } from '../l3/model.ts';
import { runRules } from '../engine/validate.ts';
import { compareDiagnostics, type Diagnostic } from '../engine/diagnostic.ts';
import type { Rule } from '../engine/rule.ts';
import { rules as allRules } from '../rules/index.ts';
import { IpamStore } from './store.ts';
import { relower } from './relower.ts';
import { neighbourhood } from './neighbourhood.ts';

/**
 * Rules whose every diagnostic names what it depends on, so the neighbourhood of the named ids
 * reproduces them (checked against full runs by test/incremental.session.test.ts).
 */
export const INCREMENTAL_RULES: ReadonlySet<string> = new Set([
  'ipam/invalid-cidr',
  'ipam/subnet-overlap',
  'ipam/range-outside-subnet',
  'ipam/range-overlap',
  'ipam/reserved-address',
  'ipam/gateway-outside-subnet',
  'ipam/gateway-in-range',
  'ipam/duplicate-ip',
  'ipam/static-ip-in-dynamic-range',
]);

const NETWORK_KINDS: ReadonlySet<string> = new Set(networkKinds);

/** The HAProxy a Supervisor (or a workload network, through its Supervisor) balances with, as an id list. */
function haproxiesServed(store: IpamStore, el: Element | undefined): string[] {
  const sup =
    el?.kind === 'workloadNetwork' ? (el.props.supervisorId === null ? undefined : store.elements.get(el.props.supervisorId)) : el;
  const lb = sup?.kind === 'supervisor' ? sup.props.loadBalancer : undefined;
  const hp = lb?.provider === 'haproxy' ? lb.haproxyId : null;
  return hp && store.elements.get(hp)?.kind === 'haproxy' ? [hp] : [];
}

/** Fixpoint rounds before giving up on locality and running the full path. */
const MAX_ROUNDS = 8;

export interface EditResult {
  /** Diagnostics that appeared, and that went away (identical ones are not listed). */
  added: Diagnostic[];
  removed: Diagnostic[];
  /** Rule ids whose diagnostics predate this document: call `refresh()` (debounced) when non-empty. */
  stale: readonly string[];
  /** `incremental`: only the local rules re-ran; `full`: lower + every rule (structural edit or refresh). */
  mode: 'incremental' | 'full';
}

export interface SessionOptions {
  /** The rules to run (default: every rule); the local ones among them run incrementally. */
  rules?: readonly Rule[];
}

export class ValidationSession {
  private readonly rules: readonly Rule[];
  private readonly local: readonly Rule[];
  private doc: TopologyDocument;
  private fullModel!: L3Model;
  /** The store is this.doc's: built by the last full run, or kept up by incremental edits since. */
  private storeInSync = false;
  private store!: IpamStore;
  /** Current diagnostics of the local rules, and by target id. */
  private readonly live = new Set<Diagnostic>();
  private readonly byTarget = new Map<string, Set<Diagnostic>>();
  /** Diagnostics of the other rules from the last full run. */
  private frozen: Diagnostic[] = [];
  private staleIds: string[] = [];
  private sorted: Diagnostic[] | null = null;

  constructor(document: TopologyDocument, options: SessionOptions = {}) {
    this.rules = options.rules ?? allRules;
    this.local = this.rules.filter((r) => INCREMENTAL_RULES.has(r.meta.id));
    this.doc = document;
    this.runFull();
  }

  get document(): TopologyDocument {
    return this.doc;
  }
  /** The L3 model of the last full run (`refresh()`); incremental edits since then are not in it. */
  get model(): L3Model {
    return this.fullModel;
  }
  /** Every current diagnostic in validate()'s order; stale rules' ones are from the last full run. */
  get diagnostics(): readonly Diagnostic[] {
    this.sorted ??= [...this.live, ...this.frozen].sort(compareDiagnostics);
    return this.sorted;
  }
  get stale(): readonly string[] {
    return this.staleIds;
  }

  /** Lower and run every rule on the current document: the debounced fallback. */
  refresh(): EditResult {
    const before = this.diagnostics;
    // The store already is the current document's when every edit since it was built went the
    // incremental way: rebuilding it cost more than lower() and every rule together (large estate).
    this.runFull(this.storeInSync && this.store.document === this.doc);
    return { ...delta(before, this.diagnostics), stale: [], mode: 'full' };
  }

  /**
   * Apply an edit: `document` is the new document, `changedIds` the elements and links that were
   * changed, added or removed (a range or node id counts as its element; other nested ids, such
   * as routes, must be given as their element).
   */
  apply(document: TopologyDocument, changedIds: Iterable<string>): EditResult {
    const changed = new Set<string>();
    // A range or node id stands for its element (the diff below finds the item again).
    for (const id of changedIds) changed.add(this.store.rangeById.get(id)?.ownerId ?? this.store.addressOfItem.get(id)?.ownerId ?? id);
    const placed = this.place(document, changed);
    this.doc = document;
    if (!placed) {
      this.storeInSync = false;
      return this.refresh();
    }
    try {
      const affected = this.update(document, placed.elements, placed.links);
      const { removed, added } = this.recheck(affected);
      this.staleIds = this.rules.filter((r) => !INCREMENTAL_RULES.has(r.meta.id)).map((r) => r.meta.id);
      return { ...delta(removed, added), stale: this.staleIds, mode: 'incremental' };
    } catch {
      // A rule that does not cope with a partial model must not lose the user's diagnostics.
      this.storeInSync = false;
      return this.refresh();
    }
  }

  private runFull(keepStore = false) {
    this.fullModel = lower(this.doc);
    if (!keepStore) this.store = IpamStore.fromModel(this.fullModel);
    this.storeInSync = true;
    this.live.clear();
    this.byTarget.clear();
    this.frozen = [];
    for (const d of runRules(this.fullModel, this.rules)) {
      if (INCREMENTAL_RULES.has(d.ruleId)) this.add(d);
      else this.frozen.push(d);
    }
    this.staleIds = [];
    this.sorted = null;
  }

  /**
   * Where each changed id is in the new document. `undefined` when positions of unchanged items
   * moved (an insert or delete before the end), which only the full path handles exactly.
   */
  private place(
    doc: TopologyDocument,
    changed: ReadonlySet<string>,
  ): { elements: Map<string, number | null>; links: Map<string, number | null> } | undefined {
    const elements = new Map<string, number | null>();
    const links = new Map<string, number | null>();
    const { elementIndex, linkIndex } = this.store;
    const old = this.store.document;
    let simple = doc.elements.length === old.elements.length && doc.links.length === old.links.length;
    for (const id of changed) {
      const e = elementIndex.get(id);
      const l = linkIndex.get(id);
      if (e !== undefined && doc.elements[e]?.id === id) elements.set(id, e);
      else if (l !== undefined && doc.links[l]?.id === id) links.set(id, l);
      else simple = false;
    }
    if (simple) return { elements, links };
    // Appends and removals at the end keep every other position.
    const tail = <T extends { id: string }>(before: readonly T[], after: readonly T[], into: Map<string, number | null>) => {
      const common = Math.min(before.length, after.length);
      for (let i = 0; i < common; i++) if (before[i]!.id !== after[i]!.id) return false;
      for (let i = common; i < after.length; i++)
        if (changed.has(after[i]!.id)) into.set(after[i]!.id, i);
        else return false;
      for (let i = common; i < before.length; i++)
        if (changed.has(before[i]!.id)) into.set(before[i]!.id, null);
        else return false;
      return true;
    };
    if (!tail(old.elements, doc.elements, elements) || !tail(old.links, doc.links, links)) return undefined;
    for (const id of changed) {
      if (elements.has(id) || links.has(id)) continue;
      const e = elementIndex.get(id);
      const l = linkIndex.get(id);
      if (e !== undefined) elements.set(id, e);
      else if (l !== undefined) links.set(id, l);
      else return undefined; // an id the document never had
    }
    return { elements, links };
  }

  /** Replace what the changed items lower to; returns the ids whose diagnostics may change. */
  private update(doc: TopologyDocument, elements: Map<string, number | null>, links: Map<string, number | null>): Set<string> {
    const store = this.store;
    const affected = new Set<string>();
    const whole = new Set<string>(); // elements re-lowered as a whole
    const items = new Map<string, { list: 'ranges' | 'nodes'; ids: Set<string> }>();
    const domains = new Map<string, string | null>(); // network id -> routing domain before the edit
    const haproxiesOn = (networkId: string) => {
      for (const lid of store.linksTo.get(networkId) ?? []) {
        const from = store.links.get(lid)!.from;
        if (store.elements.get(from)?.kind === 'haproxy') whole.add(from);
      }
    };
    for (const [id, at] of elements) {
      const before = store.elements.get(id);
      const after = at === null ? undefined : doc.elements[at]!;
      const change = classify(before, after);
      if (change === 'none') continue;
      if (change !== 'element') {
        items.set(id, change);
        for (const item of change.ids) affected.add(item);
        continue;
      }
      whole.add(id);
      affected.add(id);
      if (before && after && before.name !== after.name)
        // Messages of diagnostics on links to a renamed network name it without targeting it.
        for (const lid of store.linksTo.get(id) ?? []) affected.add(lid);
      const net = store.networks.get(id);
      if (net) domains.set(id, net.routingDomain);
      // A Supervisor's load balancer or a workload network decides which network an HAProxy's VIP ranges are on.
      for (const el of [before, after]) for (const hp of haproxiesServed(store, el)) whole.add(hp);
      if (NETWORK_KINDS.has(before?.kind ?? '')) haproxiesOn(id);
    }
    const gatewayMoved = (a: Link | undefined, b: Link | undefined) => a?.gateway !== b?.gateway || a?.to !== b?.to;
    for (const [id, at] of links) {
      const before = store.links.get(id);
      const after = at === null ? undefined : doc.links[at]!;
      if (before === after) continue;
      affected.add(id);
      // An address equal to a link's gateway is not "static in a range" (static-ip-in-dynamic-range).
      if (gatewayMoved(before, after)) for (const l of [before, after]) if (l) affected.add(l.to);
      for (const l of [before, after]) if (l && store.elements.get(l.from)?.kind === 'haproxy') whole.add(l.from);
    }

    // Raw document items first: the lowering below reads them.
    store.document = doc;
    for (const [id, at] of elements) {
      if (at === null) store.deleteElement(id);
      else store.setElement(doc.elements[at]!, at);
    }
    for (const [id, at] of links) {
      store.removeLinkEntities(id);
      store.deleteLink(id);
      if (at !== null) store.setLink(doc.links[at]!, at);
    }
    for (const id of elements.keys()) if (NETWORK_KINDS.has(store.elements.get(id)?.kind ?? '')) haproxiesOn(id);
    for (const id of whole) {
      store.removeElementEntities(id);
      affected.add(id);
    }

    const parts = relower(store, whole, new Set(links.keys()), items);
    const regroup: L3Address[] = [];
    for (const [id, part] of parts.elements) {
      const item = items.get(id);
      if (item) regroup.push(...store.replaceItems(id, part, item.list, item.ids));
      else {
        store.addLowered(part);
        regroup.push(...part.addresses);
      }
    }
    for (const part of parts.links.values()) {
      store.addLowered(part);
      regroup.push(...part.addresses);
    }
    // A network that changed routing domain (or appeared, or went) moves its addresses' groups.
    for (const id of whole) {
      if (!domains.has(id) && !store.networks.has(id)) continue;
      if ((domains.get(id) ?? null) === (store.networks.get(id)?.routingDomain ?? null)) continue;
      for (const a of store.addressesOn.get(id) ?? []) {
        regroup.push(a);
        affected.add(a.linkId ?? a.itemId ?? a.ownerId);
      }
    }
    store.regroup(regroup);
    return affected;
  }

  /**
   * Re-run the local rules on the neighbourhood of `affected` plus the partners named by the
   * diagnostics that named it. When the new diagnostics name partners that had diagnostics of
   * their own, those may be superseded (a duplicate group that gained a member), so the subjects
   * grow and the rules re-run; otherwise the partners' diagnostics are unchanged and one round is
   * enough (the common case: one pair more or less).
   */
  private recheck(affected: Set<string>): { removed: Diagnostic[]; added: Diagnostic[] } {
    const subjects = affected;
    const touches = (d: Diagnostic) => d.targets.some((t) => subjects.has(t.id));
    let frontier = [...subjects];
    for (let round = 0; round < MAX_ROUNDS; round++) {
      for (const id of frontier) for (const d of this.byTarget.get(id) ?? []) this.partners(d, subjects);
      const found = runRules(neighbourhood(this.store, subjects), this.local).filter(touches);
      const named = new Set<string>();
      for (const d of found) this.partners(d, named);
      frontier = [...named].filter((id) => !subjects.has(id) && this.byTarget.has(id));
      if (frontier.length > 0) {
        for (const id of frontier) subjects.add(id);
        continue;
      }
      const removed = new Set<Diagnostic>();
      for (const id of subjects) for (const d of this.byTarget.get(id) ?? []) removed.add(d);
      for (const d of removed) this.drop(d);
      for (const d of found) this.add(d);
      this.sorted = null;
      return { removed: [...removed], added: found };
    }
    throw new Error('edit is not local');
  }

  /**
   * Add a diagnostic's targets to the subjects: the partners whose diagnostics change with it (a
   * duplicate group that loses a member, a pair that stops overlapping). An element named only as
   * the owner of a node, range or link that is named too is left out: the item covers that
   * diagnostic, and the element's other items are not concerned (one node of 166 edited).
   */
  private partners(d: Diagnostic, subjects: Set<string>) {
    const containers = new Set<string>();
    for (const t of d.targets) {
      const owner = this.store.containerOf(t.kind, t.id);
      if (owner !== undefined) containers.add(owner);
    }
    for (const t of d.targets) if (!containers.has(t.id)) subjects.add(t.id);
  }

  private add(d: Diagnostic) {
    this.live.add(d);
    for (const t of d.targets) {
      const set = this.byTarget.get(t.id);
      if (set) set.add(d);
      else this.byTarget.set(t.id, new Set([d]));
    }
  }
  private drop(d: Diagnostic) {
    this.live.delete(d);
    for (const t of d.targets) {
      const set = this.byTarget.get(t.id);
      if (set && set.delete(d) && set.size === 0) this.byTarget.delete(t.id);
    }
  }
}

/** What changed between two diagnostic lists, ignoring diagnostics that are equal in content. */
function delta(before: readonly Diagnostic[], after: readonly Diagnostic[]): { added: Diagnostic[]; removed: Diagnostic[] } {
  if (before.length === 0 || after.length === 0) return { added: [...after], removed: [...before] };
  const unmatched = (from: readonly Diagnostic[], against: readonly Diagnostic[]) => {
    const count = new Map<string, number>();
    for (const d of against) count.set(diagnosticKey(d), (count.get(diagnosticKey(d)) ?? 0) + 1);
    return from.filter((d) => {
      const k = diagnosticKey(d);
      const n = count.get(k) ?? 0;
      if (n > 0) count.set(k, n - 1);
      return n === 0;
    });
  };
  return { added: unmatched(after, before), removed: unmatched(before, after) };
}

export function diagnosticKey(d: Diagnostic): string {
  return JSON.stringify([d.ruleId, d.severity, d.message, d.targets, d.data], (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

type Change = 'none' | 'element' | { list: 'ranges' | 'nodes'; ids: Set<string> };

/**
 * How an element changed: not for IPAM (position, notes), inside some items of its `ranges` or
 * `nodes` list only (same ids in the same order), or as a whole. Editors replace only the
 * objects on the path they change, so reference comparison finds the edited field.
 */
function classify(before: Element | undefined, after: Element | undefined): Change {
  if (!before || !after || before.kind !== after.kind || before.name !== after.name) return 'element';
  const bp = before.props as Record<string, unknown>;
  const ap = after.props as Record<string, unknown>;
  if (bp === ap) return 'none';
  let list: 'ranges' | 'nodes' | null = null;
  for (const k of new Set([...Object.keys(bp), ...Object.keys(ap)])) {
    if (bp[k] === ap[k]) continue;
    if ((k === 'ranges' || k === 'nodes') && list === null) list = k;
    else return 'element';
  }
  if (list === null) return 'none';
  const b = bp[list] as { id: string }[];
  const a = ap[list] as { id: string }[];
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return 'element';
  const ids = new Set<string>();
  for (let j = 0; j < a.length; j++) {
    if (a[j]!.id !== b[j]!.id) return 'element';
    if (a[j] !== b[j]) ids.add(a[j]!.id);
  }
  return { list, ids };
}
