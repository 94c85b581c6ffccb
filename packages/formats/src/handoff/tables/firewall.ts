/**
 * The firewall matrix per enforcement point and the L2 requirements, from the flows (designFlows
 * through handoffFlows). Rows are merged when they say the same thing (same point, sets, protocol,
 * ports and requirement: purposes, sources and flow ids joined) and sorted by enforcement point,
 * then requirement (required first, doubtful last), source, destination, protocol, ports.
 */
import type { HandoffL2Row, HandoffMatrixRow, HandoffTable } from '../types.ts';

const REQUIREMENT_ORDER: Record<HandoffMatrixRow['requirement'], number> = { required: 0, conditional: 1, optional: 2, doubtful: 3 };

const join = (values: Iterable<string>) => [...new Set([...values].filter((v) => v !== ''))].sort().join('; ');

export function firewallTable(matrix: readonly HandoffMatrixRow[]): HandoffTable {
  const merged = new Map<string, HandoffMatrixRow[]>();
  for (const r of matrix) {
    const key = JSON.stringify([
      r.enforcementPointId,
      r.source,
      [...r.sourceCidrs].sort(),
      r.destination,
      [...r.destinationCidrs].sort(),
      r.protocol,
      r.ports,
      r.requirement,
      r.condition ?? '',
    ]);
    const list = merged.get(key);
    if (list) list.push(r);
    else merged.set(key, [r]);
  }
  const rows = [...merged.values()]
    .map((group) => {
      const r = group[0]!;
      return {
        order: REQUIREMENT_ORDER[r.requirement],
        enforcementPoint: r.enforcementPoint,
        source: r.source,
        sourceCidrs: [...new Set(r.sourceCidrs)].sort().join(', '),
        destination: r.destination,
        destinationCidrs: [...new Set(r.destinationCidrs)].sort().join(', '),
        protocol: r.protocol,
        ports: r.ports,
        purpose: join(group.map((g) => g.purpose)),
        requirement: r.requirement,
        condition: r.condition ?? '',
        vendorSource: join(group.map((g) => g.vendorSource)),
        flowIds: join(group.flatMap((g) => g.flowIds)),
      };
    })
    .sort(
      (a, b) =>
        a.enforcementPoint.localeCompare(b.enforcementPoint) ||
        a.order - b.order ||
        a.source.localeCompare(b.source) ||
        a.destination.localeCompare(b.destination) ||
        a.protocol.localeCompare(b.protocol) ||
        a.ports.localeCompare(b.ports, undefined, { numeric: true }),
    )
    .map(({ order: _order, ...r }) => r);
  return {
    id: 'firewall',
    title: 'Firewall matrix',
    description:
      'What each enforcement point on a flow’s path must permit (a router without a firewall in the design: its ACLs). Doubtful rows come from vendor tables that disagree: check them before opening.',
    columns: [
      { key: 'enforcementPoint', label: 'Enforcement point' },
      { key: 'source', label: 'Source' },
      { key: 'sourceCidrs', label: 'Source CIDRs' },
      { key: 'destination', label: 'Destination' },
      { key: 'destinationCidrs', label: 'Destination CIDRs' },
      { key: 'protocol', label: 'Protocol' },
      { key: 'ports', label: 'Ports' },
      { key: 'purpose', label: 'Purpose' },
      { key: 'requirement', label: 'Requirement' },
      { key: 'condition', label: 'Condition' },
      { key: 'vendorSource', label: 'Vendor source' },
      { key: 'flowIds', label: 'Flows' },
    ],
    rows,
    groupBy: 'enforcementPoint',
  };
}

export function l2Table(l2: readonly HandoffL2Row[]): HandoffTable {
  const seen = new Set<string>();
  const rows = l2
    .map((r) => ({ network: r.network, requirement: r.requirement, purpose: r.purpose, vendorSource: r.vendorSource }))
    .filter((r) => {
      const key = JSON.stringify(r);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.network.localeCompare(b.network) || a.requirement.localeCompare(b.requirement) || a.purpose.localeCompare(b.purpose));
  return {
    id: 'l2',
    title: 'L2 requirements',
    description:
      'What must hold inside a segment rather than through a firewall: ARP/GARP for VIPs, DHCP on the segment or a relay, multicast.',
    columns: [
      { key: 'network', label: 'Network' },
      { key: 'requirement', label: 'Requirement' },
      { key: 'purpose', label: 'Purpose' },
      { key: 'vendorSource', label: 'Vendor source' },
    ],
    rows,
  };
}
