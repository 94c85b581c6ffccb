/**
 * The address plan: every subnet, range and address of a design, who holds it and how much room is
 * left - as rows (for the report) and as CSV (RFC 4180) for spreadsheets and IPAM imports.
 *
 * Counts: a subnet's `size` is its usable addresses (IPv4 /30 and shorter: without network and
 * broadcast), `used` the distinct addresses covered by its ranges, held addresses and gateway; a
 * range's `used` is the statically held addresses inside it; a dynamic address row ("from pool",
 * "DHCP") gives in `size` how many addresses it takes and leaves `used`/`free` empty. Pod and
 * service CIDRs are listed as overlay rows.
 */
import type { TopologyDocument } from '@viplane/model';
import { lower, resolveEndpoint, type L3Address, type L3Model, type L3Network, type L3Range } from '@viplane/validator';

export interface AddressPlanRow {
  /** Network name; `(no network)` or `(overlay)` when the row is on none. */
  network: string;
  /** The network's subnet, when it has one. */
  subnet: string;
  type: 'subnet' | 'range' | 'address' | 'overlay';
  /** CIDR, `start-end`, an address, or `from pool` / `DHCP` for dynamic ones. */
  address: string;
  purpose: string;
  holder: string;
  /** The range the address is in (`purpose start-end`). */
  within: string;
  size: string;
  used: string;
  free: string;
}

export const ADDRESS_PLAN_COLUMNS = [
  'network',
  'subnet',
  'type',
  'address',
  'purpose',
  'holder',
  'within',
  'size',
  'used',
  'free',
] as const;

const RANGE_PURPOSE: Record<string, string> = {
  'se-pool': 'NSX-ALB SE interface pool',
  'vip-pool': 'NSX-ALB VIP pool',
  'se-vip-pool': 'NSX-ALB SE and VIP pool',
  dhcp: 'DHCP scope',
  node: 'node addresses',
  workload: 'Supervisor workload range',
  reserved: 'reserved',
  'haproxy-vip': 'HAProxy VIP range',
};

const ROLE: Record<string, string> = {
  interface: 'interface',
  controller: 'NSX-ALB Controller',
  'se-interface': 'SE interface',
  'haproxy-interface': 'HAProxy interface',
  endpoint: 'Kubernetes API endpoint',
  vip: 'VIP',
  'dns-vs': 'DNS virtual service',
  node: 'node',
  'supervisor-management': 'Supervisor management (first of 5)',
};

/** vCenter and NSX Manager are held on no network (the design names only their address): list them on the network holding it. */
function serverNetwork(model: L3Model, a: L3Address): string | null {
  if (a.role !== 'infrastructure') return null;
  const at = resolveEndpoint(model, { address: a.text });
  return typeof at === 'string' || at.pod ? null : at.networkId;
}

interface Span {
  s: bigint;
  e: bigint;
}

const big = (v: number | bigint) => BigInt(v);

/** Rows in network order: subnet, its ranges by start, then its addresses. */
export function addressPlan(document: TopologyDocument, model: L3Model = lower(document)): AddressPlanRow[] {
  const name = (id: string) => model.elements.get(id)?.name ?? id;
  const rows: AddressPlanRow[] = [];
  const byNet = new Map<string | null, { ranges: L3Range[]; held: L3Address[]; dynamic: AddressPlanRow[] }>();
  const bucket = (id: string | null) => {
    const key = id !== null && model.networkById.has(id) ? id : null;
    let b = byNet.get(key);
    if (!b) byNet.set(key, (b = { ranges: [], held: [], dynamic: [] }));
    return b;
  };
  for (const r of model.ranges) bucket(r.networkId).ranges.push(r);
  const seen = new Set<string>();
  for (const a of model.addresses) {
    const key = JSON.stringify([a.text, a.ownerId, a.role, a.networkId, a.itemId ?? '']);
    if (seen.has(key)) continue;
    seen.add(key);
    bucket(a.networkId ?? serverNetwork(model, a)).held.push(a);
  }

  // Addresses something takes at run time: pool/DHCP NICs, VIPs and endpoints from a pool, DHCP nodes.
  const rangeOn = (networkId: string | null, purposes: string[]) =>
    networkId === null ? undefined : model.ranges.find((r) => r.networkId === networkId && purposes.includes(r.purpose));
  const dynamic = (networkId: string | null, address: string, purpose: string, holder: string, size: number, within?: L3Range) =>
    bucket(networkId).dynamic.push({
      network: '',
      subnet: '',
      type: 'address',
      address,
      purpose,
      holder,
      within: within ? rangeLabel(within) : '',
      size: String(size),
      used: '',
      free: '',
    });
  for (const link of document.links) {
    if (link.kind !== 'nic' || link.addressMode === 'static') continue;
    const from = model.elements.get(link.from);
    if (!from) continue;
    const count = from.kind === 'seGroup' ? from.props.seCount : 1;
    const role = from.kind === 'seGroup' ? 'SE interface' : from.kind === 'haproxy' ? 'HAProxy interface' : `${link.role} interface`;
    const mode = link.addressMode === 'dhcp' ? 'DHCP' : 'from pool';
    dynamic(
      link.to,
      mode,
      `${role} (${link.role})`,
      from.name,
      count,
      mode === 'DHCP' ? rangeOn(link.to, ['dhcp']) : rangeOn(link.to, ['se-pool', 'se-vip-pool']),
    );
  }
  for (const vs of model.ofKind('virtualService'))
    if (vs.props.address === null)
      dynamic(
        vs.props.vipNetworkId,
        'from pool',
        'VIP',
        vs.name,
        1,
        rangeOn(vs.props.vipNetworkId, ['vip-pool', 'se-vip-pool', 'haproxy-vip']),
      );
  for (const c of model.ofKind('tkgCluster')) {
    if (c.props.endpoint.address === null && c.props.endpoint.provider === 'nsx-alb') {
      const net = c.props.controlPlaneVipNetworkId ?? c.props.workloadVipNetworkId;
      dynamic(net, 'from pool', 'Kubernetes API VIP', c.name, 1, rangeOn(net, ['vip-pool', 'se-vip-pool']));
    }
  }
  for (const cl of model.clusters) {
    if (cl.kind === 'k8sCluster' || cl.nodeNetworkId === null) continue;
    const net = model.networkById.get(cl.nodeNetworkId);
    const range = cl.kind === 'tkc' ? rangeOn(cl.nodeNetworkId, ['workload', 'node']) : rangeOn(cl.nodeNetworkId, ['dhcp', 'node']);
    dynamic(
      cl.nodeNetworkId,
      net?.dhcp && cl.kind !== 'tkc' ? 'DHCP' : 'from range',
      'nodes (control plane + workers + 1 upgrade surge)',
      cl.name,
      cl.nodeDemand,
      range,
    );
  }

  const networks: (L3Network | null)[] = [...model.networks, null];
  for (const net of networks) {
    const b = byNet.get(net?.id ?? null);
    if (!net && !b) continue;
    const netName = net ? net.name : '(no network)';
    const subnetText = net?.subnetText ?? '';
    const ranges = [...(b?.ranges ?? [])].sort((x, y) => cmp(x.start?.value, y.start?.value) || x.id.localeCompare(y.id));
    const held = [...(b?.held ?? [])].sort(
      (x, y) => cmp(x.ip?.value, y.ip?.value) || x.text.localeCompare(y.text) || x.ownerId.localeCompare(y.ownerId),
    );
    const heldSet = [...new Set(held.filter((a) => a.ip).map((a) => big(a.ip!.value)))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

    if (net) {
      const subnet = net.subnet;
      let size = '';
      let used = '';
      let free = '';
      if (subnet) {
        const first = big(subnet.first);
        const last = big(subnet.last);
        const trim = subnet.family === 4 && subnet.prefix <= 30;
        const lo = trim ? first + 1n : first;
        const hi = trim ? last - 1n : last;
        const spans: Span[] = [];
        for (const r of ranges)
          if (r.start && r.end && r.start.family === subnet.family) spans.push({ s: big(r.start.value), e: big(r.end.value) });
        for (const v of heldSet) spans.push({ s: v, e: v });
        if (net.gateway && net.gateway.family === subnet.family) spans.push({ s: big(net.gateway.value), e: big(net.gateway.value) });
        const total = hi >= lo ? hi - lo + 1n : 0n;
        const covered = unionCount(spans, lo, hi);
        size = String(total);
        used = String(covered);
        free = String(total - covered);
      }
      const facts = [
        net.kind === 'portGroup' ? 'port group' : net.kind === 'nsxtSegment' ? 'NSX-T segment' : 'client network',
        net.vlan !== null ? `VLAN ${net.vlan}` : '',
        net.dhcp ? 'DHCP' : '',
        net.kind === 'portGroup' && net.albRegistered ? 'registered on NSX-ALB' : '',
        net.routingDomain !== 'default' ? `routing domain ${net.routingDomain}` : '',
      ].filter(Boolean);
      rows.push({
        network: netName,
        subnet: subnetText,
        type: 'subnet',
        address: subnetText || '(no subnet)',
        purpose: facts.join(', '),
        holder: '',
        within: '',
        size,
        used,
        free,
      });
      if (
        net.gatewayText &&
        !held.some((a) => a.ip && net.gateway && a.ip.family === net.gateway.family && a.ip.value === net.gateway.value)
      )
        rows.push({
          network: netName,
          subnet: subnetText,
          type: 'address',
          address: net.gatewayText,
          purpose: 'gateway',
          holder: '',
          within: containing(ranges, net.gateway?.value, net.gateway?.family),
          size: '1',
          used: '1',
          free: '0',
        });
    }
    for (const r of ranges) {
      let size = '';
      let used = '';
      let free = '';
      if (r.start && r.end && r.start.family === r.end.family && big(r.end.value) >= big(r.start.value)) {
        const s = big(r.start.value);
        const e = big(r.end.value);
        const n = e - s + 1n;
        const inside =
          heldSet.filter((v) => v >= s && v <= e).length +
          (net?.gateway && big(net.gateway.value) >= s && big(net.gateway.value) <= e && !heldSet.includes(big(net.gateway.value)) ? 1 : 0);
        size = String(n);
        used = String(inside);
        free = String(n - BigInt(inside));
      }
      rows.push({
        network: netName,
        subnet: subnetText,
        type: 'range',
        address: r.text,
        purpose: RANGE_PURPOSE[r.purpose] ?? r.purpose,
        holder: name(r.ownerId),
        within: '',
        size,
        used,
        free,
      });
    }
    for (const a of held) {
      const isGateway = !!(net?.gateway && a.ip && a.ip.family === net.gateway.family && a.ip.value === net.gateway.value);
      const holder = a.itemId ? `${name(a.ownerId)} / ${nodeName(model, a)}` : name(a.ownerId);
      const role = a.role === 'infrastructure' ? (a.ownerKind === 'vcenter' ? 'vCenter Server' : 'NSX Manager') : (ROLE[a.role] ?? a.role);
      rows.push({
        network: netName,
        subnet: subnetText,
        type: 'address',
        address: a.text,
        purpose: isGateway ? `gateway (${role})` : role,
        holder,
        within: containing(ranges, a.ip?.value, a.ip?.family),
        size: '1',
        used: '1',
        free: '0',
      });
    }
    for (const d of [...(b?.dynamic ?? [])].sort((x, y) => x.holder.localeCompare(y.holder) || x.purpose.localeCompare(y.purpose)))
      rows.push({ ...d, network: netName, subnet: subnetText });
  }

  for (const cl of model.clusters)
    for (const [list, purpose] of [
      [cl.podCidrs, 'pod CIDR'],
      [cl.serviceCidrs, 'service CIDR'],
    ] as const)
      for (const p of list)
        rows.push({
          network: '(overlay)',
          subnet: '',
          type: 'overlay',
          address: p.text,
          purpose,
          holder: cl.name,
          within: '',
          size: p.cidr ? String(big(p.cidr.last) - big(p.cidr.first) + 1n) : '',
          used: '',
          free: '',
        });
  return rows;
}

/** The plan as CSV: RFC 4180 (CRLF, quoted fields where needed), one header line. */
export function addressPlanCsv(document: TopologyDocument, model?: L3Model): string {
  const rows = addressPlan(document, model);
  const lines = [ADDRESS_PLAN_COLUMNS.join(','), ...rows.map((r) => ADDRESS_PLAN_COLUMNS.map((c) => csvField(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, or edge spaces, with
 * quotes doubled. A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR
 * first) gets a leading `'` so that it stays text.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function rangeLabel(r: L3Range): string {
  return `${RANGE_PURPOSE[r.purpose] ?? r.purpose} ${r.text}`;
}

function containing(ranges: L3Range[], value: number | bigint | undefined, family: 4 | 6 | undefined): string {
  if (value === undefined) return '';
  const v = big(value);
  const hits = ranges.filter((r) => r.start && r.end && r.start.family === family && big(r.start.value) <= v && v <= big(r.end.value));
  return hits.map(rangeLabel).join('; ');
}

function nodeName(model: L3Model, a: L3Address): string {
  const el = model.elements.get(a.ownerId);
  if (el?.kind === 'k8sCluster') return el.props.nodes.find((n) => n.id === a.itemId)?.name ?? a.itemId ?? '';
  return a.itemId ?? '';
}

function cmp(a: number | bigint | undefined, b: number | bigint | undefined): number {
  if (a === undefined || b === undefined) return a === undefined ? (b === undefined ? 0 : 1) : -1;
  const x = big(a);
  const y = big(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function unionCount(spans: Span[], lo: bigint, hi: bigint): bigint {
  const clipped = spans
    .map((s) => ({ s: s.s < lo ? lo : s.s, e: s.e > hi ? hi : s.e }))
    .filter((s) => s.e >= s.s)
    .sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
  let total = 0n;
  let cs = -1n;
  let ce = -2n;
  for (const s of clipped) {
    if (s.s <= ce + 1n) {
      if (s.e > ce) ce = s.e;
    } else {
      if (ce >= cs && cs >= 0n) total += ce - cs + 1n;
      cs = s.s;
      ce = s.e;
    }
  }
  if (ce >= cs && cs >= 0n) total += ce - cs + 1n;
  return total;
}
