/**
 * @viplane/validator — the shared IPAM/routing validator. Pure and synchronous: the same code
 * runs in the browser worker, the server and the CLI.
 *
 *   validate(document)        -> Diagnostic[] (every rule)
 *   lower(document)           -> L3Model (hosts, interfaces, networks, ranges, routes, clusters)
 *   trace(model, from, to)    -> TraceResult (hops with matching routes, or the drop reason)
 *   tracePath(model, from, to) -> PathTrace (through load balancers to the backend and back, with names)
 *   rules / CATALOGUE         -> the rule modules and the catalogue of ids
 */
import type { TopologyDocument } from '@viplane/model';
import { validateWith, type ValidateOptions } from './engine/validate.ts';
import { rules } from './rules/index.ts';
import type { Diagnostic } from './engine/diagnostic.ts';

export function validate(document: TopologyDocument, options?: ValidateOptions): Diagnostic[] {
  return validateWith(document, rules, options);
}

export { rules } from './rules/index.ts';
export { CATALOGUE } from './catalogue.ts';
export { runRules, validateWith, type ValidateOptions } from './engine/validate.ts';
export { compareDiagnostics, type Diagnostic, type Severity, type Target } from './engine/diagnostic.ts';
export type { Rule, RuleMeta, RuleContext, Category, Report } from './engine/rule.ts';
export { lower } from './l3/lower.ts';
export type * from './l3/model.ts';
export { trace, resolveEndpoint, type TraceEndpoint, type TraceResult, type Hop, type DropReason } from './routing/trace.ts';
export type { FilterMatch, HopRoute } from './routing/trace.ts';
export { tracePath } from './routing/trace/path.ts';
export type {
  PathTrace,
  PathHop,
  PathHopKind,
  PathDropReason,
  TraceLeg,
  LegDrop,
  InterfaceRef,
  Nat,
  BackendMode,
} from './routing/trace/types.ts';
export { Routing } from './routing/routing.ts';
export { ValidationSession, INCREMENTAL_RULES, diagnosticKey, type EditResult, type SessionOptions } from './incremental/session.ts';
export { diffDiagnostics, type DiagnosticsDiff } from './diagnosticsDiff.ts';
export { applyEdit, previewEdit, StaleEditError, type EditOp, type EditChange, type FieldRef, type Suggestion } from './fixes/edit.ts';
export { lookupAddress, type AddressLookup, type CidrLookup } from './queries/lookup.ts';
export * from './flows/index.ts';
export { evaluatePath, shadowedRules, parsePorts, type FilterDecision, type FlowTuple } from './routing/filters.ts';
