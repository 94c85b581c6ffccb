/** What every handoff table reads: the document, its L3 view (lower()) and the address plan, computed once. */
import type { ElementKind, TopologyDocument } from '@viplane/model';
import { kindInfo } from '@viplane/model';
import type { L3Model, L3Network } from '@viplane/validator';
import type { AddressPlanRow } from '../../address-plan/index.ts';

export interface HandoffContext {
  document: TopologyDocument;
  model: L3Model;
  plan: AddressPlanRow[];
  /** An element's name (its id when it has none, so a row never points at nothing). */
  name(id: string | null | undefined): string;
}

export function makeContext(document: TopologyDocument, model: L3Model, plan: AddressPlanRow[]): HandoffContext {
  return { document, model, plan, name: (id) => (id ? (model.elements.get(id)?.name ?? id) : '') };
}

export function networkKindLabel(net: L3Network): string {
  return kindInfo[net.kind].label;
}

/** "SE group Default-Group", but "L3 switch" when the name already says what it is. */
function labelled(kind: ElementKind, name: string): string {
  const label = kindInfo[kind].label;
  const named = label.split(/\s*\/\s*/).some((part) => name.toLowerCase().includes(part.toLowerCase()));
  return named ? name : `${label} ${name}`;
}

/**
 * What a network is used for, from what the design attaches to it: interfaces (nic links by role),
 * cluster nodes, VIPs and the purposes of its ranges. Sorted, so the same design says the same thing.
 */
export function networkPurpose(ctx: HandoffContext, networkId: string): string {
  const uses = new Set<string>();
  for (const link of ctx.document.links) {
    if (link.kind !== 'nic' || link.to !== networkId) continue;
    const from = ctx.model.elements.get(link.from);
    if (!from) continue;
    uses.add(`${labelled(from.kind, from.name)} (${link.role})`);
  }
  for (const c of ctx.model.clusters) if (c.nodeNetworkId === networkId) uses.add(`nodes of ${c.name}`);
  for (const vs of ctx.model.ofKind('virtualService')) if (vs.props.vipNetworkId === networkId) uses.add(`VIP of ${vs.name}`);
  for (const c of ctx.model.ofKind('tkgCluster')) {
    if (c.props.workloadVipNetworkId === networkId) uses.add(`service VIPs of ${c.name}`);
    // The API VIP falls back to the workload VIP network (as the address plan and AVI_CONTROL_PLANE_NETWORK do).
    if (c.props.endpoint.provider === 'nsx-alb' && (c.props.controlPlaneVipNetworkId ?? c.props.workloadVipNetworkId) === networkId)
      uses.add(`API VIP of ${c.name}`);
  }
  for (const d of ctx.model.ofKind('aviDnsVs')) if (d.props.networkId === networkId) uses.add(labelled(d.kind, d.name));
  return [...uses].sort().join('; ');
}
