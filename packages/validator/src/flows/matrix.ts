/**
 * Aggregation (ports.md §7.3 step 5): one matrix row per enforcement point, source set,
 * destination set, protocol and requirement, ports merged, purposes and sources kept, sorted so
 * the same design always gives the same matrix.
 */
import type { L3Model } from '../l3/model.ts';
import type { DesignFlow, FirewallMatrixRow, L2Requirement } from './types.ts';

const REQUIREMENT_ORDER = { required: 0, conditional: 1, optional: 2, doubtful: 3 } as const;

export function buildMatrix(flows: readonly DesignFlow[]): FirewallMatrixRow[] {
  const rows = new Map<string, { row: FirewallMatrixRow; sourceNames: Set<string>; destinationNames: Set<string>; ports: Set<string>; purposes: Set<string>; conditions: Set<string>; sources: Set<string>; ids: Set<string> }>();
  for (const f of flows) {
    // Denied flows are still what the firewall must permit: they belong in the matrix.
    const placed = f.status === 'routed' || (f.status === 'broken' && f.denial !== undefined);
    if (!placed) continue;
    for (const p of f.enforcementPoints) {
      // Same address sets merge whoever holds them (two clusters on one node network); a side
      // without addresses keeps its label in the key, so unknown sets never merge.
      const src = f.sourceCidrs.length > 0 ? f.sourceCidrs.join(',') : `?${f.source}`;
      const dst = f.destinationCidrs.length > 0 ? f.destinationCidrs.join(',') : `?${f.destination}`;
      const key = [p.id, src, dst, f.protocol, f.requirement].join('\u0000');
      let entry = rows.get(key);
      if (!entry) {
        entry = {
          row: {
            enforcementPoint: p.name,
            enforcementPointId: p.id,
            source: f.source,
            sourceCidrs: [...f.sourceCidrs],
            destination: f.destination,
            destinationCidrs: [...f.destinationCidrs],
            protocol: f.protocol,
            ports: '',
            purpose: '',
            requirement: f.requirement,
            vendorSource: '',
            flowIds: [],
          },
          sourceNames: new Set(),
          destinationNames: new Set(),
          ports: new Set(),
          purposes: new Set(),
          conditions: new Set(),
          sources: new Set(),
          ids: new Set(),
        };
        rows.set(key, entry);
      }
      entry.sourceNames.add(f.source);
      entry.destinationNames.add(f.destination);
      for (const port of f.ports.split(',')) entry.ports.add(port.trim());
      entry.purposes.add(f.purpose);
      if (f.condition) entry.conditions.add(f.condition);
      for (const s of f.vendorSource.split(', ')) entry.sources.add(s);
      entry.ids.add(f.flowId);
    }
  }
  const out: FirewallMatrixRow[] = [];
  for (const e of rows.values()) {
    e.row.source = [...e.sourceNames].join(', ');
    e.row.destination = [...e.destinationNames].join(', ');
    e.row.ports = [...e.ports].sort(comparePorts).join(',');
    e.row.purpose = [...e.purposes].join('; ');
    if (e.conditions.size > 0) e.row.condition = [...e.conditions].join('; ');
    e.row.vendorSource = [...e.sources].join(', ');
    e.row.flowIds = [...e.ids].sort();
    out.push(e.row);
  }
  return out.sort(compareRows);
}

function comparePorts(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (Number.isNaN(na) || Number.isNaN(nb)) return Number.isNaN(na) === Number.isNaN(nb) ? cmp(a, b) : Number.isNaN(na) ? 1 : -1;
  return na - nb || cmp(a, b);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRows(a: FirewallMatrixRow, b: FirewallMatrixRow): number {
  return (
    cmp(a.enforcementPoint, b.enforcementPoint) ||
    cmp(a.enforcementPointId, b.enforcementPointId) ||
    REQUIREMENT_ORDER[a.requirement] - REQUIREMENT_ORDER[b.requirement] ||
    cmp(a.source, b.source) ||
    cmp(a.destination, b.destination) ||
    cmp(a.protocol, b.protocol) ||
    comparePorts(a.ports, b.ports)
  );
}

/** One L2 requirement per network and catalogue row. */
export function buildL2(model: L3Model, flows: readonly DesignFlow[]): L2Requirement[] {
  const out = new Map<string, L2Requirement>();
  for (const f of flows) {
    if (f.status !== 'l2' || !f.networkId) continue;
    const key = `${f.networkId}\u0000${f.flowId}`;
    if (out.has(key)) continue;
    out.set(key, {
      networkId: f.networkId,
      network: model.networkById.get(f.networkId)?.name ?? f.networkId,
      requirement: `${f.protocol.toUpperCase()}${f.ports !== '—' ? ` ${f.ports}` : ''}: ${f.source} → ${f.destination}`,
      purpose: f.purpose,
      vendorSource: f.vendorSource,
    });
  }
  return [...out.values()].sort((a, b) => cmp(a.network, b.network) || cmp(a.requirement, b.requirement));
}
