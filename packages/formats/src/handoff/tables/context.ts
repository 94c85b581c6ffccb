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
 * What each network is used for, from what the design attaches to it: interfaces (nic links by role),
 * cluster nodes, VIPs and DNS virtual services. One pass over the design for all networks (an estate
 * has thousands); each network's uses sorted, so the same design says the same thing.
 */
export function networkPurposes(ctx: HandoffContext): Map<string, string> {
  const uses = new Map<string, Set<string>>();
  const add = (networkId: string | null, use: string) => {
    if (networkId === null) return;
    let set = uses.get(networkId);
    if (!set) uses.set(networkId, (set = new Set()));
    set.add(use);
  };
  for (const link of ctx.document.links) {
    if (link.kind !== 'nic') continue;
    const from = ctx.model.elements.get(link.from);
    if (from) add(link.to, `${labelled(from.kind, from.name)} (${link.role})`);
  }
  for (const c of ctx.model.clusters) add(c.nodeNetworkId, `nodes of ${c.name}`);
  for (const vs of ctx.model.ofKind('virtualService')) add(vs.props.vipNetworkId, `VIP of ${vs.name}`);
  for (const c of ctx.model.ofKind('tkgCluster')) {
    add(c.props.workloadVipNetworkId, `service VIPs of ${c.name}`);
    // The API VIP falls back to the workload VIP network (as the address plan and AVI_CONTROL_PLANE_NETWORK do).
    if (c.props.endpoint.provider === 'nsx-alb')
      add(c.props.controlPlaneVipNetworkId ?? c.props.workloadVipNetworkId, `API VIP of ${c.name}`);
  }
  for (const d of ctx.model.ofKind('aviDnsVs')) add(d.props.networkId, labelled(d.kind, d.name));
  return new Map([...uses].map(([id, set]) => [id, [...set].sort().join('; ')]));
}
