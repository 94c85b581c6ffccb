/**
 * Filtering on a traced path: firewalls (stateful, first match wins, default deny) and router ACLs
 * (first match wins; an implicit deny after the last entry, no filtering when the ACL is empty).
 * Given the hosts a path crosses and a flow's 5-tuple, returns the decision of every filtering
 * point. Stateful: only the initiator's direction is evaluated, return traffic is implicit.
 */
import type { FilterRule } from '@viplane/model';
import type { L3Model } from '../l3/model.ts';
import { spansCover, spansOfRuleSide, spansOverlap, type Span } from './addressSets.ts';

/** One flow as a filter sees it. Ports are inclusive spans; `null` = the flow has no port (any matches). */
export interface FlowTuple {
  sources: readonly Span[];
  destinations: readonly Span[];
  /** `tcp`, `udp`, `tcp/udp`, `icmp`, `any`, or another IP protocol (`ip-proto-4`) only `any` rules match. */
  protocol: string;
  ports: readonly PortSpan[] | null;
}

export interface PortSpan {
  first: number;
  last: number;
}

export interface FilterDecision {
  /** The firewall or router. */
  pointId: string;
  pointName: string;
  pointKind: 'firewall' | 'router';
  action: 'allow' | 'deny';
  /** The deciding rule; `null` for the default (firewall) or implicit (ACL) deny. */
  ruleId: string | null;
  /** Its position, 1-based as users count; 0 for the default deny. */
  ruleNumber: number;
}

/** A rule with its sides resolved once per model. */
interface CompiledRule {
  rule: FilterRule;
  sources: Span[];
  destinations: Span[];
  ports: PortSpan[] | null;
}

const compiledCache = new WeakMap<L3Model, Map<string, CompiledRule[]>>();

/** The filter list of a host (firewall rules or router ACL); `undefined` when it filters nothing. */
export function filterOf(model: L3Model, hostId: string): { kind: 'firewall' | 'router'; name: string; rules: CompiledRule[] } | undefined {
  const el = model.elements.get(hostId);
  if (!el || (el.kind !== 'firewall' && el.kind !== 'router')) return undefined;
  const list = el.kind === 'firewall' ? el.props.rules : el.props.acl;
  if (el.kind === 'router' && list.length === 0) return undefined;
  let cache = compiledCache.get(model);
  if (!cache) compiledCache.set(model, (cache = new Map()));
  let rules = cache.get(hostId);
  if (!rules) cache.set(hostId, (rules = list.map((rule) => compileRule(model, rule))));
  return { kind: el.kind, name: el.name, rules };
}

export function compileRule(model: L3Model, rule: FilterRule): CompiledRule {
  return {
    rule,
    sources: spansOfRuleSide(model, rule.sources),
    destinations: spansOfRuleSide(model, rule.destinations),
    ports: parsePorts(rule.ports),
  };
}

/** `any` / empty → null (every port); `443`, `30000-32767`, `22,443` → spans; other text → null. */
export function parsePorts(text: string): PortSpan[] | null {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'any') return null;
  const out: PortSpan[] = [];
  for (const part of t.split(',')) {
    const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5}))?\s*$/.exec(part);
    if (!m) return null;
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    if (first > 65535 || last > 65535 || last < first) return null;
    out.push({ first, last });
  }
  return out;
}

function protocolsOverlap(rule: FilterRule['protocol'], flow: string): boolean {
  if (rule === 'any' || flow === 'any') return true;
  return flow.split('/').includes(rule);
}

function portsOverlap(rule: PortSpan[] | null, flow: readonly PortSpan[] | null): boolean {
  if (rule === null || flow === null) return true;
  return rule.some((r) => flow.some((f) => r.first <= f.last && f.first <= r.last));
}

/** Does a rule apply to (part of) the flow, on one of its protocols? */
function overlaps(c: CompiledRule, tuple: FlowTuple, protocol: string, ports: readonly PortSpan[] | null): boolean {
  return (
    protocolsOverlap(c.rule.protocol, protocol) &&
    (protocol === 'icmp' || portsOverlap(c.ports, ports)) &&
    spansOverlap(c.sources, tuple.sources) &&
    spansOverlap(c.destinations, tuple.destinations)
  );
}

/**
 * The decision for a flow, per protocol (in the order written) and per port of the flow: a deny must
 * not hide behind an allow of another port (22 allowed, 8443 denied), protocol (UDP 53 allowed, TCP 53
 * denied) or part of a port range (30000 allowed, the rest of the NodePort range denied). Each port
 * takes the first rule that applies to the flow's addresses (to some of them: an address set is judged
 * by the first rule that meets it). The flow is denied by the first denying decision, else allowed by
 * the first group's.
 */
export function decide(point: { id: string; name: string; kind: 'firewall' | 'router'; rules: CompiledRule[] }, tuple: FlowTuple): FilterDecision {
  const groups: (PortSpan | null)[] = tuple.ports === null ? [null] : [...tuple.ports];
  const protocols = tuple.protocol.includes('/') ? tuple.protocol.split('/') : [tuple.protocol];
  let allow: FilterDecision | undefined;
  for (const protocol of protocols) {
    for (const port of groups) {
      const index = decideGroup(point.rules, tuple, protocol, port);
      const c = index >= 0 ? point.rules[index] : undefined;
      const decision: FilterDecision = {
        pointId: point.id,
        pointName: point.name,
        pointKind: point.kind,
        action: c ? c.rule.action : 'deny',
        ruleId: c ? c.rule.id : null,
        ruleNumber: c ? index + 1 : 0,
      };
      if (decision.action === 'deny') return decision;
      allow ??= decision;
    }
  }
  return allow!;
}

/**
 * The deciding rule's index for one protocol and port span of the flow (-1: default / implicit deny).
 * Ports an allow matches are taken out of the span; a deny that meets what is left decides, and so does
 * the default deny when ports are left after the last rule.
 */
function decideGroup(rules: readonly CompiledRule[], tuple: FlowTuple, protocol: string, port: PortSpan | null): number {
  // `null`: the flow carries no port (or ICMP, whose packets every rule's ports match).
  let left: PortSpan[] | null = port === null || protocol === 'icmp' ? null : [port];
  let firstAllow = -1;
  for (let i = 0; i < rules.length; i++) {
    const c = rules[i]!;
    if (!overlaps(c, tuple, protocol, left)) continue;
    if (c.rule.action === 'deny') return i;
    if (firstAllow < 0) firstAllow = i;
    if (left === null || c.ports === null) return firstAllow;
    left = left.flatMap((p) => withoutPorts(p, c.ports!));
    if (left.length === 0) return firstAllow;
  }
  return -1;
}

/** The ports of `p` outside every span of `cut`. */
function withoutPorts(p: PortSpan, cut: readonly PortSpan[]): PortSpan[] {
  let out: PortSpan[] = [p];
  for (const c of cut)
    out = out.flatMap((x) => {
      if (c.last < x.first || x.last < c.first) return [x];
      const parts: PortSpan[] = [];
      if (x.first < c.first) parts.push({ first: x.first, last: c.first - 1 });
      if (c.last < x.last) parts.push({ first: c.last + 1, last: x.last });
      return parts;
    });
  return out;
}

/** The decision of every filtering host on a path, in path order. */
export function evaluatePath(model: L3Model, hostIds: readonly string[], tuple: FlowTuple): FilterDecision[] {
  const out: FilterDecision[] = [];
  for (const id of hostIds) {
    const f = filterOf(model, id);
    if (f) out.push(decide({ id, name: f.name, kind: f.kind, rules: f.rules }, tuple));
  }
  return out;
}

/** Rules that never match because an earlier rule covers every packet they would match. */
export function shadowedRules(model: L3Model, rules: readonly FilterRule[]): { rule: FilterRule; number: number; by: FilterRule; byNumber: number }[] {
  const compiled = rules.map((r) => compileRule(model, r));
  const out: { rule: FilterRule; number: number; by: FilterRule; byNumber: number }[] = [];
  for (let j = 1; j < compiled.length; j++) {
    const later = compiled[j]!;
    for (let i = 0; i < j; i++) {
      const earlier = compiled[i]!;
      if (covers(earlier, later)) {
        out.push({ rule: later.rule, number: j + 1, by: earlier.rule, byNumber: i + 1 });
        break;
      }
    }
  }
  return out;
}

/** Every port: what `any` stands for, so that `0-65535` covers `any` and the other way round. */
const ALL_PORTS: readonly PortSpan[] = [{ first: 0, last: 65535 }];

/** Does rule `a` match every packet rule `b` matches (the same sets `decide` matches packets against)? */
function covers(a: CompiledRule, b: CompiledRule): boolean {
  if (a.rule.protocol !== 'any' && a.rule.protocol !== b.rule.protocol) return false;
  // Ports narrow only packets that carry one: `decide` matches an ICMP packet (and any other portless one)
  // whatever a rule's ports say, so an ICMP rule is covered on protocol and addresses alone, and an `any`
  // rule on its TCP/UDP ports.
  if (b.rule.protocol !== 'icmp' && !portsCover(a.ports ?? ALL_PORTS, b.ports ?? ALL_PORTS)) return false;
  // A side that resolves to no address (an unknown element) matches nothing: it cannot be judged.
  if (b.sources.length === 0 || b.destinations.length === 0) return false;
  return spansCover(a.sources, b.sources) && spansCover(a.destinations, b.destinations);
}

/** Is every port of `inner` in `outer`, as sets (`80-90,91-100` covers `85-95`)? */
function portsCover(outer: readonly PortSpan[], inner: readonly PortSpan[]): boolean {
  const merged: PortSpan[] = [];
  for (const p of [...outer].sort((x, y) => x.first - y.first)) {
    const last = merged[merged.length - 1];
    if (last && p.first <= last.last + 1) last.last = Math.max(last.last, p.last);
    else merged.push({ ...p });
  }
  return inner.every((p) => merged.some((q) => q.first <= p.first && p.last <= q.last));
}
