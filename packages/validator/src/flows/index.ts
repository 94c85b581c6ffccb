/** Flows: the catalogue of vendor flows and the flows, firewall matrix and L2 requirements of a design. */
export { designFlows, designFlowsOf } from './derive.ts';
export { FLOW_CATALOGUE, FLOW_SOURCES, SOURCE_BY_KEY, catalogueEntries, type CatalogueEntry, type CatalogueFlow, type FlowSource, type FlowSystem, type RequirementMark, type RoleId } from './catalogue/index.ts';
export type { DesignFlow, DesignFlows, EnforcementPoint, FirewallMatrixRow, FlowDenial, FlowRequirement, FlowStatus, L2Requirement } from './types.ts';
