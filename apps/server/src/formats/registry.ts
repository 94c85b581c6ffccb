/**
 * The seam for @viplane/formats: the only place the server learns which export and import
 * formats exist, under the ids the API uses (`?format=`). Export codecs are listed below; the
 * config files of the bundle are not served one by one yet (501 names them). Imports all go
 * through importFiles(), which detects the format per file.
 */
import type { TopologyDocument } from '@viplane/model';
import {
  CONFIG_FORMAT_IDS,
  addressPlanCsv,
  designDiagramSvg,
  exportBundle,
  exportConfigs,
  buildHandoff,
  handoffFiles,
  handoffFlows,
  handoffHtml,
  reportHtml,
  zipBundle,
  type ImportFormat,
  type ReportCommentThread,
} from '@viplane/formats';
import { pngWithinBundleBudget } from '@viplane/formats/png';
import { validate, type Diagnostic } from '@viplane/validator';

function countFindings(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

export interface ExportCodec {
  id: string;
  title: string;
  mediaType: string;
  /**
   * `mediaType` overrides the codec's when one call answers with a different type (one file vs a zip).
   * `findings`: the error and warning counts of what was written (the validator's findings on the design
   * and the format's own checks), for the X-Viplane-Errors / X-Viplane-Warnings headers.
   */
  export(document: TopologyDocument, options?: ExportOptions): ExportedFile | Promise<ExportedFile>;
}

export interface ExportedFile {
  filename: string;
  body: string | Uint8Array;
  mediaType?: string;
  findings?: { errors: number; warnings: number };
}

/** What an export may take besides the document: comments reach the report (bundle, report); other formats ignore them. */
export interface ExportOptions {
  comments?: readonly ReportCommentThread[];
}

/** Formats design.md and formats.md plan for @viplane/formats, so a 501 can say what is missing. */
export const PLANNED_FORMATS: Readonly<Record<string, string>> = {
  'tkg-cluster-config': 'TKG cluster configuration file (tanzu ... create --file)',
  'ako-values': 'AKO Helm values',
  'avi-objects': 'NSX-ALB (Avi) objects: network, vrfcontext, IPAM profile, SE group',
  'haproxy-ovf': 'HAProxy appliance OVF properties (govc import.ova -options)',
  tkc: 'TanzuKubernetesCluster manifest',
  'nsxt-policy': 'NSX-T Policy API segments and static routes',
  'aci-provision': 'Cisco ACI acc-provision input',
  svg: 'diagram (SVG)',
  png: 'diagram (PNG)',
  report: 'validation report',
  'address-plan': 'address plan',
  bundle: 'deployment bundle (zip with README and report)',
  handoff: 'network handoff (zip)',
};

/** Files are named after the design so a download folder stays readable. */
function baseName(document: TopologyDocument): string {
  return (
    document.name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'design'
  );
}

const builtIn: ExportCodec[] = [
  {
    id: 'bundle',
    title: 'deployment bundle (zip with README, configs, diagrams, report, topology.json)',
    mediaType: 'application/zip',
    export: async (document, options = {}) => {
      const bundle = await exportBundle(document, {
        png: pngWithinBundleBudget(),
        flows: handoffFlows(document),
        ...(options.comments ? { comments: options.comments } : {}),
      });
      return { filename: `${baseName(document)}-bundle.zip`, body: zipBundle(bundle), findings: countFindings(bundle.diagnostics ?? []) };
    },
  },
  {
    id: 'handoff',
    title: 'network handoff (zip: handoff.md, handoff.html, csv/*.csv, handoff.xlsx, netbox/*.csv)',
    mediaType: 'application/zip',
    export: async (document) => {
      const files = await handoffFiles(document, handoffFlows(document));
      return { filename: `${baseName(document)}-handoff.zip`, body: zipBundle({ files }) };
    },
  },
  {
    id: 'handoff-html',
    title: 'network handoff (one HTML page)',
    mediaType: 'text/html; charset=utf-8',
    export: (document) => ({
      filename: `${baseName(document)}-handoff.html`,
      body: handoffHtml(buildHandoff(document, handoffFlows(document))),
    }),
  },
  {
    id: 'report',
    title: 'validation report (HTML)',
    mediaType: 'text/html; charset=utf-8',
    export: (document, options = {}) => ({
      filename: `${baseName(document)}-report.html`,
      body: reportHtml(document, options.comments ? { comments: options.comments } : {}),
    }),
  },
  {
    id: 'address-plan',
    title: 'address plan (CSV)',
    mediaType: 'text/csv; charset=utf-8',
    export: (document) => ({ filename: `${baseName(document)}-address-plan.csv`, body: addressPlanCsv(document) }),
  },
  {
    id: 'svg',
    title: 'whole-design diagram (SVG)',
    mediaType: 'image/svg+xml',
    export: (document) => ({ filename: `${baseName(document)}.svg`, body: designDiagramSvg(document) }),
  },
];

/**
 * One config format on its own (the same files as in the bundle): a single file as YAML/JSON, several
 * (one per cluster, per object) as a zip.
 */
const configCodecs: ExportCodec[] = Object.entries(CONFIG_FORMAT_IDS).map(([id, format]) => ({
  id,
  title: PLANNED_FORMATS[id] ?? id,
  mediaType: 'application/zip',
  export: (document) => {
    const { files, diagnostics } = exportConfigs(document, { only: [format] });
    const findings = countFindings([...validate(document), ...diagnostics]);
    const only = files.length === 1 ? files[0] : undefined;
    if (only)
      return {
        filename: only.path.replace(/^.*\//, ''),
        body: only.content,
        mediaType: only.path.endsWith('.json') ? 'application/json' : 'application/yaml',
        findings,
      };
    return { filename: `${baseName(document)}-${id}.zip`, body: zipBundle({ files }), findings };
  },
}));

export const exportCodecs = new Map<string, ExportCodec>([...builtIn, ...configCodecs].map((c) => [c.id, c]));
/** The server's import-format ids -> @viplane/formats importers (POST /api/import?format=). */
export const IMPORT_FORMAT_IDS: Readonly<Record<string, ImportFormat>> = {
  'topology-json': 'topology',
  'tkg-cluster-config': 'tkg',
  'ako-values': 'ako',
  tkc: 'tkc',
  'aci-provision': 'aci',
};

/** Own properties only: `format` comes from the request, and `__proto__` or `constructor` are not formats. */
export function importFormatFor(id: string): ImportFormat | undefined {
  return Object.hasOwn(IMPORT_FORMAT_IDS, id) ? IMPORT_FORMAT_IDS[id] : undefined;
}

export function isPlannedFormat(id: string): boolean {
  return Object.hasOwn(PLANNED_FORMATS, id);
}

export function importFormatId(format: ImportFormat): string {
  return Object.entries(IMPORT_FORMAT_IDS).find(([, f]) => f === format)?.[0] ?? format;
}

/** The 501 message: the format exists inside the bundle but is not served on its own yet. */
export function notBuiltMessage(format: string): string {
  const what = isPlannedFormat(format) ? PLANNED_FORMATS[format] : format;
  return `export to "${format}" (${what}) as a separate download is not built yet: the same files are in the deployment bundle (format=bundle)`;
}
