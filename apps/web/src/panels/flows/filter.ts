/**
 * What the Flows panel shows: the design's flows narrowed by system, status and enforcement point,
 * and the choices each select offers (only values some flow has, so no filter leads to nothing).
 */
import type { DesignFlow, FlowStatus } from '@viplane/validator';

/** `''` in a field: no filter on it. */
export interface FlowFilter {
  system: string;
  status: FlowStatus | '';
  /** An enforcement point's element id. */
  point: string;
}

export const NO_FILTER: FlowFilter = { system: '', status: '', point: '' };

export const STATUSES: readonly FlowStatus[] = ['intra-segment', 'routed', 'broken', 'l2', 'unresolved'];

export function filterFlows(flows: readonly DesignFlow[], f: FlowFilter): DesignFlow[] {
  return flows.filter(
    (x) =>
      (f.system === '' || x.system === f.system) &&
      (f.status === '' || x.status === f.status) &&
      (f.point === '' || x.enforcementPoints.some((p) => p.id === f.point) || x.denial?.enforcementPointId === f.point),
  );
}

export interface FlowChoices {
  systems: string[];
  points: { id: string; name: string }[];
}

/** The systems and enforcement points present in the flows, sorted by name. */
export function flowChoices(flows: readonly DesignFlow[]): FlowChoices {
  const systems = new Set<string>();
  const points = new Map<string, string>();
  for (const x of flows) {
    systems.add(x.system);
    for (const p of x.enforcementPoints) points.set(p.id, p.name);
  }
  return {
    systems: [...systems].sort(),
    points: [...points].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
