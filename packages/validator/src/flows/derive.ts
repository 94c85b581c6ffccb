/**
 * The flows a design needs (ports.md §7.3): instantiate every catalogue row whose condition holds,
 * resolve its roles to the design's endpoints, trace each pair with the routing engine, and
 * classify it — intra-segment, routed (with the enforcement points on the path), broken (no route,
 * or denied by a firewall or ACL), L2 requirement, or unresolved (a role the design does not hold).
 */
import type { TopologyDocument } from '@viplane/model';
import type { L3Model } from '../l3/model.ts';
import { lower } from '../l3/lower.ts';
import { Routing } from '../routing/routing.ts';
import { lbIndex } from '../queries/routing.ts';
import { trace, type TraceResult } from '../routing/trace.ts';
import { evaluatePath, parsePorts } from '../routing/filters.ts';
import { FLOW_CATALOGUE } from './catalogue/index.ts';
import type { CatalogueFlow, RequirementMark } from './catalogue/types.ts';
import { designFacts, inVersionWindow } from './facts.ts';
import { RoleResolver, type FlowEndpoint } from './roles.ts';
import { buildMatrix, buildL2 } from './matrix.ts';
import type { DesignFlow, DesignFlows, EnforcementPoint, FlowRequirement } from './types.ts';

export const REQUIREMENT: Record<RequirementMark, FlowRequirement> = { R: 'required', C: 'conditional', O: 'optional', '?': 'doubtful' };

const ENFORCING = new Set(['router', 'firewall', 'nsxtTier0', 'nsxtTier1']);

/** Every flow of the design, its firewall matrix and its L2 requirements. */
export function designFlows(doc: TopologyDocument): DesignFlows {
  return designFlowsOf(lower(doc));
}

const cache = new WeakMap<L3Model, DesignFlows>();
const requiredCache = new WeakMap<L3Model, DesignFlow[]>();

/** As designFlows, for a model already lowered (rules share one computation per model). */
export function designFlowsOf(model: L3Model, routing?: Routing): DesignFlows {
  let result = cache.get(model);
  if (!result) {
    const flows = derive(model, routing ?? new Routing(model), () => true);
    cache.set(model, (result = { flows, matrix: buildMatrix(flows), l2: buildL2(model, flows) }));
  }
  return result;
}

/**
 * Only the required flows that no routing rule already judges, traced: what
 * flows/required-flow-unrouted needs on every validation, without the optional rows, L2 rows and
 * the matrix (plain validation stays close to its cost without flows).
 */
export function requiredUnjudgedFlowsOf(model: L3Model, routing?: Routing): readonly DesignFlow[] {
  const full = cache.get(model);
  if (full) return full.flows.filter((f) => f.requirement === 'required' && !f.unroutedReportedBy);
  let flows = requiredCache.get(model);
  // The routing rules' engine (its route tables are already built during a validation).
  if (!flows) requiredCache.set(model, (flows = derive(model, routing ?? lbIndex(model).routing, (f) => f.requirement === 'R' && !f.l2 && !f.unroutedReportedBy)));
  return flows;
}

function applies(flow: CatalogueFlow, model: L3Model): boolean {
  const facts = designFacts(model);
  if (flow.condition && !flow.condition.holds(facts)) return false;
  if (flow.versions && facts.aviVersions.length > 0 && !facts.aviVersions.some((v) => inVersionWindow(v, flow.versions!))) return false;
  return true;
}

function scopesMatch(a: FlowEndpoint, b: FlowEndpoint): boolean {
  for (const k in a.scope) {
    const other = b.scope[k];
    if (other !== undefined && other !== a.scope[k]) return false;
  }
  return true;
}

/** Scope keys from the most to the least selective: the join buckets by the first one a side carries. */
const JOIN_KEYS = ['cluster', 'seGroup', 'supervisor', 'haproxy', 'controller', 'mgmt', 'fabric', 'domain'] as const;

/**
 * The candidates a source endpoint may pair with, without comparing it to every destination (a
 * large estate has hundreds of clusters on both sides of the node-to-node rows). Destinations
 * bucket by each join key; those without the key stay candidates of every source.
 */
function joinIndex(to: readonly FlowEndpoint[]): (f: FlowEndpoint) => readonly FlowEndpoint[] {
  const buckets = new Map<string, { by: Map<string, FlowEndpoint[]>; wild: FlowEndpoint[] }>();
  const bucket = (key: string) => {
    let b = buckets.get(key);
    if (!b) {
      b = { by: new Map(), wild: [] };
      for (const t of to) {
        const v = t.scope[key];
        if (v === undefined) b.wild.push(t);
        else {
          const list = b.by.get(v);
          if (list) list.push(t);
          else b.by.set(v, [t]);
        }
      }
      buckets.set(key, b);
    }
    return b;
  };
  return (f) => {
    for (const key of JOIN_KEYS) {
      const v = f.scope[key];
      if (v === undefined) continue;
      const b = bucket(key);
      // Only worth it when the key actually splits the destinations.
      if (b.wild.length === to.length) continue;
      const hit = b.by.get(v) ?? [];
      return b.wild.length === 0 ? hit : hit.concat(b.wild);
    }
    return to;
  };
}

function derive(model: L3Model, routing: Routing, wanted: (flow: CatalogueFlow) => boolean): DesignFlow[] {
  const roles = new RoleResolver(model);
  const traces = new Map<string, TraceResult>();
  const flows: DesignFlow[] = [];
  const ids = new Set<string>();
  const push = (f: DesignFlow) => {
    // Bidirectional self-pairs and repeated endpoints would repeat an id: keep the first.
    if (ids.has(f.id)) return;
    ids.add(f.id);
    flows.push(f);
  };

  for (const flow of FLOW_CATALOGUE) {
    if (!wanted(flow) || !applies(flow, model)) continue;
    const from = roles.resolve(flow.from);
    const to = roles.resolve(flow.to);
    const base = baseOf(flow);

    if (flow.l2) {
      // A segment requirement lives on the side that is a network; the other side may be unmodelled.
      for (const side of [to, from])
        if ('endpoints' in side)
          for (const e of side.endpoints)
            if (e.networkId)
              push({ ...base, id: `${flow.id}:${e.networkId}`, source: flow.fromText, sourceElementId: e.elementId, sourceCidrs: e.addresses, destination: flow.toText, destinationElementId: null, destinationCidrs: [], status: 'l2', enforcementPoints: [], networkId: e.networkId, hops: [] });
      continue;
    }
    if ('missing' in from || 'missing' in to) {
      const known = 'endpoints' in from ? from.endpoints : 'endpoints' in to ? to.endpoints : [];
      const reason = 'missing' in from ? from.missing : (to as { missing: string }).missing;
      for (const e of known) {
        const isSource = 'endpoints' in from;
        push({
          ...base,
          id: `${flow.id}:${isSource ? e.elementId : '?'}>${isSource ? '?' : e.elementId}`,
          source: isSource ? e.label : flow.fromText,
          sourceElementId: isSource ? e.elementId : null,
          sourceCidrs: isSource ? e.addresses : [],
          destination: isSource ? flow.toText : e.label,
          destinationElementId: isSource ? null : e.elementId,
          destinationCidrs: isSource ? [] : e.addresses,
          status: 'unresolved',
          enforcementPoints: [],
          hops: [],
          reason,
        });
      }
      continue;
    }
    const join = joinIndex(to.endpoints);
    for (const f of from.endpoints)
      for (const t of join(f)) {
        if (!scopesMatch(f, t)) continue;
        push(instance(model, routing, traces, roles, flow, base, f, t));
        if (flow.bidirectional && f.key !== t.key) push(instance(model, routing, traces, roles, flow, base, t, f));
      }
  }
  return flows;
}

type Base = Pick<DesignFlow, 'flowId' | 'system' | 'protocol' | 'ports' | 'purpose' | 'requirement' | 'condition' | 'note' | 'vendorSource' | 'unroutedReportedBy'>;

function baseOf(flow: CatalogueFlow): Base {
  const base: Base = {
    flowId: flow.id,
    system: flow.system,
    protocol: flow.protocol,
    ports: flow.ports,
    purpose: flow.purpose,
    requirement: REQUIREMENT[flow.requirement],
    vendorSource: flow.sources.join(', '),
  };
  if (flow.condition) base.condition = flow.condition.text;
  if (flow.note) base.note = flow.note;
  if (flow.unroutedReportedBy) base.unroutedReportedBy = flow.unroutedReportedBy;
  return base;
}

function instance(
  model: L3Model,
  routing: Routing,
  traces: Map<string, TraceResult>,
  roles: RoleResolver,
  flow: CatalogueFlow,
  base: Base,
  f: FlowEndpoint,
  t: FlowEndpoint,
): DesignFlow {
  // Ports a catalogue row leaves open ("service ports") take the endpoint's own (the VS port).
  const ports = t.port !== undefined && parsePorts(flow.ports) === null && flow.ports !== 'any' ? t.port : flow.ports;
  const out: DesignFlow = {
    ...base,
    id: `${flow.id}:${f.elementId}>${t.elementId}`,
    ports,
    source: f.label,
    sourceElementId: f.elementId,
    sourceCidrs: f.addresses,
    destination: t.label,
    destinationElementId: t.elementId,
    destinationCidrs: t.addresses,
    status: 'unresolved',
    enforcementPoints: [],
    hops: [],
  };
  if (!f.from || !t.to) {
    out.reason = (!f.from ? f.untraceable : t.untraceable) ?? `${!f.from ? f.label : t.label} has no address to trace`;
    return out;
  }
  if (f.key === t.key && f.networkId !== null && !f.snatOnEgress) {
    // An endpoint talking to itself (nodes of one cluster, SEs of one group) stays on its network.
    out.status = 'intra-segment';
    out.networkId = f.networkId;
    return out;
  }
  const key = `${f.key}>${t.key}`;
  let result = traces.get(key);
  if (!result) traces.set(key, (result = trace(model, f.from, t.to, routing)));
  out.hops = result.hops;
  let sourceSpans = f.spans;
  if (f.snatOnEgress) {
    // SE → backends leave source-NATed to the SE interface on the network routing picks (A12).
    const egress = result.hops[0]?.egressNetworkId;
    const set = egress ? roles.sePool(egress) : { addresses: [], spans: [] };
    out.sourceCidrs = set.addresses;
    sourceSpans = set.spans;
    if (egress) out.source = `${f.label} on ${model.networkById.get(egress)?.name ?? egress}`;
  }
  if (!result.delivered) {
    out.status = 'broken';
    out.reason = result.drop?.message ?? 'not delivered';
    return out;
  }
  const points: EnforcementPoint[] = [];
  for (const hop of result.hops) {
    if (!hop.hostId || hop.hostId === f.elementId) continue;
    const host = routing.host(hop.hostId);
    if (host && ENFORCING.has(host.kind)) points.push({ id: host.id, name: host.name, kind: host.kind as EnforcementPoint['kind'] });
  }
  if (points.length === 0) {
    out.status = 'intra-segment';
    out.networkId = result.deliveredOn?.networkId ?? undefined;
    return out;
  }
  out.status = 'routed';
  out.enforcementPoints = points;
  const denied = evaluatePath(
    model,
    points.map((p) => p.id),
    // Every source must get through (every SE of the pool, every node), except clients: which
    // clients a firewall lets in is policy, so some client getting through is enough.
    { sources: sourceSpans, sourcesAll: model.elements.get(f.elementId)?.kind !== 'clientNetwork', destinations: t.spans, protocol: flow.protocol, ports: parsePorts(ports) },
  ).find((d) => d.action === 'deny');
  if (denied) {
    out.status = 'broken';
    out.denial = { enforcementPointId: denied.pointId, enforcementPoint: denied.pointName, ruleId: denied.ruleId, ruleNumber: denied.ruleNumber };
    out.reason = `${denied.pointName} denies it (${denied.ruleId ? `rule ${denied.ruleNumber} "${denied.ruleId}"` : 'default deny'})`;
  }
  return out;
}
