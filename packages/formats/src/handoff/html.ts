/**
 * The handoff as HTML: a fragment (sections with tables, for the report) and a self-contained page
 * (inline style, no scripts, a CSP that forbids them). Every cell goes through escapeXml.
 */
import { escapeXml as e } from '../diagrams/xml.ts';
import { groups } from './markdown.ts';
import { HTML_PAGE_TAIL, htmlPageHead } from '../report/htmlPage.ts';
import type { Handoff } from './types.ts';

/** Sections with `<h{level}>` for the title. */
export function handoffHtmlFragment(handoff: Handoff, level = 1): string {
  const h = (n: number) => Math.min(6, level + n);
  const out: string[] = [`<section class="handoff">`, `<h${h(0)}>Network handoff: ${e(handoff.designName)}</h${h(0)}>`];
  for (const t of handoff.tables) {
    out.push(`<h${h(1)} id="handoff-${t.id}">${e(t.title)}</h${h(1)}>`, `<p>${e(t.description)}</p>`);
    if (t.rows.length === 0) {
      out.push('<p>Nothing in this design.</p>');
      continue;
    }
    const cols = t.columns.filter((c) => c.key !== t.groupBy);
    for (const [group, rows] of groups(t)) {
      if (group !== null) out.push(`<h${h(2)}>${e(group || '(none)')}</h${h(2)}>`);
      out.push('<div class="plan"><table>', `<thead><tr>${cols.map((c) => `<th>${e(c.label)}</th>`).join('')}</tr></thead>`, '<tbody>');
      for (const r of rows)
        out.push(
          `<tr${r.requirement ? ` class="${e(r.requirement)}"` : ''}>${cols.map((c) => `<td>${e(r[c.key] ?? '')}</td>`).join('')}</tr>`,
        );
      out.push('</tbody></table></div>');
    }
  }
  out.push('</section>');
  return out.join('\n');
}

const STYLE = `
body { font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #1a202c; margin: 0; background: #f4f6f9; }
main { max-width: 1280px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
h1 { font-size: 24px; } h2 { font-size: 19px; margin-top: 32px; border-bottom: 2px solid #e2e8f0; } h3 { font-size: 16px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #e2e8f0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f7f9fb; }
tr.doubtful td { background: #fff8e6; }
.plan { overflow-x: auto; }
`;

export function handoffHtml(handoff: Handoff): string {
  const title = `Network handoff: ${handoff.designName}`;
  return [...htmlPageHead(title, STYLE), handoffHtmlFragment(handoff, 1), ...HTML_PAGE_TAIL].join('\n');
}
