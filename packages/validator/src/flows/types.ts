/**
 * The flows of one design and the firewall matrix derived from them: the contract the handoff
 * (Markdown/CSV/XLSX) and the Flows panel build on. Field names are stable.
 */
import type { Hop } from '../routing/trace.ts';

export type FlowRequirement = 'required' | 'conditional' | 'optional' | 'doubtful';

export type FlowStatus =
  /** Source and destination share a segment: no firewall entry (host firewalls / DFW only). */
  | 'intra-segment'
  /** Crosses at least one L3 device: one matrix entry per enforcement point. */
  | 'routed'
  /** No route, or denied by a firewall / ACL on the path. */
  | 'broken'
  /** A segment requirement (ARP/GARP, DHCP broadcast/relay, infra VLAN), not an ACL row. */
  | 'l2'
  /** A role the design has no element or address for (DNS, NTP, registry…): not placed. */
  | 'unresolved';

export interface EnforcementPoint {
  id: string;
  name: string;
  kind: 'router' | 'firewall' | 'nsxtTier0' | 'nsxtTier1';
}

export interface FlowDenial {
  enforcementPointId: string;
  enforcementPoint: string;
  /** The denying rule's id, or `null` for the default / implicit deny. */
  ruleId: string | null;
  /** 1-based position in the rule list; 0 = the default deny. */
  ruleNumber: number;
}

export interface DesignFlow {
  /** Unique in the design: `<catalogue id>:<source element>><destination element>`. */
  id: string;
  flowId: string;
  system: string;
  source: string;
  sourceElementId: string | null;
  sourceCidrs: string[];
  destination: string;
  destinationElementId: string | null;
  destinationCidrs: string[];
  protocol: string;
  ports: string;
  purpose: string;
  requirement: FlowRequirement;
  condition?: string;
  note?: string;
  vendorSource: string;
  status: FlowStatus;
  /** Routed flows: the L3 devices on the path, in order. */
  enforcementPoints: EnforcementPoint[];
  /** Intra-segment and L2 flows: the segment. */
  networkId?: string;
  /** The traced path (hosts with the routes used). */
  hops: Hop[];
  /** Broken: why (the trace's drop message, or the unresolved role's reason). */
  reason?: string;
  denial?: FlowDenial;
  /** A routing rule already reports this flow when unrouted (no double findings). */
  unroutedReportedBy?: string;
}

export interface FirewallMatrixRow {
  enforcementPoint: string;
  enforcementPointId: string;
  source: string;
  sourceCidrs: string[];
  destination: string;
  destinationCidrs: string[];
  protocol: string;
  ports: string;
  purpose: string;
  requirement: FlowRequirement;
  condition?: string;
  vendorSource: string;
  flowIds: string[];
}

export interface L2Requirement {
  networkId: string;
  network: string;
  requirement: string;
  purpose: string;
  vendorSource: string;
}

export interface DesignFlows {
  flows: DesignFlow[];
  matrix: FirewallMatrixRow[];
  l2: L2Requirement[];
}
