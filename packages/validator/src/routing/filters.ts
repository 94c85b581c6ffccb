/**
 * Filtering on a traced path: firewalls (stateful, first match wins, default deny) and router ACLs
 * (first match wins; an implicit deny after the last entry, no filtering when the ACL is empty).
 * Given the hosts a path crosses and a flow's 5-tuple, returns the decision of every filtering
 * point. Stateful: only the initiator's direction is evaluated, return traffic is implicit.
 *
 * A flow's sides are address SETS (an SE group's whole SE pool → the Controller nodes), and the
 * vendors require every member of the source set to reach every member of the destination set on
 * every port: a flow is allowed only when allow rules, each taking the first match of its packets,
 * together cover all of it. The one exception is a flow from clients (a client network, clients
 * anywhere): narrowing which clients get through is a deliberate policy, so there a rule applies
 * when it meets SOME source address (`sourcesAll: false`); its destinations and ports are still all.
 */
import type { FilterRule } from '@viplane/model';
import type { L3Model } from '../l3/model.ts';
import { spansCover, spansIntersect, spansMinus, spansOfRuleSide, spansOverlap, type Span } from './addressSets.ts';

/** One flow as a filter sees it. Ports are inclusive spans; `null` = the flow has no port (any matches). */
export interface FlowTuple {
  sources: readonly Span[];
  destinations: readonly Span[];
  /**
   * Must every source address get through (default, also when absent)? `false` for client sources:
   * a rule then applies when it meets some of them, and the flow passes when some source does.
   */
  sourcesAll?: boolean;
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

/**
 * Part of a flow still undecided at one protocol: sources × destinations × ports (`null`: no port to
 * narrow — the flow carries none, or ICMP, whose packets every rule's ports match).
 */
interface Box {
  sources: readonly Span[];
  destinations: readonly Span[];
  ports: readonly PortSpan[] | null;
}

/** Does a rule (already matching the protocol) match some packet of the box? */
function meets(c: CompiledRule, box: Box): boolean {
  return portsOverlap(c.ports, box.ports) && spansOverlap(c.sources, box.sources) && spansOverlap(c.destinations, box.destinations);
}

/**
 * The packets of `box` a rule does not match, as up to three disjoint boxes: sources outside the
 * rule's; sources inside, destinations outside; both inside, ports outside. With `sourcesAll` off
 * the rule takes the whole source side once it meets it (some source is enough), so nothing of the
 * source side is left over.
 */
function boxMinus(box: Box, c: CompiledRule, sourcesAll: boolean): Box[] {
  const out: Box[] = [];
  const srcOut = sourcesAll ? spansMinus(box.sources, c.sources) : [];
  const srcIn = sourcesAll ? spansIntersect(box.sources, c.sources) : box.sources;
  if (srcOut.length > 0) out.push({ ...box, sources: srcOut });
  const dstOut = spansMinus(box.destinations, c.destinations);
  const dstIn = spansIntersect(box.destinations, c.destinations);
  if (dstOut.length > 0) out.push({ sources: srcIn, destinations: dstOut, ports: box.ports });
  if (box.ports !== null && c.ports !== null) {
    const portsOut = box.ports.flatMap((p) => withoutPorts(p, c.ports!));
    if (portsOut.length > 0 && dstIn.length > 0) out.push({ sources: srcIn, destinations: dstIn, ports: portsOut });
  }
  return out;
}

/**
 * The decision for a flow, per protocol (in the order written) and per port of the flow: a deny must
 * not hide behind an allow of another port (22 allowed, 8443 denied), protocol (UDP 53 allowed, TCP 53
 * denied), part of a port range (30000 allowed, the rest of the NodePort range denied) or part of an
 * address set (one SE allowed, the rest of the SE group denied). Every packet of the flow takes the
 * first rule that matches it; the flow is denied by the first denying decision, else allowed by the
 * first group's.
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
 * What is left undecided is a union of boxes (sources × destinations × ports): an allow takes the
 * packets it matches out of them; a deny that meets what is left decides (those packets' first match
 * is that deny), and so does the default deny when something is left after the last rule. Nothing
 * left: allowed, by the first allow that took part.
 */
function decideGroup(rules: readonly CompiledRule[], tuple: FlowTuple, protocol: string, port: PortSpan | null): number {
  const sourcesAll = tuple.sourcesAll !== false;
  let left: Box[] = [{ sources: tuple.sources, destinations: tuple.destinations, ports: port === null || protocol === 'icmp' ? null : [port] }];
  let firstAllow = -1;
  for (let i = 0; i < rules.length; i++) {
    const c = rules[i]!;
    if (!protocolsOverlap(c.rule.protocol, protocol) || !left.some((b) => meets(c, b))) continue;
    if (c.rule.action === 'deny') return i;
    if (firstAllow < 0) firstAllow = i;
    left = left.flatMap((b) => (meets(c, b) ? boxMinus(b, c, sourcesAll) : [b]));
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
