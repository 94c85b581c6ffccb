/**
 * Which system group an element belongs to in the network view, shared by the auto-layout
 * (layout/busLayout.ts places a group's elements together) and the frames drawn around them
 * (containers.ts), so a frame drawn after auto-layout encloses exactly one placed group.
 *
 * Groups follow the exported design diagram (packages/formats/src/diagrams/design.ts): one per
 * system, a virtual service with its load balancer; and, as a TKG estate is read, each TKG
 * management cluster with the workload clusters it created.
 */
import { kindInfo, systems, type Element, type SystemId } from '@viplane/model';

export const TOP_SYSTEMS: readonly SystemId[] = ['physical', 'vsphere', 'nsx-alb', 'haproxy', 'nsxt', 'aci'];
export const BOTTOM_SYSTEMS: readonly SystemId[] = ['tkg', 'tanzu', 'kubernetes'];

export interface GroupOf {
  /** `system:<id>` or `tkg:<management cluster id>`. */
  key: string;
  system: SystemId;
  label: string;
}

/** A virtual service belongs with its load balancer, as on the export. */
export function systemOf(el: Element, byId: ReadonlyMap<string, Element>): SystemId {
  if (el.kind === 'virtualService') {
    const lb = el.props.loadBalancerId ? byId.get(el.props.loadBalancerId) : undefined;
    if (lb) return kindInfo[lb.kind].system;
    const backend = el.props.backendClusterId ? byId.get(el.props.backendClusterId) : undefined;
    if (backend) return kindInfo[backend.kind].system;
  }
  return kindInfo[el.kind].system;
}

export const tierOfSystem = (system: SystemId): 'top' | 'bottom' => (BOTTOM_SYSTEMS.includes(system) ? 'bottom' : 'top');

export function groupOf(el: Element, byId: ReadonlyMap<string, Element>): GroupOf {
  if (el.kind === 'tkgCluster') {
    const mgmt = el.props.role === 'management' ? el : el.props.managementClusterId ? byId.get(el.props.managementClusterId) : undefined;
    if (mgmt && mgmt.kind === 'tkgCluster' && mgmt.props.role === 'management')
      return { key: `tkg:${mgmt.id}`, system: 'tkg', label: `TKG · ${mgmt.name || mgmt.id}` };
  }
  const system = systemOf(el, byId);
  return { key: `system:${system}`, system, label: systems[system] };
}

/** The routing domain (VRF) of a network, router or firewall; undefined for other kinds. Blank is the default, as lower() reads it. */
export function routingDomainOf(el: Element): string | undefined {
  const props = el.props as { routingDomain?: unknown };
  if (el.kind !== 'portGroup' && el.kind !== 'clientNetwork' && el.kind !== 'router' && el.kind !== 'firewall') return undefined;
  const name = typeof props.routingDomain === 'string' ? props.routingDomain.trim() : '';
  return name === '' ? DEFAULT_DOMAIN : name;
}
export const DEFAULT_DOMAIN = 'default';
