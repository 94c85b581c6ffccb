/** The handoff as Markdown: one section per table (the firewall matrix grouped by enforcement point); every cell escaped (mdCell). */
import { mdCell, mdLine, mdText } from '../report/markdown.ts';
import type { Handoff, HandoffTable } from './types.ts';

/** `level`: the heading level of the handoff's title (1 on its own, 2 inside the report). */
export function handoffMarkdown(handoff: Handoff, level = 1): string {
  const h = (n: number) => '#'.repeat(Math.min(6, level + n));
  const out: string[] = [`${h(0)} Network handoff: ${mdText(handoff.designName)}`, ''];
  if (level === 1)
    out.push(
      mdLine(
        'What the network team configures for this design: port groups and VLANs, subnets, reserved ranges and holders, routes, DNS, firewall rules and L2 requirements.',
      ),
      '',
    );
  for (const t of handoff.tables) {
    out.push(`${h(1)} ${mdText(t.title)}`, '', mdLine(t.description), '');
    if (t.rows.length === 0) {
      out.push('Nothing in this design.', '');
      continue;
    }
    for (const [group, rows] of groups(t)) {
      if (group !== null) out.push(`${h(2)} ${mdText(group || '(none)')}`, '');
      const cols = t.columns.filter((c) => c.key !== t.groupBy);
      out.push(`| ${cols.map((c) => mdCell(c.label)).join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`);
      for (const r of rows) out.push(`| ${cols.map((c) => mdCell(r[c.key] ?? '')).join(' | ')} |`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Rows by the table's groupBy column in first-seen order (rows are already sorted); one `null` group without it. */
export function groups(table: HandoffTable): [string | null, Record<string, string>[]][] {
  if (!table.groupBy) return [[null, table.rows]];
  const map = new Map<string, Record<string, string>[]>();
  for (const r of table.rows) {
    const key = r[table.groupBy] ?? '';
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  }
  return [...map];
}
