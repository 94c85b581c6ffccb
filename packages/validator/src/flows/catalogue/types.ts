/**
 * The shape of one catalogue row (../shared/ports.md §7.1): a flow a firewall between networks must
 * allow, as a vendor documents it, with the design facts that make it apply.
 */
import type { DesignFacts } from '../facts.ts';

/** ports.md's marks: R required, C conditional, O optional, ? documented but doubtful. */
export type RequirementMark = 'R' | 'C' | 'O' | '?';

export type FlowSystem = 'nsx-alb' | 'ako' | 'tkg' | 'cni' | 'vsphere-with-tanzu' | 'nsx-t' | 'aci' | 'kube-vip';

/**
 * Roles (ports.md §7.2); `roles.ts` resolves each to design elements and address sets. Roles the
 * model has no element for (DNS, NTP, registry, bootstrap…) resolve to nothing, and the flow is
 * listed as unresolved instead of being given invented addresses.
 */
export type RoleId =
  | 'controller-node'
  | 'se-mgmt'
  | 'se-data'
  | 'vip'
  | 'dns-vs'
  | 'cluster-nodes'
  /** Clusters whose Services NSX-ALB serves (AKO / AKO Operator). */
  | 'ako-cluster-nodes'
  | 'management-cluster-nodes'
  | 'workload-cluster-nodes'
  | 'node-segment'
  | 'dhcp-node-segment'
  | 'cluster-endpoint'
  | 'management-cluster-endpoint'
  | 'workload-cluster-endpoint'
  | 'kube-vip-endpoint'
  | 'routable-pods'
  | 'vcenter'
  | 'esxi-hosts'
  | 'nsx-manager'
  | 'clients'
  | 'admin'
  | 'bootstrap'
  | 'dns-server'
  | 'ntp-server'
  | 'dhcp-server'
  | 'registry'
  | 'syslog-server'
  | 'haproxy-management'
  | 'haproxy-workload'
  | 'haproxy-vip'
  | 'supervisor-management'
  | 'supervisor-workload'
  | 'tkc-nodes'
  | 'tier0-uplink'
  | 'bgp-peer'
  | 'apic'
  | 'aci-infra-vlan'
  | 'aci-nodes';

export interface FlowCondition {
  /** The condition as ports.md states it (shown in the matrix). */
  text: string;
  holds(facts: DesignFacts): boolean;
}

export interface CatalogueFlow {
  /** Stable id `<system>/<name>`; never renamed (handoffs and tests refer to it). */
  id: string;
  system: FlowSystem;
  from: RoleId;
  to: RoleId;
  /** ports.md's wording of the roles. */
  fromText: string;
  toText: string;
  /** `tcp`, `udp`, `tcp/udp`, `icmp`, `arp`, `ip-proto-4`… */
  protocol: string;
  /** `443`, `22,443,8443`, `30000-32767`, or `—` when the flow has no port. */
  ports: string;
  purpose: string;
  requirement: RequirementMark;
  /** Why a mark is doubtful, secondary or version-bound (kept in the output). */
  note?: string;
  /** When the flow applies; absent = whenever its roles exist in the design. */
  condition?: FlowCondition;
  /** Version window of the product the row was documented for (NSX-ALB Controller version). */
  versions?: { from?: string; until?: string };
  /** ports.md §0 keys. */
  sources: readonly string[];
  /** ↔: both sides initiate; listed as two rules (§7.3 step 5). */
  bidirectional?: boolean;
  /** A segment requirement (ARP/GARP, DHCP broadcast, infra VLAN), never a firewall row (§7.3 step 4). */
  l2?: boolean;
  /** A routing rule already reports this flow when it has no path (no double findings). */
  unroutedReportedBy?: string;
}
