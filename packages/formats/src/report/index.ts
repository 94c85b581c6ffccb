/**
 * The validation report, as Markdown and as one self-contained HTML page (inline stylesheet, no
 * scripts, a Content-Security-Policy that forbids them anyway): the design summary (elements by
 * system, networks), the diagnostics grouped by severity with each rule's documentation, and the
 * address plan. Every piece of user text is escaped (mdText for Markdown, escapeXml for HTML).
 */
import { kindInfo, systems, type ElementKind, type SystemId, type TopologyDocument } from '@viplane/model';
import { lower, rules, validate, type Diagnostic, type L3Model, type Severity } from '@viplane/validator';
import { ADDRESS_PLAN_COLUMNS, addressPlan, type AddressPlanRow } from '../address-plan/index.ts';
import { escapeXml } from '../diagrams/xml.ts';
import { HTML_PAGE_TAIL, htmlPageHead } from './htmlPage.ts';
import { demoteHeadings, markdownToHtml, mdCell, mdLine, mdText } from './markdown.ts';
import { handoffMarkdown } from '../handoff/markdown.ts';
import { handoffHtmlFragment } from '../handoff/html.ts';
import type { Handoff } from '../handoff/types.ts';
import { commentTargetName, commentTime, groupThreads, type ReportCommentThread } from './comments.ts';

export interface ReportDiagram {
  title: string;
  /** Where the diagram file is, relative to the report (Markdown links to it). */
  path: string;
  /** The SVG itself (the HTML report inlines it). */
  svg: string;
}

export interface ReportOptions {
  /** The design's diagnostics; default: validate(document). */
  diagnostics?: Diagnostic[];
  /** Findings of the deployment-file export (exportConfigs), reported in their own section. */
  exportDiagnostics?: Diagnostic[];
  /** Diagrams to link (Markdown) or show (HTML). */
  diagrams?: ReportDiagram[];
  model?: L3Model;
  /** The network handoff (buildHandoff), as a section after the address plan. */
  handoff?: Handoff;
  /**
   * The design's comment threads (stored beside the design, not in the document): with them, a
   * Comments section lists open and resolved threads by target. Without them, no section.
   */
  comments?: readonly ReportCommentThread[];
  /** Leave out the rules' documentation bodies (compact reports; golden files that should not change with doc wording). */
  omitRuleDocs?: boolean;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const HEADING: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const SYSTEM_ORDER: readonly SystemId[] = ['physical', 'vsphere', 'nsx-alb', 'haproxy', 'nsxt', 'aci', 'tkg', 'tanzu', 'kubernetes'];

const ruleMeta = new Map(rules.map((r) => [r.meta.id, r.meta]));

interface ReportData {
  document: TopologyDocument;
  model: L3Model;
  diagnostics: Diagnostic[];
  exportDiagnostics: Diagnostic[];
  plan: AddressPlanRow[];
  names: Map<string, string>;
}

function collect(document: TopologyDocument, options: ReportOptions): ReportData {
  const model = options.model ?? lower(document);
  return {
    document,
    model,
    diagnostics: options.diagnostics ?? validate(document),
    exportDiagnostics: options.exportDiagnostics ?? [],
    plan: addressPlan(document, model),
    names: new Map(document.elements.map((e) => [e.id, e.name])),
  };
}

/** `2 errors, 1 warning, 0 info`. */
export function countText(diagnostics: readonly Diagnostic[]): string {
  const n = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  const e = n('error');
  const w = n('warning');
  return `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${n('info')} info`;
}

/** The summary table at the top of both report formats. */
function summaryRows(document: TopologyDocument, data: ReportData, options: ReportOptions): string[][] {
  return [
    ['Result', countText(data.diagnostics)],
    ['Environment', document.environment],
    ['Origin', document.origin ?? ''],
    ['Elements', String(document.elements.length)],
    ['Networks', String(data.model.networks.length)],
    ...(options.exportDiagnostics ? [['Export checks', countText(data.exportDiagnostics)]] : []),
  ];
}

function systemRows(document: TopologyDocument): { system: string; count: number; kinds: string }[] {
  return SYSTEM_ORDER.map((system) => {
    const els = document.elements.filter((e) => kindInfo[e.kind].system === system);
    const kinds = new Map<ElementKind, number>();
    for (const e of els) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    return { system: systems[system], count: els.length, kinds: [...kinds].map(([k, n]) => `${kindInfo[k].label} × ${n}`).join(', ') };
  }).filter((r) => r.count > 0);
}

function networkRows(model: L3Model): string[][] {
  return model.networks.map((n) => [
    n.name,
    kindInfo[n.kind].label,
    n.subnetText ?? '',
    n.gatewayText ?? '',
    n.vlan === null ? '' : String(n.vlan),
    n.dhcp ? 'yes' : 'no',
    n.kind === 'portGroup' ? (n.albRegistered ? 'yes' : 'no') : '',
    n.routingDomain,
  ]);
}
const NETWORK_HEAD = ['Network', 'Kind', 'Subnet', 'Gateway', 'VLAN', 'DHCP', 'NSX-ALB registered', 'Routing domain'];

function targetsText(d: Diagnostic, names: Map<string, string>): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of d.targets) {
    const text = names.get(t.id) ?? t.id;
    if (!seen.has(text)) out.push(text);
    seen.add(text);
  }
  return out.join(', ');
}

function ruleIds(data: ReportData): string[] {
  return [...new Set([...data.diagnostics, ...data.exportDiagnostics].map((d) => d.ruleId))].sort();
}

const EXPORT_RULE_DOC =
  'A check the real tool applies to the file it is given (shared/formats.md), made while writing the deployment files; the message names the value to fix.';

// ---------------------------------------------------------------------------------------------
// Markdown

export function reportMarkdown(document: TopologyDocument, options: ReportOptions = {}): string {
  const data = collect(document, options);
  const out: string[] = [];
  const table = (head: readonly string[], rows: readonly (readonly string[])[]) => {
    out.push(`| ${head.map(mdCell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const r of rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
    out.push('');
  };
  out.push(`# Validation report: ${mdText(document.name || 'Untitled design')}`, '');
  for (const para of document.description.split(/\n\s*\n|\n/).filter((p) => p.trim() !== '')) out.push(mdLine(para.trim()), '');
  table(['', ''], summaryRows(document, data, options));

  out.push('## Design summary', '', '### Elements by system', '');
  table(
    ['System', 'Elements', 'Kinds'],
    systemRows(document).map((r) => [r.system, String(r.count), r.kinds]),
  );
  out.push('### Networks', '');
  if (data.model.networks.length === 0) out.push('No networks.', '');
  else table(NETWORK_HEAD, networkRows(data.model));

  const section = (title: string, list: Diagnostic[]) => {
    out.push(`## ${title}`, '');
    if (list.length === 0) out.push('No findings.', '');
    for (const sev of SEVERITIES) {
      const group = list.filter((d) => d.severity === sev);
      if (group.length === 0) continue;
      out.push(`### ${HEADING[sev]} (${group.length})`, '');
      for (const d of group) {
        const where = targetsText(d, data.names);
        out.push(`- **${d.ruleId}**: ${mdText(d.message)}${where ? ` (${mdText(where)})` : ''}`);
      }
      out.push('');
    }
  };
  section('Diagnostics', data.diagnostics);
  if (options.exportDiagnostics) section('Export checks', data.exportDiagnostics);

  const ids = ruleIds(data);
  if (ids.length > 0) {
    out.push('## Rules', '');
    for (const id of ids) {
      const meta = ruleMeta.get(id);
      out.push(`### ${id}`, '');
      if (meta)
        out.push(
          `${mdLine(meta.description)} Default severity: ${meta.severity}.`,
          '',
          options.omitRuleDocs ? '' : demoteHeadings(meta.docs.trim(), 1),
          '',
        );
      else out.push(EXPORT_RULE_DOC, '');
    }
  }

  if (options.comments) {
    out.push('## Comments', '');
    if (options.comments.length === 0) out.push('No comments.', '');
    for (const group of groupThreads(options.comments)) {
      if (group.threads.length === 0) continue;
      out.push(`### ${group.title} (${group.threads.length})`, '');
      for (const t of group.threads) {
        const resolved = t.status === 'resolved' && t.resolvedBy ? ` (resolved by ${mdText(t.resolvedBy)})` : '';
        out.push(`- On **${mdText(commentTargetName(document, t.target))}**${resolved}:`);
        for (const c of t.comments) out.push(`  - ${mdText(c.author)}, ${commentTime(c.createdAt)}: ${mdText(c.body)}`);
      }
      out.push('');
    }
  }

  out.push('## Address plan', '');
  table(
    ADDRESS_PLAN_COLUMNS.map((c) => c[0]!.toUpperCase() + c.slice(1)),
    data.plan.map((r) => ADDRESS_PLAN_COLUMNS.map((c) => r[c])),
  );

  if (options.handoff) out.push(handoffMarkdown(options.handoff, 2), '');

  if (options.diagrams && options.diagrams.length > 0) {
    out.push('## Diagrams', '');
    for (const d of options.diagrams) out.push(`- [${mdText(d.title)}](${encodeURI(d.path)})`);
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

// ---------------------------------------------------------------------------------------------
// HTML

const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: #1a202c; margin: 0; background: #f4f6f9; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
h1 { font-size: 24px; margin: 8px 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #e2e8f0; }
h3 { font-size: 16px; margin: 20px 0 6px; }
h4, h5, h6 { font-size: 14px; margin: 12px 0 4px; color: #4a5568; }
p { margin: 6px 0; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f1f4f8; padding: 1px 4px; border-radius: 3px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #e2e8f0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f7f9fb; font-weight: 600; }
tr:nth-child(even) td { background: #fbfcfd; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.summary td:first-child { font-weight: 600; }
.badge { display: inline-block; min-width: 58px; text-align: center; font-size: 11px; font-weight: 700; text-transform: uppercase; border-radius: 10px; padding: 1px 8px; color: #fff; }
.error { background: #c53030; } .warning { background: #b7791f; } .info { background: #2b6cb0; }
ul.findings { list-style: none; padding: 0; }
ul.findings li { margin: 6px 0; padding: 6px 10px; border-left: 4px solid #e2e8f0; background: #fafbfc; }
ul.findings li.error { border-color: #c53030; } ul.findings li.warning { border-color: #b7791f; } ul.findings li.info { border-color: #2b6cb0; }
ul.findings li { color: inherit; }
.rule { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-weight: 600; }
.where { color: #5a6678; }
.doc { border: 1px solid #e2e8f0; border-radius: 6px; padding: 4px 16px 10px; margin: 10px 0 18px; }
figure { margin: 16px 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; border: 1px solid #e2e8f0; }
figcaption { color: #5a6678; font-size: 13px; }
.plan { overflow-x: auto; }
ul.comments > li { margin: 8px 0; } ul.comments > li.resolved { color: #5a6678; }
.author { font-weight: 600; }
`;

export function reportHtml(document: TopologyDocument, options: ReportOptions = {}): string {
  const data = collect(document, options);
  const e = escapeXml;
  const out: string[] = [];
  const table = (head: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number> = new Set(), cls?: string) => {
    out.push(`<table${cls ? ` class="${cls}"` : ''}>`);
    if (head.some((h) => h !== '')) out.push(`<thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>`);
    out.push('<tbody>');
    for (const r of rows) out.push(`<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="num"' : ''}>${e(c)}</td>`).join('')}</tr>`);
    out.push('</tbody></table>');
  };
  const title = `Validation report: ${document.name || 'Untitled design'}`;
  out.push(...htmlPageHead(title, STYLE, { images: true }), `<h1>${e(title)}</h1>`);
  for (const para of document.description.split(/\n\s*\n|\n/).filter((p) => p.trim() !== '')) out.push(`<p>${e(para.trim())}</p>`);
  table(['', ''], summaryRows(document, data, options), new Set(), 'summary');

  out.push('<h2>Design summary</h2>', '<h3>Elements by system</h3>');
  table(
    ['System', 'Elements', 'Kinds'],
    systemRows(document).map((r) => [r.system, String(r.count), r.kinds]),
    new Set([1]),
  );
  out.push('<h3>Networks</h3>');
  if (data.model.networks.length === 0) out.push('<p>No networks.</p>');
  else table(NETWORK_HEAD, networkRows(data.model), new Set([4]));

  const section = (heading: string, list: Diagnostic[]) => {
    out.push(`<h2>${e(heading)}</h2>`);
    if (list.length === 0) out.push('<p>No findings.</p>');
    for (const sev of SEVERITIES) {
      const group = list.filter((d) => d.severity === sev);
      if (group.length === 0) continue;
      out.push(`<h3>${HEADING[sev]} (${group.length})</h3>`, '<ul class="findings">');
      for (const d of group) {
        const where = targetsText(d, data.names);
        out.push(
          `<li class="${sev}"><span class="badge ${sev}">${sev}</span> <span class="rule">${e(d.ruleId)}</span> ${e(d.message)}${where ? ` <span class="where">(${e(where)})</span>` : ''}</li>`,
        );
      }
      out.push('</ul>');
    }
  };
  section('Diagnostics', data.diagnostics);
  if (options.exportDiagnostics) section('Export checks', data.exportDiagnostics);

  const ids = ruleIds(data);
  if (ids.length > 0) {
    out.push('<h2>Rules</h2>');
    for (const id of ids) {
      const meta = ruleMeta.get(id);
      out.push('<section class="doc">', `<h3><span class="rule">${e(id)}</span></h3>`);
      if (meta)
        out.push(
          `<p>${e(meta.description)} Default severity: ${e(meta.severity)}.</p>`,
          options.omitRuleDocs ? '' : markdownToHtml(meta.docs, 4),
        );
      else out.push(`<p>${e(EXPORT_RULE_DOC)}</p>`);
      out.push('</section>');
    }
  }

  if (options.comments) {
    out.push('<h2>Comments</h2>');
    if (options.comments.length === 0) out.push('<p>No comments.</p>');
    for (const group of groupThreads(options.comments)) {
      if (group.threads.length === 0) continue;
      out.push(`<h3>${group.title} (${group.threads.length})</h3>`, '<ul class="comments">');
      for (const t of group.threads) {
        const resolved = t.status === 'resolved' && t.resolvedBy ? ` <span class="where">(resolved by ${e(t.resolvedBy)})</span>` : '';
        out.push(`<li class="${t.status}">On <strong>${e(commentTargetName(document, t.target))}</strong>${resolved}<ul>`);
        for (const c of t.comments)
          out.push(
            `<li><span class="author">${e(c.author)}</span> <span class="where">${e(commentTime(c.createdAt))}</span>: ${e(c.body)}</li>`,
          );
        out.push('</ul></li>');
      }
      out.push('</ul>');
    }
  }

  out.push('<h2>Address plan</h2>', '<div class="plan">');
  table(
    ADDRESS_PLAN_COLUMNS.map((c) => c[0]!.toUpperCase() + c.slice(1)),
    data.plan.map((r) => ADDRESS_PLAN_COLUMNS.map((c) => r[c])),
    new Set([7, 8, 9]),
  );
  out.push('</div>');

  if (options.handoff) out.push(handoffHtmlFragment(options.handoff, 2));

  if (options.diagrams && options.diagrams.length > 0) {
    out.push('<h2>Diagrams</h2>');
    // The SVGs come from this package's diagram writer, which escapes every label.
    for (const d of options.diagrams)
      out.push('<figure>', d.svg.replace(/^<\?xml[^>]*>\s*/, '').trim(), `<figcaption>${e(d.title)}</figcaption>`, '</figure>');
  }
  out.push(...HTML_PAGE_TAIL);
  return out.join('\n');
}
