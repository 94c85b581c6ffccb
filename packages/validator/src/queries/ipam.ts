/**
 * IPAM questions shared by the ipam/* rules: which routing domain an address or range lives in,
 * which addresses are reserved on a network (network, broadcast, gateways), who holds what, and
 * per-domain indexes over networks and ranges (addressIndex: sort once, then O(log n) queries),
 * so no rule loops pairwise over the estate (performance.md §5).
 *
 * Everything is computed once per L3 model and cached (the model is immutable).
 */
import { formatIp4, formatIp6, kindInfo, type ElementKind } from '@viplane/model';
import type { L3Address, L3Model, L3Network, L3Range, L3RangePurpose } from '../l3/model.ts';
import { ip as parseIpCached, type Cidr, type Ip, type IpValue } from '../l3/addr.ts';
import { AddressIndex, heldSet4 as heldSetOf, type IntervalLike, type IpLike } from '../addressIndex/index.ts';
import type { Target } from '../engine/diagnostic.ts';
import { blockAddress, blockSize, domainKeys4, hasKey, heldValues } from './heldValues.ts';

export { GATEWAY_HOLDER_KINDS } from './heldValues.ts';

/** Networks without an explicit routing domain share this one (port groups, segments, client networks). */
export const DEFAULT_DOMAIN = 'default';

/** Ranges an address server hands out from (the rest, `reserved`, are kept out of use). */
const DYNAMIC: ReadonlySet<L3RangePurpose> = new Set(['se-pool', 'vip-pool', 'se-vip-pool', 'dhcp', 'node', 'workload', 'haproxy-vip']);
/** Ranges that hand out VIPs (a VIP placed by hand inside one of them is fine). */
const VIP_POOLS: ReadonlySet<L3RangePurpose> = new Set(['vip-pool', 'se-vip-pool', 'haproxy-vip']);

export function isDynamicPurpose(p: L3RangePurpose): boolean {
  return DYNAMIC.has(p);
}
export function isVipPool(p: L3RangePurpose): boolean {
  return VIP_POOLS.has(p);
}

const PURPOSE_LABEL: Record<L3RangePurpose, string> = {
  'se-pool': 'SE pool',
  'vip-pool': 'VIP pool',
  'se-vip-pool': 'SE/VIP pool',
  dhcp: 'DHCP scope',
  node: 'node range',
  workload: 'workload range',
  reserved: 'reserved range',
  'haproxy-vip': 'HAProxy VIP range',
};
export function purposeLabel(p: L3RangePurpose): string {
  return PURPOSE_LABEL[p];
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `port group dp-mgmt-32`, `TKG cluster tkg-wc1`: the kind's label mid-sentence (acronyms kept). */
export function kindLabel(kind: ElementKind): string {
  const label = kindInfo[kind].label;
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** Targets without repeats, in first-seen order. */
export function uniqueTargets(targets: readonly Target[]): Target[] {
  const seen = new Set<string>();
  const out: Target[] = [];
  for (const t of targets) {
    const key = `${t.kind}|${t.id}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(t);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values and intervals

export function formatValue(family: 4 | 6, value: IpValue): string {
  return family === 4 ? formatIp4(value as number) : formatIp6(value as bigint);
}

export function cidrInterval(c: Cidr): IntervalLike {
  return c.family === 4
    ? { family: 4, start: c.first as number, end: c.last as number }
    : { family: 6, start: c.first as bigint, end: c.last as bigint };
}

export function ipLike(a: Ip): IpLike {
  return a.family === 4 ? { family: 4, value: a.value as number } : { family: 6, value: a.value as bigint };
}

export function ipInterval(a: Ip): IntervalLike {
  return a.family === 4
    ? { family: 4, start: a.value as number, end: a.value as number }
    : { family: 6, start: a.value as bigint, end: a.value as bigint };
}

/** The range as an interval; `null` when an end is malformed, the families differ or it runs backwards (ipam/invalid-cidr). */
export function rangeInterval(r: L3Range): IntervalLike | null {
  const { start, end } = r;
  if (!start || !end || start.family !== end.family || end.value < start.value) return null;
  return start.family === 4
    ? { family: 4, start: start.value as number, end: end.value as number }
    : { family: 6, start: start.value as bigint, end: end.value as bigint };
}

export function intervalText(iv: IntervalLike): string {
  return `${formatValue(iv.family, iv.start)}-${formatValue(iv.family, iv.end)}`;
}

export function inInterval(iv: IntervalLike, a: Ip): boolean {
  return iv.family === a.family && iv.start <= a.value && a.value <= iv.end;
}

/** Does `outer` hold all of `inner`? */
export function intervalWithin(inner: IntervalLike, outer: IntervalLike): boolean {
  return inner.family === outer.family && outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * The addresses of a subnet no host may take: IPv4 network and broadcast (below /31, RFC 3021),
 * IPv6 the Subnet-Router anycast address (the first one, RFC 4291; below /127). Always from the
 * real prefix: 192.168.49.0 is an ordinary host of 192.168.48.0/22 (seed 000 hands it out as a VIP).
 */
export function subnetReserved(c: Cidr): { value: IpValue; what: 'network' | 'broadcast' }[] {
  if (c.family === 4)
    return c.prefix <= 30
      ? [
          { value: c.first, what: 'network' },
          { value: c.last, what: 'broadcast' },
        ]
      : [];
  return c.prefix <= 126 ? [{ value: c.first, what: 'network' }] : [];
}

// ---------------------------------------------------------------------------------------------
// Labels and targets

export function networkLabel(n: L3Network): string {
  return n.subnet ? `${n.name} (${n.subnet.text})` : n.name;
}

export function elementName(model: L3Model, id: string): string {
  return model.elements.get(id)?.name ?? id;
}

export function elementTarget(model: L3Model, id: string): Target {
  const kind = (model.elements.get(id)?.kind ?? 'portGroup') as ElementKind;
  return { kind, id };
}

/**
 * The field path (ARCHITECTURE.md "Field paths") of a document path into an element's props:
 * `/elements/3/props/endpoint/address` -> `endpoint.address`; `undefined` for any other path.
 */
export function propsField(path: string): string | undefined {
  const m = /^\/elements\/\d+\/props\/(.+)$/.exec(path);
  return m ? m[1]!.split('/').join('.') : undefined;
}

/** The target with the field at fault, when known. */
export function withField(target: Target, field: string | undefined): Target {
  return field === undefined ? target : { ...target, field };
}

/** Targets of a range: its owner, the range, and the network it is on when that is another element. */
export function rangeTargets(model: L3Model, r: L3Range): Target[] {
  const out: Target[] = [withField(elementTarget(model, r.ownerId), propsField(r.path)), { kind: 'range', id: r.id }];
  if (r.networkId && r.networkId !== r.ownerId) out.push(elementTarget(model, r.networkId));
  return out;
}

/** Targets of a held address: its holder, then the link or nested node it is written on. */
export function addressTargets(model: L3Model, a: L3Address): Target[] {
  const out: Target[] = [withField({ kind: a.ownerKind, id: a.ownerId }, a.linkId ? undefined : propsField(a.path))];
  if (a.linkId) out.push({ kind: 'link', id: a.linkId, field: 'address' });
  if (a.itemId) out.push({ kind: 'node', id: a.itemId });
  return out;
}

const ROLE_LABEL: Record<L3Address['role'], string> = {
  interface: 'interface',
  controller: 'Controller address',
  'se-interface': 'SE interface',
  'haproxy-interface': 'HAProxy interface',
  endpoint: 'control-plane endpoint',
  vip: 'VIP',
  'dns-vs': 'DNS virtual service address',
  node: 'node address',
  'supervisor-management': 'Supervisor management address',
  infrastructure: 'server address',
};

/** `kube-vip endpoint 192.168.52.100 of tkg-mgmt`. */
export function describeHolder(model: L3Model, a: L3Address, text = a.text): string {
  let role = ROLE_LABEL[a.role];
  if (a.role === 'infrastructure') role = a.ownerKind === 'vcenter' ? 'vCenter Server address' : 'NSX Manager address';
  if (a.role === 'endpoint') {
    const el = model.elements.get(a.ownerId);
    if (el?.kind === 'tkgCluster')
      role = el.props.endpoint.provider === 'kube-vip' ? 'kube-vip endpoint' : 'control-plane endpoint (NSX-ALB VIP)';
  }
  if (a.itemId) {
    const el = model.elements.get(a.ownerId);
    const node = el?.kind === 'k8sCluster' ? el.props.nodes.find((n) => n.id === a.itemId) : undefined;
    return `${role} ${text} of ${node?.name ?? a.itemId} (${elementName(model, a.ownerId)})`;
  }
  return `${role} ${text} of ${elementName(model, a.ownerId)}`;
}

// ---------------------------------------------------------------------------------------------
// The per-model facts

export interface GatewayRef {
  ip: Ip;
  networkId: string;
  /** `network`: the network's own gateway; `link`: a NIC's gateway on it (HAProxy has one per NIC). */
  source: 'network' | 'link';
  /** The network (for `network`) or the element whose NIC names it. */
  ownerId: string;
  linkId?: string;
}

/** A held address in its routing domain (the Supervisor's management block is expanded to its 5 addresses). */
export interface Held {
  address: L3Address;
  ip: Ip;
  domain: string;
  /** Position in the Supervisor's management block (0 for everything else). */
  offset: number;
}

export interface RangeEntry {
  range: L3Range;
  network: L3Network;
  iv: IntervalLike;
}

export interface DomainRanges {
  entries: RangeEntry[];
  /** Tags are positions in `entries`. */
  index: AddressIndex;
}

export interface DomainNetworks {
  networks: L3Network[];
  /** Tags are positions in `networks`. */
  index: AddressIndex;
}

interface Facts {
  gateways?: Map<string, GatewayRef[]>;
  held?: Held[];
  ranges?: Map<string, DomainRanges>;
  networks?: Map<string, DomainNetworks>;
  heldSets?: Map<string, Float64Array>;
}

const cache = new WeakMap<L3Model, Facts>();

/** Per-model facts, each built on first use (a rule pays only for what it asks). */
function facts(model: L3Model): Facts {
  let f = cache.get(model);
  if (!f) cache.set(model, (f = {}));
  return f;
}

export function domainOf(model: L3Model, networkId: string | null): string | null {
  if (networkId === null) return null;
  return model.networkById.get(networkId)?.routingDomain ?? null;
}

/** Gateways on each network: the network's own first, then distinct NIC gateways. */
export function gatewaysByNetwork(model: L3Model): ReadonlyMap<string, readonly GatewayRef[]> {
  const f = facts(model);
  return (f.gateways ??= buildGateways(model));
}

export function gatewaysOf(model: L3Model, networkId: string): readonly GatewayRef[] {
  return gatewaysByNetwork(model).get(networkId) ?? [];
}

/** Is `a` a gateway address of the network? */
export function isGatewayOf(model: L3Model, networkId: string | null, a: Ip): boolean {
  if (networkId === null) return false;
  for (const g of gatewaysOf(model, networkId)) if (g.ip.family === a.family && g.ip.value === a.value) return true;
  return false;
}

/**
 * Every statically held, parsed address on a known network, with its routing domain, as objects.
 * Rules that walk every held address use forEachHeld instead, which allocates nothing per address.
 */
export function heldAddresses(model: L3Model): readonly Held[] {
  const f = facts(model);
  return (f.held ??= buildHeld(model));
}

/** What forEachHeld calls per held address (the Supervisor's block: once per address of it). */
export type HeldVisitor = (address: L3Address, ip: Ip, domain: string, offset: number) => void;

/**
 * Calls `visit` for each held address as heldAddresses lists them, in the same order, without a
 * Held object per address (why: heldValues.ts). Domains come from heldValues' column beside
 * `model.addresses`.
 */
export function forEachHeld(model: L3Model, visit: HeldVisitor): void {
  const { domains, domainOfAddress } = heldValues(model);
  for (let k = 0, all = model.addresses; k < all.length; k++) {
    const d = domainOfAddress[k]!;
    if (d < 0) continue;
    const a = all[k]!;
    const ip = a.ip!;
    visit(a, ip, domains[d]!, 0);
    for (let i = 1, n = blockSize(a, ip); i < n; i++) visit(a, blockAddress(ip, i), domains[d]!, i);
  }
}

/** Ranges with a valid interval on a known network, per routing domain, with a containment index. */
export function rangesByDomain(model: L3Model): ReadonlyMap<string, DomainRanges> {
  const f = facts(model);
  return (f.ranges ??= buildRanges(model));
}

/** Networks with a parsed subnet, per routing domain, with a containment index. */
export function networksByDomain(model: L3Model): ReadonlyMap<string, DomainNetworks> {
  const f = facts(model);
  return (f.networks ??= buildNetworks(model));
}

/**
 * Sorted unique IPv4 addresses that are taken in a routing domain: held addresses and gateways.
 * For capacity questions (addressIndex/capacity).
 */
export function heldSet4(model: L3Model, domain: string): Float64Array {
  const f = facts(model);
  if (!f.heldSets) {
    // All domains at once. The held values are heldValues' keys, already sorted: only the
    // domain's few gateways are sorted here, then the two merge (no re-sort of 20,000 values).
    const hv = heldValues(model);
    const gateways = new Map<string, number[]>();
    for (const [networkId, gws] of gatewaysByNetwork(model)) {
      const d = domainOf(model, networkId);
      if (d !== null) for (const g of gws) if (g.ip.family === 4) pushTo(gateways, d, g.ip.value);
    }
    f.heldSets = new Map();
    for (let d = 0; d < hv.domains.length; d++) {
      const name = hv.domains[d]!;
      f.heldSets.set(name, mergeHeld(domainKeys4(hv, d), heldSetOf(gateways.get(name) ?? [])));
      gateways.delete(name);
    }
    for (const [name, values] of gateways) f.heldSets.set(name, heldSetOf(values));
  }
  return f.heldSets.get(domain) ?? EMPTY;
}

/** Sorted unique values of sorted heldValues keys (value = key >> 1) and a sorted unique set. */
function mergeHeld(keys: Float64Array, others: Float64Array): Float64Array {
  const out = new Float64Array(keys.length + others.length);
  let w = 0;
  let j = 0;
  const put = (v: number) => {
    if (w === 0 || out[w - 1] !== v) out[w++] = v;
  };
  for (let k = 0; k < keys.length; k++) {
    const v = Math.floor(keys[k]! / 2);
    while (j < others.length && others[j]! < v) put(others[j++]!);
    put(v);
  }
  while (j < others.length) put(others[j++]!);
  return out.subarray(0, w);
}

const EMPTY = new Float64Array(0);

// Helpers of the per-model builders live at module level rather than as closures inside them:
// V8 re-optimizes a closure created anew by every (once-per-validation) call for several runs.

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Adds a gateway to its network's list unless the same address is there already. */
function addGateway(out: Map<string, GatewayRef[]>, g: GatewayRef) {
  let list = out.get(g.networkId);
  if (!list) out.set(g.networkId, (list = []));
  for (const x of list) if (x.ip.family === g.ip.family && x.ip.value === g.ip.value) return;
  list.push(g);
}

function buildGateways(model: L3Model): Map<string, GatewayRef[]> {
  const out = new Map<string, GatewayRef[]>();
  for (const n of model.networks) if (n.gateway) addGateway(out, { ip: n.gateway, networkId: n.id, source: 'network', ownerId: n.id });
  for (let k = 0, all = model.document.links; k < all.length; k++) {
    const l = all[k]!;
    if (l.kind !== 'nic' || l.gateway === null || !model.networkById.has(l.to)) continue;
    const g = parseIpCached(l.gateway);
    if (g) addGateway(out, { ip: g, networkId: l.to, source: 'link', ownerId: l.from, linkId: l.id });
  }
  return out;
}

function buildHeld(model: L3Model): Held[] {
  const out: Held[] = [];
  forEachHeld(model, (address, ip, domain, offset) => out.push({ address, ip, domain, offset }));
  return out;
}

function buildRanges(model: L3Model): Map<string, DomainRanges> {
  const out = new Map<string, DomainRanges>();
  const lists = new Map<string, RangeEntry[]>();
  for (let k = 0, all = model.ranges; k < all.length; k++) {
    const r = all[k]!;
    const network = r.networkId === null ? undefined : model.networkById.get(r.networkId);
    const iv = rangeInterval(r);
    if (!network || !iv) continue;
    let list = lists.get(network.routingDomain);
    if (!list) lists.set(network.routingDomain, (list = []));
    list.push({ range: r, network, iv });
  }
  for (const [domain, entries] of lists) out.set(domain, { entries, index: AddressIndex.build(entries.map((e) => e.iv)) });
  return out;
}

function buildNetworks(model: L3Model): Map<string, DomainNetworks> {
  const out = new Map<string, DomainNetworks>();
  const lists = new Map<string, L3Network[]>();
  for (const n of model.networks) {
    if (!n.subnet) continue;
    let list = lists.get(n.routingDomain);
    if (!list) lists.set(n.routingDomain, (list = []));
    list.push(n);
  }
  for (const [domain, networks] of lists)
    out.set(domain, { networks, index: AddressIndex.build(networks.map((n) => cidrInterval(n.subnet as Cidr))) });
  return out;
}

const NO_RANGES: readonly RangeEntry[] = Object.freeze([]);
/** Tags of one containment query, reused: rangesHolding is synchronous and never re-enters. */
const holdingTags: number[] = [];

/**
 * Ranges of the address's own network that hold it. Asked once per held address, and most are
 * in no range: those allocate nothing (the query fills a reused tag list; one shared empty result).
 */
export function rangesHolding(model: L3Model, networkId: string, a: Ip): readonly RangeEntry[] {
  const domain = domainOf(model, networkId);
  const dr = domain === null ? undefined : rangesByDomain(model).get(domain);
  if (!dr) return NO_RANGES;
  const tags = holdingTags;
  tags.length = 0;
  if (a.family === 4) dr.index.v4.containingInto(a.value, tags);
  else dr.index.v6.containingInto(a.value, tags);
  let out: RangeEntry[] | undefined;
  for (let k = 0; k < tags.length; k++) {
    const e = dr.entries[tags[k]!]!;
    if (e.network.id === networkId) (out ??= []).push(e);
  }
  return out ?? NO_RANGES;
}

/**
 * Routing domains where a duplicate is possible at all: an IPv4 value held twice, a network gateway of the domain
 * held by something that is not a gateway holder (GATEWAY_HOLDER_KINDS: a router interface at the gateway *is* the
 * gateway), or any IPv6 address (rare; left to the caller). heldValues' sorted keys answer this, so
 * ipam/duplicate-ip builds its maps, which name the holders, only for these domains (usually none) instead of for
 * every held address of the estate. A domain outside the set has nothing to report.
 */
export function duplicateSuspects(model: L3Model): Set<string> {
  const hv = heldValues(model);
  const out = new Set<string>(hv.v6Domains);
  for (let d = 0; d < hv.domains.length; d++) {
    const keys = domainKeys4(hv, d);
    for (let k = 1; k < keys.length; k++)
      if (Math.floor(keys[k]! / 2) === Math.floor(keys[k - 1]! / 2)) {
        out.add(hv.domains[d]!);
        break;
      }
  }
  for (const n of model.networks) {
    if (n.gateway?.family !== 4 || out.has(n.routingDomain)) continue;
    const d = hv.domainIndex.get(n.routingDomain);
    if (d !== undefined && hasKey(domainKeys4(hv, d), n.gateway.value * 2 + 1)) out.add(n.routingDomain);
  }
  return out;
}
