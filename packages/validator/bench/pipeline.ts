/**
 * The typed-array version of the composite pipeline of performance.md §2.9, run over the same
 * document strings as `validate()`: the baseline that the full validation is compared with in
 * the same process. Steps: walk the document for its address strings, charCode-parse them, then
 *   - per-VRF network overlaps (sort + stack sweep),
 *   - cluster pod/service CIDRs against networks (sort + stack sweep),
 *   - ranges inside their network, gateway outside them, no overlaps between them,
 *   - per address: its network (binary search), not in a DHCP scope, duplicates (Map),
 *   - next hop of each static route in its VRF's interval table,
 *   - path traces (up to 5 LPM hops).
 * It counts findings instead of building diagnostics: the floor, not a competitor.
 */
import type { TopologyDocument } from '@viplane/model';
import { IntervalTable, parseCidrs4, parseIp4Chars } from './typed.ts';
import type { TracePair } from './generate.ts';

export interface PipelineResult {
  findings: number;
  delivered: number;
}

export function typedPipeline(doc: TopologyDocument, traces: readonly TracePair[]): PipelineResult {
  // 1. Walk: strings into flat lists; networks and domains become small integers.
  const netIndex = new Map<string, number>();
  const domainIndex = new Map<string, number>();
  const netText: string[] = [];
  const gwText: (string | null)[] = [];
  const netDomain: number[] = [];
  const rangeStart: string[] = [];
  const rangeEnd: string[] = [];
  const rangeNet: number[] = [];
  const rangeDhcp: boolean[] = [];
  const clusterCidrs: string[] = [];
  const addrText: string[] = [];
  const addrNet: number[] = [];
  const routePrefix: string[] = [];
  const routeHop: string[] = [];
  const routeDomain: number[] = [];
  const domainOf = (name: string) => domainIndex.get(name) ?? (domainIndex.set(name, domainIndex.size), domainIndex.size - 1);
  for (const el of doc.elements) {
    if (el.kind === 'portGroup' || el.kind === 'clientNetwork') {
      if (el.props.subnet === null) continue;
      netIndex.set(el.id, netText.length);
      netText.push(el.props.subnet);
      gwText.push(el.props.gateway);
      netDomain.push(domainOf(el.props.routingDomain));
    }
  }
  const held = (text: string | null, networkId: string | null) => {
    if (text === null) return;
    addrText.push(text);
    addrNet.push(networkId === null ? -1 : (netIndex.get(networkId) ?? -1));
  };
  for (const el of doc.elements) {
    if (el.kind === 'portGroup')
      for (const r of el.props.ranges) {
        rangeStart.push(r.start);
        rangeEnd.push(r.end);
        rangeNet.push(netIndex.get(el.id) ?? -1);
        rangeDhcp.push(r.purpose === 'dhcp');
      }
    else if (el.kind === 'k8sCluster') {
      clusterCidrs.push(el.props.podCidr, el.props.serviceCidr);
      for (const n of el.props.nodes) held(n.address, el.props.nodeNetworkId);
    } else if (el.kind === 'tkgCluster') {
      clusterCidrs.push(el.props.podCidr, el.props.serviceCidr);
      held(el.props.endpoint.address, el.props.nodeNetworkId);
    } else if (el.kind === 'virtualService') held(el.props.address, el.props.vipNetworkId);
    else if (el.kind === 'router')
      for (const r of el.props.staticRoutes) {
        routePrefix.push(r.prefix);
        routeHop.push(r.nextHop ?? '');
        routeDomain.push(domainOf(el.props.routingDomain));
      }
  }
  for (const l of doc.links) if (l.kind === 'nic' && l.addressMode === 'static') held(l.address, l.to);

  // 2. Parse.
  const nets = parseCidrs4(netText);
  const gws = Float64Array.from(gwText, (g) => (g === null ? -1 : parseIp4Chars(g)));
  const rs = Float64Array.from(rangeStart, (s) => parseIp4Chars(s));
  const re = Float64Array.from(rangeEnd, (s) => parseIp4Chars(s));
  const clusters = parseCidrs4(clusterCidrs);
  const addrs = Float64Array.from(addrText, (s) => parseIp4Chars(s));
  const routes = parseCidrs4(routePrefix);
  const hops = Float64Array.from(routeHop, (s) => parseIp4Chars(s));
  let findings = 0;

  // 3. Per-VRF overlaps: networks sorted by (domain, start, end desc); a stack per domain run.
  const nn = netText.length;
  const byDomain = Uint32Array.from({ length: nn }, (_, i) => i).sort(
    (a, b) => netDomain[a]! - netDomain[b]! || nets.starts[a]! - nets.starts[b]! || nets.ends[b]! - nets.ends[a]!,
  );
  const domainLo = new Int32Array(domainIndex.size + 1).fill(-1);
  const stack = new Float64Array(nn + 1);
  let sp = 0;
  for (let p = 0; p < nn; p++) {
    const i = byDomain[p]!;
    if (p === 0 || netDomain[byDomain[p - 1]!] !== netDomain[i]) {
      sp = 0;
      domainLo[netDomain[i]!] = p;
    }
    while (sp > 0 && stack[sp - 1]! < nets.starts[i]!) sp--;
    findings += sp;
    stack[sp++] = nets.ends[i]!;
  }
  const domainHi = (d: number) => {
    let p = domainLo[d]!;
    while (p < nn && netDomain[byDomain[p]!] === d) p++;
    return p;
  };
  const sortedStarts = Float64Array.from(byDomain, (i) => nets.starts[i]!);
  const domainEnds = Int32Array.from({ length: domainIndex.size }, (_, d) => (domainLo[d]! < 0 ? -1 : domainHi(d)));

  // 4. Cluster CIDRs against every network and each other (one sweep over both).
  const cs = Float64Array.from([...clusters.starts, ...nets.starts]);
  const ce = Float64Array.from([...clusters.ends, ...nets.ends]);
  const cOrder = Uint32Array.from({ length: cs.length }, (_, i) => i).sort((a, b) => cs[a]! - cs[b]! || ce[b]! - ce[a]!);
  sp = 0;
  for (const i of cOrder) {
    while (sp > 0 && stack[sp - 1]! < cs[i]!) sp--;
    if (i < clusters.starts.length) findings += sp;
    stack[sp++] = ce[i]!;
  }

  // 5. Ranges: inside the network, gateway outside, sorted per network for overlaps.
  const nr = rangeStart.length;
  const rOrder = Uint32Array.from({ length: nr }, (_, i) => i).sort((a, b) => rangeNet[a]! - rangeNet[b]! || rs[a]! - rs[b]!);
  for (let p = 0; p < nr; p++) {
    const i = rOrder[p]!;
    const n = rangeNet[i]!;
    if (n < 0) continue;
    if (rs[i]! < nets.starts[n]! || re[i]! > nets.ends[n]! || re[i]! < rs[i]!) findings++;
    if (gws[n]! >= rs[i]! && gws[n]! <= re[i]!) findings++;
    if (p > 0 && rangeNet[rOrder[p - 1]!] === n && re[rOrder[p - 1]!]! >= rs[i]!) findings++;
  }
  const dhcpOf = new Map<number, number[]>();
  for (let i = 0; i < nr; i++) if (rangeDhcp[i]) (dhcpOf.get(rangeNet[i]!) ?? dhcpOf.set(rangeNet[i]!, []).get(rangeNet[i]!)!).push(i);

  // 6. Addresses: holder network by binary search in its domain, DHCP scope, duplicates.
  const seen = new Map<number, number>();
  for (let i = 0; i < addrs.length; i++) {
    const a = addrs[i]!;
    const n = addrNet[i]!;
    if (a < 0 || n < 0) continue;
    const d = netDomain[n]!;
    let lo = domainLo[d]!;
    let hi = domainEnds[d]! - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (sortedStarts[mid]! <= a) lo = mid;
      else hi = mid - 1;
    }
    const holder = byDomain[lo]!;
    if (!(nets.starts[holder]! <= a && a <= nets.ends[holder]!)) findings++;
    for (const r of dhcpOf.get(n) ?? []) if (rs[r]! <= a && a <= re[r]!) findings++;
    const key = d * 4294967296 + a;
    const prior = seen.get(key);
    if (prior !== undefined) findings++;
    seen.set(key, i);
  }

  // 7. Next hops: per-VRF table of connected subnets, then each static route's next hop.
  const connected: IntervalTable[] = [];
  const routed: IntervalTable[] = [];
  const staticOf: number[][] = [];
  for (let d = 0; d < domainIndex.size; d++) {
    const ids = byDomain.subarray(Math.max(0, domainLo[d]!), Math.max(0, domainEnds[d]!));
    const rIds = routeDomain.flatMap((rd, r) => (rd === d ? [r] : []));
    staticOf.push(rIds);
    connected.push(
      IntervalTable.build(
        Float64Array.from(ids, (i) => nets.starts[i]!),
        Float64Array.from(ids, (i) => nets.ends[i]!),
      ),
    );
    // The VRF's full table: connected first (tags < ids.length), then static routes.
    routed.push(
      IntervalTable.build(
        Float64Array.from([...Array.from(ids, (i) => nets.starts[i]!), ...rIds.map((r) => routes.starts[r]!)]),
        Float64Array.from([...Array.from(ids, (i) => nets.ends[i]!), ...rIds.map((r) => routes.ends[r]!)]),
      ),
    );
  }
  for (let r = 0; r < routePrefix.length; r++) if (hops[r]! >= 0 && connected[routeDomain[r]!]!.lookup(hops[r]!) < 0) findings++;

  // 8. Traces: sender's domain, then up to 5 LPM hops until a connected route delivers.
  let delivered = 0;
  for (const t of traces) {
    const src = netIndex.get(t.from.elementId);
    const dst = parseIp4Chars(t.to.address);
    if (src === undefined || dst < 0) continue;
    const table = routed[netDomain[src]!]!;
    let target = dst;
    for (let hop = 0; hop < 5; hop++) {
      const owner = table.lookup(target);
      if (owner < 0) break;
      const connectedCount = Math.max(0, domainEnds[netDomain[src]!]! - Math.max(0, domainLo[netDomain[src]!]!));
      if (owner < connectedCount) {
        delivered++;
        break;
      }
      target = hops[staticOf[netDomain[src]!]![owner - connectedCount]!]!;
    }
  }
  return { findings, delivered };
}
