/**
 * @viplane/formats — what a design becomes outside Viplane. Pure and browser-safe (PNG rendering
 * is Node-only and lives in `@viplane/formats/png`).
 *
 *   exportConfigs(document)           -> { files, diagnostics }  TKG, AKO, Avi, HAProxy, TKC, NSX-T, ACI files
 *   routingDiagramSvg(document, id)   -> SVG of one SE group / HAProxy (routingHosts lists them)
 *   designDiagramSvg(document)        -> SVG of the whole design
 *   addressPlan / addressPlanCsv      -> every subnet, range and address with its holder
 *   reportMarkdown / reportHtml       -> the validation report
 *   buildHandoff / handoffFiles       -> the network handoff: VLANs, subnets, ranges, routes, DNS, firewall matrix, L2 (md, html, csv, xlsx, NetBox)
 *   exportBundle(document, { png? })  -> every file above plus topology.json and a README (async)
 *   zipBundle(bundle)                 -> deterministic zip
 *   importFiles(files, options)       -> { document, diagnostics }  TKG configs, AKO values, TKC, acc-provision, topology.json
 */
export { exportConfigs, CONFIG_FORMATS, CONFIG_FORMAT_IDS, type ConfigExport, type ConfigFile, type ConfigFormat } from './configs.ts';
export {
  routingDiagram,
  routingDiagramSvg,
  routingHosts,
  designDiagram,
  designDiagramSvg,
  escapeXml,
  PALETTE,
  INK,
  FONT_FAMILY,
  type Diagram,
  type RoutingHost,
  type Colors,
} from './diagrams/index.ts';
export { addressPlan, addressPlanCsv, csvField, ADDRESS_PLAN_COLUMNS, type AddressPlanRow } from './address-plan/index.ts';
export { reportMarkdown, reportHtml, countText, type ReportOptions, type ReportDiagram } from './report/index.ts';
export {
  buildHandoff,
  handoffFiles,
  handoffFlows,
  handoffHtml,
  handoffMarkdown,
  handoffXlsx,
  netboxFiles,
  tableCsv,
  type Handoff,
  type HandoffFile,
  type HandoffFlows,
  type HandoffL2Row,
  type HandoffMatrixRow,
  type HandoffTable,
} from './handoff/index.ts';
export type { ReportCommentThread, ReportComment, ReportCommentTarget } from './report/comments.ts';
export { exportBundle, zipBundle, type Bundle, type BundleFile, type BundleOptions, type PngOutcome, PNG_BUDGET } from './bundle/index.ts';
export { TOOL_VERSIONS, describeFile } from './bundle/readme.ts';
export {
  importFiles,
  importFilesSync,
  IMPORT_FORMATS,
  IMPORT_LIMITS,
  type ImportFormat,
  type ImportInput,
  type ImportOptions,
  type ImportResult,
} from './import/index.ts';
export { FORMAT_CHECKS } from './checks.ts';
