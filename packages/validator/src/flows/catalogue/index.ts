/**
 * The flow catalogue: every row of ../shared/ports.md the design model can resolve, one module per
 * system. `viplane flows --catalogue`, `GET /api/flows/catalogue` and FLOWS.md list it.
 */
import type { CatalogueFlow } from './types.ts';
import { nsxAlbFlows } from './nsx-alb.ts';
import { tkgFlows } from './tkg.ts';
import { cniFlows } from './cni.ts';
import { kubeVipFlows } from './kube-vip.ts';
import { vsphereWithTanzuFlows } from './vsphere-with-tanzu.ts';
import { nsxtFlows } from './nsx-t.ts';
import { aciFlows } from './aci.ts';

export const FLOW_CATALOGUE: readonly CatalogueFlow[] = [
  ...nsxAlbFlows,
  ...tkgFlows,
  ...cniFlows,
  ...kubeVipFlows,
  ...vsphereWithTanzuFlows,
  ...nsxtFlows,
  ...aciFlows,
];

import type { RequirementMark } from './types.ts';
export type { CatalogueFlow, FlowSystem, RequirementMark, RoleId, FlowCondition } from './types.ts';
export { FLOW_SOURCES, SOURCE_BY_KEY, type FlowSource } from './sources.ts';

/** A catalogue row as JSON (the condition as its text). */
export interface CatalogueEntry {
  id: string;
  system: string;
  from: string;
  to: string;
  protocol: string;
  ports: string;
  purpose: string;
  requirement: RequirementMark;
  note: string | null;
  condition: string | null;
  versions: { from?: string; until?: string } | null;
  sources: string[];
  bidirectional: boolean;
  l2: boolean;
}

export function catalogueEntries(): CatalogueEntry[] {
  return FLOW_CATALOGUE.map((f) => ({
    id: f.id,
    system: f.system,
    from: f.fromText,
    to: f.toText,
    protocol: f.protocol,
    ports: f.ports,
    purpose: f.purpose,
    requirement: f.requirement,
    note: f.note ?? null,
    condition: f.condition?.text ?? null,
    versions: f.versions ?? null,
    sources: [...f.sources],
    bidirectional: f.bidirectional === true,
    l2: f.l2 === true,
  }));
}
