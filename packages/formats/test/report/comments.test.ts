/** The report's Comments section: open and resolved threads by target name, every text escaped. */
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { getTemplate } from '@viplane/templates';
import { exportBundle, zipBundle } from '../../src/bundle/index.ts';
import type { ReportCommentThread } from '../../src/report/comments.ts';
import { reportHtml, reportMarkdown } from '../../src/report/index.ts';

const doc = getTemplate('seed000-3net-alb')!.build();
const pg = doc.elements.find((e) => e.kind === 'portGroup')!;
const link = doc.links[0]!;
const name = (id: string) => doc.elements.find((e) => e.id === id)!.name;
const HOSTILE = `<script>alert("x")</script> & **bold** [l](javascript:x) <img src=x onerror=y>`;

const threads: ReportCommentThread[] = [
  {
    target: { kind: 'element', id: pg.id },
    status: 'open',
    comments: [
      { author: 'Alice', body: 'Is VLAN 10 right?', createdAt: '2026-12-07T21:40:12.345Z' },
      { author: HOSTILE, body: HOSTILE, createdAt: '2026-12-07T21:41:00Z' },
    ],
  },
  {
    target: { kind: 'link', id: link.id },
    status: 'resolved',
    resolvedBy: 'Bob <b>',
    comments: [{ author: 'Bob', body: 'Gateway fixed', createdAt: '2026-12-07T22:00:00Z' }],
  },
  {
    target: { kind: 'element', id: 'gone-1' },
    status: 'open',
    comments: [{ author: 'Eve', body: 'old', createdAt: '2026-12-01T00:00:00Z' }],
  },
  {
    target: { kind: 'point', x: 10.4, y: -3.6 },
    status: 'resolved',
    comments: [{ author: 'Eve', body: 'here', createdAt: '2026-12-01T00:00:00Z' }],
  },
];

describe('report comments', () => {
  it('lists open threads, then resolved ones, by target name (Markdown)', () => {
    const md = reportMarkdown(doc, { comments: threads });
    const section = md.slice(md.indexOf('## Comments'), md.indexOf('## Address plan'));
    expect(section).toMatch(/### Open \(2\)[\s\S]*### Resolved \(2\)/);
    expect(section).toContain(`- On **${pg.name}**:\n  - Alice, 2026-12-07 21:40 UTC: Is VLAN 10 right?`);
    expect(section).toContain(`the connection ${name(link.from)} → ${name(link.to)}`);
    expect(section).toContain('a removed element (gone-1)');
    expect(section).toContain('the canvas at (10, -4)');
    expect(section).toContain('(resolved by Bob \\<b\\>)');
    // Markdown escapes: no raw HTML, emphasis or link survives.
    expect(section).not.toContain('<script>');
    expect(section).not.toContain('**bold**');
    expect(section).toContain('\\<script\\>');
    expect(section).toContain('\\[l\\](javascript:x)');
  });

  it('escapes every author, body and name in HTML', () => {
    const html = reportHtml(doc, { comments: threads });
    const section = html.slice(html.indexOf('<h2>Comments</h2>'), html.indexOf('<h2>Address plan</h2>'));
    expect(section).toContain('<h3>Open (2)</h3>');
    expect(section).toContain('<h3>Resolved (2)</h3>');
    expect(section).toContain(`<li class="open">On <strong>${pg.name}</strong>`);
    expect(section).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; **bold**');
    expect(section).toContain('(resolved by Bob &lt;b&gt;)');
    expect(section).not.toMatch(/<script|<img|onerror=y>/i);
  });

  it('has no section without comments, and says so when the list is empty', () => {
    expect(reportMarkdown(doc)).not.toContain('## Comments');
    expect(reportMarkdown(doc, { comments: [] })).toContain('## Comments\n\nNo comments.');
    expect(reportHtml(doc, { comments: [] })).toContain('<h2>Comments</h2>\n<p>No comments.</p>');
  });

  it('reaches the bundle report through exportBundle({ comments }), byte for byte the same each time', async () => {
    const a = zipBundle(await exportBundle(doc, { comments: threads }));
    const b = zipBundle(await exportBundle(doc, { comments: threads }));
    expect(a).toEqual(b);
    const files = unzipSync(a);
    expect(strFromU8(files['report.md']!)).toContain('## Comments');
    expect(strFromU8(files['report.html']!)).toContain('<h2>Comments</h2>');
  });
});
