/**
 * The handoff's data: what the network team acts on, as plain tables (no formatting), so every
 * renderer (Markdown, HTML, CSV, XLSX) writes the same rows.
 *
 * HandoffMatrixRow and HandoffL2Row are structurally identical to @viplane/validator's
 * FirewallMatrixRow and L2Requirement (designFlows(doc)); they are declared here so the handoff
 * takes the flows as input and does not depend on how they are derived.
 */
export interface HandoffMatrixRow {
  enforcementPoint: string;
  enforcementPointId: string;
  source: string;
  sourceCidrs: string[];
  destination: string;
  destinationCidrs: string[];
  protocol: string;
  ports: string;
  purpose: string;
  requirement: 'required' | 'conditional' | 'optional' | 'doubtful';
  condition?: string;
  vendorSource: string;
  flowIds: string[];
}

export interface HandoffL2Row {
  networkId: string;
  network: string;
  requirement: string;
  purpose: string;
  vendorSource: string;
}

export interface HandoffFlows {
  matrix: readonly HandoffMatrixRow[];
  l2: readonly HandoffL2Row[];
}

export interface HandoffColumn {
  key: string;
  label: string;
}

export type HandoffTableId = 'vlans' | 'subnets' | 'ranges' | 'addresses' | 'routes' | 'dns' | 'firewall' | 'l2';

export interface HandoffTable {
  id: HandoffTableId;
  title: string;
  /** One sentence on what the table is for (under the heading in Markdown/HTML). */
  description: string;
  columns: readonly HandoffColumn[];
  /** Every cell a string ('' = nothing to say); keys are the columns' keys. */
  rows: Record<string, string>[];
  /** Rows are grouped under subheadings by this column in Markdown/HTML (the firewall matrix: by enforcement point). */
  groupBy?: string;
}

export interface Handoff {
  designName: string;
  tables: HandoffTable[];
}
