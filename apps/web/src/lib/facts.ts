/**
 * Derived facts for the inspector: what a user would otherwise compute by hand (usable hosts,
 * range sizes, how much of a pool the design already needs). Plain arithmetic on parsed
 * addresses; nothing here is a rule.
 */
import { isParseError, parseCidr, parseRange, usableHosts, type Element, type TopologyDocument } from '@viplane/model';

export interface Fact {
  label: string;
  value: string;
  /** 0..1 for a usage meter. */
  usage?: number;
  testId?: string;
}

function sizeOf(start: string, end: string): number | null {
  const r = parseRange(start, end);
  if (isParseError(r)) return null;
  return r.family === 4 ? r.end - r.start + 1 : Number(r.end - r.start + 1n);
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function cidrFacts(label: string, cidr: string | null): Fact[] {
  if (!cidr) return [];
  const c = parseCidr(cidr);
  if (isParseError(c)) return [];
  if (c.family === 4) {
    const total = c.end - c.start + 1;
    return [
      { label: `${label} addresses`, value: fmt(total) },
      { label: `${label} usable hosts`, value: fmt(usableHosts(c)), testId: 'fact-usable-hosts' },
    ];
  }
  return [{ label: `${label} prefix`, value: `/${c.prefixLength}` }];
}

/** Networks: subnet size, each range, and the demand on pools from what attaches here. */
export function networkFacts(doc: TopologyDocument, net: Element): Fact[] {
  const props = net.props as { subnet?: string | null; ranges?: { purpose: string; start: string; end: string }[] };
  const facts = cidrFacts('Subnet', props.subnet ?? null);
  const capacity: Record<'se' | 'vip' | 'node', number> = { se: 0, vip: 0, node: 0 };
  for (const r of props.ranges ?? []) {
    const n = sizeOf(r.start, r.end);
    if (n === null) continue;
    facts.push({ label: `Range ${r.start}–${r.end}`, value: `${fmt(n)} addr.` });
    if (r.purpose === 'se-pool' || r.purpose === 'se-vip-pool') capacity.se += n;
    if (r.purpose === 'vip-pool' || r.purpose === 'se-vip-pool') capacity.vip += n;
    if (r.purpose === 'dhcp' || r.purpose === 'node') capacity.node += n;
  }
  // Demand: SE interfaces from pools, VIPs without a fixed address, DHCP node addresses.
  const byId = new Map(doc.elements.map((e) => [e.id, e]));
  let seDemand = 0;
  for (const l of doc.links) {
    if (l.kind !== 'nic' || l.to !== net.id || l.addressMode !== 'pool') continue;
    const holder = byId.get(l.from);
    seDemand += holder?.kind === 'seGroup' ? holder.props.seCount : 1;
  }
  let vipDemand = 0;
  let nodeDemand = 0;
  for (const e of doc.elements) {
    if (e.kind === 'virtualService' && e.props.vipNetworkId === net.id && e.props.address === null) vipDemand++;
    if (e.kind === 'tkgCluster') {
      if (
        e.props.endpoint.provider === 'nsx-alb' &&
        (e.props.controlPlaneVipNetworkId ?? e.props.workloadVipNetworkId) === net.id &&
        !e.props.endpoint.address
      )
        vipDemand++;
      if (e.props.nodeNetworkId === net.id) nodeDemand += e.props.controlPlaneCount + e.props.workerCount + 1;
    }
  }
  const usage = (label: string, demand: number, cap: number, testId: string) =>
    facts.push({ label, value: `${fmt(demand)} / ${fmt(cap)}`, usage: cap > 0 ? demand / cap : demand > 0 ? 1 : 0, testId });
  if (seDemand || capacity.se) usage('SE interface pool', seDemand, capacity.se, 'fact-se-pool');
  if (vipDemand || capacity.vip) usage('VIP pool (unpinned VIPs)', vipDemand, capacity.vip, 'fact-vip-pool');
  if (nodeDemand || capacity.node) usage('Node addresses (DHCP/node ranges)', nodeDemand, capacity.node, 'fact-node-pool');
  const nics = doc.links.filter((l) => l.to === net.id);
  facts.push({ label: 'Interfaces attached', value: String(nics.length) });
  return facts;
}

export function elementFacts(doc: TopologyDocument, el: Element): Fact[] {
  switch (el.kind) {
    case 'portGroup':
    case 'nsxtSegment':
    case 'clientNetwork':
      return networkFacts(doc, el);
    case 'tkgCluster':
      return [
        { label: 'Nodes', value: `${el.props.controlPlaneCount + el.props.workerCount} (+1 during upgrade)` },
        ...cidrFacts('Pod CIDR', el.props.podCidr),
        ...cidrFacts('Service CIDR', el.props.serviceCidr),
      ];
    case 'k8sCluster':
      return [
        { label: 'Nodes', value: String(el.props.nodes.length) },
        ...cidrFacts('Pod CIDR', el.props.podCidr),
        ...cidrFacts('Service CIDR', el.props.serviceCidr),
      ];
    case 'seGroup': {
      const nics = doc.links.filter((l) => l.from === el.id && l.kind === 'nic');
      return [
        { label: 'Interfaces per SE', value: String(nics.length) },
        { label: 'SE interface addresses', value: String(nics.length * el.props.seCount) },
      ];
    }
    case 'router':
    case 'firewall':
    case 'aviController':
    case 'haproxy':
    case 'nsxtTier0':
    case 'supervisor':
      return [{ label: 'Interfaces', value: String(doc.links.filter((l) => l.from === el.id).length) }];
    default:
      return [];
  }
}
