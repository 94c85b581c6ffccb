/**
 * Diagnostics from the worker: derived, never stored in the document or history. Nodes and
 * edges read their own badge with `useBadge(id)`: the summary object of an id keeps its
 * identity while its counts stay the same, so a validation run re-renders only the nodes
 * whose badge changed.
 */
import { create } from 'zustand';
import type { Diagnostic, Severity } from '@viplane/validator';
import type { TopologyDocument } from '@viplane/model';
import type { RuleInfo } from '../validation/protocol.ts';

export interface Badge {
  error: number;
  warning: number;
  info: number;
  worst: Severity;
}

export interface DiagnosticsState {
  diagnostics: Diagnostic[];
  /** Element ids and `link:<id>` edge ids -> badge. */
  badges: ReadonlyMap<string, Badge>;
  rules: ReadonlyMap<string, RuleInfo>;
  /** The document revision the diagnostics belong to, and the latest one sent. */
  validatedRev: number;
  sentRev: number;
  /**
   * Rules whose diagnostics above are from an earlier revision (the worker's immediate answer to
   * an edit re-runs only the incremental IPAM rules; the full run follows, debounced).
   */
  stale: readonly string[];
  ms: number;
  error: string | null;
}

export const useDiagnostics = create<DiagnosticsState>()(() => ({
  diagnostics: [],
  badges: new Map(),
  rules: new Map(),
  validatedRev: -1,
  sentRev: 0,
  stale: [],
  ms: 0,
  error: null,
}));

/** Maps nested item ids (ranges, routes, cluster nodes, filter rules) to the element that holds them. */
export function nestedOwners(doc: TopologyDocument): Map<string, string> {
  const owners = new Map<string, string>();
  for (const el of doc.elements) {
    const props = el.props as Record<string, unknown>;
    for (const list of ['ranges', 'staticRoutes', 'nodes', 'rules', 'acl']) {
      const items = props[list];
      if (Array.isArray(items)) for (const it of items as { id: string }[]) owners.set(it.id, el.id);
    }
    if (el.kind === 'aviController') for (const v of el.props.vrfs) for (const r of v.staticRoutes) owners.set(r.id, el.id);
  }
  return owners;
}

/** The canvas ids (element id, or `link:<id>`) a diagnostic points at. */
export function canvasTargets(d: Diagnostic, owners: () => Map<string, string>): string[] {
  const out = new Set<string>();
  for (const t of d.targets) {
    if (t.kind === 'link') out.add(`link:${t.id}`);
    else if (t.kind === 'range' || t.kind === 'route' || t.kind === 'node' || t.kind === 'rule') {
      const owner = owners().get(t.id);
      if (owner) out.add(owner);
    } else out.add(t.id);
  }
  return [...out];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function computeBadges(diagnostics: Diagnostic[], doc: TopologyDocument, prior: ReadonlyMap<string, Badge>): Map<string, Badge> {
  let owners: Map<string, string> | undefined;
  const lazyOwners = () => (owners ??= nestedOwners(doc));
  const counts = new Map<string, Badge>();
  for (const d of diagnostics) {
    for (const id of canvasTargets(d, lazyOwners)) {
      let b = counts.get(id);
      if (!b) counts.set(id, (b = { error: 0, warning: 0, info: 0, worst: d.severity }));
      b[d.severity]++;
      if (SEVERITY_RANK[d.severity] < SEVERITY_RANK[b.worst]) b.worst = d.severity;
    }
  }
  // Keep the previous object when nothing changed for that id.
  for (const [id, b] of counts) {
    const p = prior.get(id);
    if (p && p.error === b.error && p.warning === b.warning && p.info === b.info) counts.set(id, p);
  }
  return counts;
}

const NONE: readonly string[] = [];

/**
 * The store's next state for one answer of the worker, or `null` to ignore it (older than what
 * is shown). Each answer carries every current diagnostic — the incremental rules' fresh ones
 * and the stale rules' ones of the last full run — so replacing the list never drops a finding
 * that a full run would keep; badges whose counts did not change keep their identity, so only
 * the nodes whose badge changed re-render.
 */
export function applyAnswer(
  state: DiagnosticsState,
  answer: { rev: number; diagnostics: Diagnostic[]; stale: readonly string[]; ms: number },
  doc: TopologyDocument,
): Partial<DiagnosticsState> | null {
  if (answer.rev < state.validatedRev) return null;
  return {
    diagnostics: answer.diagnostics,
    badges: computeBadges(answer.diagnostics, doc, state.badges),
    validatedRev: answer.rev,
    stale: answer.stale.length === 0 ? NONE : answer.stale,
    ms: answer.ms,
    error: null,
  };
}

/** Validation has not caught up with the document: an edit in flight or rules still stale. */
export const isValidating = (s: DiagnosticsState) => s.validatedRev < s.sentRev || s.stale.length > 0;

export const useBadge = (id: string) => useDiagnostics((s) => s.badges.get(id));
