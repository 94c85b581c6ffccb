/**
 * The network handoff (what the network team acts on, from the design alone): see README.md here.
 *
 *   buildHandoff(document, flows)  -> { designName, tables }   pure data
 *   handoffMarkdown / handoffHtml / tableCsv / handoffXlsx / netboxFiles   renderers
 *   handoffFiles(document, flows)  -> every file (md, html, csv/*, handoff.xlsx, netbox/*)
 *   handoffFlows(document)         -> the flows every caller passes in (one integration point)
 */
export type { Handoff, HandoffTable, HandoffColumn, HandoffTableId, HandoffFlows, HandoffMatrixRow, HandoffL2Row } from './types.ts';
export { buildHandoff } from './build.ts';
export { handoffFlows } from './flowsSource.ts';
export { handoffMarkdown } from './markdown.ts';
export { handoffHtml, handoffHtmlFragment } from './html.ts';
export { tableCsv } from './csv.ts';
export { handoffXlsx } from './xlsx.ts';
export {
  netboxFiles,
  NETBOX_COMMIT,
  NETBOX_PREFIX_FIELDS,
  NETBOX_VLAN_FIELDS,
  NETBOX_IP_RANGE_FIELDS,
  NETBOX_IP_ADDRESS_FIELDS,
} from './netbox.ts';
export { handoffFiles, HANDOFF_CSV_NAMES, type HandoffFile } from './files.ts';
