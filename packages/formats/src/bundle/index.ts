/**
 * The deployment bundle (domain.md §8): everything a team needs for one design, as files.
 *
 *   exportBundle(document, { png? }) -> Promise<{ files: {path, content}[], diagnostics }>   sorted by path
 *     (async: the handoff's XLSX writer, exceljs, only writes asynchronously)
 *   zipBundle(bundle)                -> Uint8Array                     deterministic zip
 *
 * Browser-safe: PNG rendering is passed in (`png: svgToPng` from `@viplane/formats/png` on Node).
 * The same document gives byte-identical files and zips.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { TopologyDocument } from '@viplane/model';
import { compareDiagnostics, lower, validate, type Diagnostic } from '@viplane/validator';
import { exportConfigs, fileSafe, sortKeys } from '../configs.ts';
import { addressPlan, addressPlanCsv } from '../address-plan/index.ts';
import { designDiagramSvg } from '../diagrams/design.ts';
import { routingDiagramSvg, routingHosts } from '../diagrams/routing.ts';
import { reportHtml, reportMarkdown, type ReportDiagram } from '../report/index.ts';
import { buildHandoff } from '../handoff/build.ts';
import { handoffFiles } from '../handoff/files.ts';
import type { HandoffFlows } from '../handoff/types.ts';
import { handoffFlows } from '../handoff/flowsSource.ts';
import type { ReportCommentThread } from '../report/comments.ts';
import { bundleReadme } from './readme.ts';

export interface BundleFile {
  /** Relative, `/`-separated. */
  path: string;
  content: string | Uint8Array;
}

export interface Bundle {
  /** Sorted by path. */
  files: BundleFile[];
  /**
   * Every finding on what was written, one list: the validator's (the design) and the export's own
   * format checks (the files), as report.md lists them. A caller that must say whether the bundle is
   * deployable (`viplane export` exit 1, /api/export's X-Viplane-Errors header) counts its errors.
   */
  diagnostics?: Diagnostic[];
}

/** A PNG made within a budget, scaled down to fit it (said in `note`), or skipped (said in `skipped`). */
export type PngOutcome = { png: Uint8Array; note?: string } | { skipped: string };

/** The PNG budget of one bundle (server and CLI): pixels per diagram, and for all of a bundle's diagrams together. */
export const PNG_BUDGET = { perDiagram: 16_000_000, perBundle: 64_000_000 } as const;

export interface BundleOptions {
  /**
   * Renders an SVG to PNG; with it, every diagram is also written as `.png`. A renderer with a pixel
   * budget (svgToPngWithin) may scale a PNG down or skip it: the README says which and why.
   */
  png?: (svg: string) => Uint8Array | PngOutcome;
  /** The flows for the handoff's firewall matrix and L2 requirements; default: handoffFlows(document) (the validator's designFlows). */
  flows?: HandoffFlows;
  /** The design's comment threads (kept beside the design, not in it): the report lists them. */
  comments?: readonly ReportCommentThread[];
}

export async function exportBundle(document: TopologyDocument, options: BundleOptions = {}): Promise<Bundle> {
  const model = lower(document);
  const diagnostics = validate(document);
  const configs = exportConfigs(document);
  const files: BundleFile[] = configs.files.map((f) => ({ path: f.path, content: f.content }));

  const diagrams: ReportDiagram[] = [
    { title: `Design overview: ${document.name}`, path: 'diagrams/design.svg', svg: designDiagramSvg(document, model) },
  ];
  const used = new Set<string>();
  for (const host of routingHosts(document)) {
    let base = `routing-${fileSafe(host.name, host.id)}`;
    for (let n = 2; used.has(base); n++) base = `routing-${fileSafe(host.name, host.id)}-${n}`;
    used.add(base);
    diagrams.push({
      title: `Routing: ${host.kind === 'seGroup' ? 'SE group' : 'HAProxy'} ${host.name}`,
      path: `diagrams/${base}.svg`,
      svg: routingDiagramSvg(document, host.id, model),
    });
  }
  const notes: string[] = [];
  for (const d of diagrams) {
    files.push({ path: d.path, content: d.svg });
    if (!options.png) continue;
    const pngPath = d.path.replace(/\.svg$/, '.png');
    const made = options.png(d.svg);
    if (made instanceof Uint8Array) files.push({ path: pngPath, content: made });
    else if ('png' in made) {
      files.push({ path: pngPath, content: made.png });
      if (made.note) notes.push(`\`${pngPath}\`: ${made.note}.`);
    } else notes.push(`\`${pngPath}\` was not made: ${made.skipped}.`);
  }

  files.push({ path: 'address-plan.csv', content: addressPlanCsv(document, model) });
  const flows = options.flows ?? handoffFlows(document);
  const plan = addressPlan(document, model);
  const handoff = buildHandoff(document, flows, model, plan);
  for (const f of await handoffFiles(document, flows, model, plan, handoff)) files.push({ path: `handoff/${f.path}`, content: f.content });
  const reportOptions = {
    diagnostics,
    exportDiagnostics: configs.diagnostics,
    diagrams,
    model,
    handoff,
    ...(options.comments ? { comments: options.comments } : {}),
  };
  files.push({ path: 'report.md', content: reportMarkdown(document, reportOptions) });
  files.push({ path: 'report.html', content: reportHtml(document, reportOptions) });
  files.push({ path: 'topology.json', content: `${JSON.stringify(sortKeys(document), null, 2)}\n` });

  const paths = [...files.map((f) => f.path), 'README.md'].sort(byPath);
  files.push({ path: 'README.md', content: bundleReadme(document, paths, diagnostics, configs.diagnostics, notes) });
  files.sort((a, b) => byPath(a.path, b.path));
  return { files, diagnostics: [...diagnostics, ...configs.diagnostics].sort(compareDiagnostics) };
}

/** The bundle as a zip: entries in path order, fixed timestamps, deflate level 6. */
export function zipBundle(bundle: Bundle): Uint8Array {
  // 2000-01-01 00:00 in local fields, made at call time: the zip's DOS time is local time, so the
  // same fields (and bytes) come out in every time zone.
  const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);
  const entries: Zippable = {};
  for (const f of [...bundle.files].sort((a, b) => byPath(a.path, b.path)))
    entries[f.path] = [typeof f.content === 'string' ? strToU8(f.content) : f.content, { mtime: FIXED_MTIME, level: 6 }];
  return zipSync(entries, { mtime: FIXED_MTIME });
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
