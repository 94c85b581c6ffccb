/**
 * The seam for @viplane/formats: the only place the server learns which export and import
 * formats exist. Today only the native topology.json import is built in. When the formats
 * package lands, register its codecs in the two maps below; the routes need no change.
 */
import { restore, type TopologyDocument } from '@viplane/model';
import { addressPlanCsv, designDiagramSvg, exportBundle, reportHtml, zipBundle } from '@viplane/formats';
import { svgToPng } from '@viplane/formats/png';
import type { Problem } from '../errors.ts';

export interface ExportCodec {
  id: string;
  title: string;
  mediaType: string;
  export(document: TopologyDocument): { filename: string; body: string | Uint8Array };
}

export type ImportResult = { ok: true; document: TopologyDocument } | { ok: false; errors: Problem[] };

export interface ImportCodec {
  id: string;
  title: string;
  import(bytes: Buffer): ImportResult;
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
};

const topologyJson: ImportCodec = {
  id: 'topology-json',
  title: 'Viplane topology document (topology.json)',
  import(bytes) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
    }
    const result = restore(parsed);
    return result.ok ? result : { ok: false, errors: result.errors };
  },
};

/** Files are named after the design so a download folder stays readable. */
function baseName(document: TopologyDocument): string {
  return document.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'design';
}

const builtIn: ExportCodec[] = [
  {
    id: 'bundle',
    title: 'deployment bundle (zip with README, configs, diagrams, report, topology.json)',
    mediaType: 'application/zip',
    export: (document) => ({ filename: `${baseName(document)}-bundle.zip`, body: zipBundle(exportBundle(document, { png: (svg) => svgToPng(svg) })) }),
  },
  {
    id: 'report',
    title: 'validation report (HTML)',
    mediaType: 'text/html; charset=utf-8',
    export: (document) => ({ filename: `${baseName(document)}-report.html`, body: reportHtml(document) }),
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

export const exportCodecs = new Map<string, ExportCodec>(builtIn.map((c) => [c.id, c]));
export const importCodecs = new Map<string, ImportCodec>([[topologyJson.id, topologyJson]]);

/** The 501 message: which format, and which package is not built yet. */
export function notBuiltMessage(direction: 'export' | 'import', format: string): string {
  const what = PLANNED_FORMATS[format] ?? format;
  const verb = direction === 'export' ? 'export to' : 'import from';
  return `${verb} "${format}" (${what}) is not built yet: it belongs to the @viplane/formats package, which does not exist yet`;
}
