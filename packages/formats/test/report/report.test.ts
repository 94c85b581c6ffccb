/** The validation report (Markdown and HTML): summary, every finding with its rule docs, the address plan. */
import { describe, expect, it } from 'vitest';
import { templates, getTemplate } from '@viplane/templates';
import { rules, validate } from '@viplane/validator';
import { escapeXml } from '../../src/diagrams/xml.ts';
import { reportHtml, reportMarkdown } from '../../src/report/index.ts';
import { demoteHeadings, markdownToHtml, mdLine, mdText } from '../../src/report/markdown.ts';

const docs = new Map(rules.map((r) => [r.meta.id, r.meta.docs]));

// Every template, and every known mistake of every template (these are the designs with errors).
const designs = templates.flatMap((t) => [
  { name: t.id, build: () => t.build() },
  ...t.mutations.map((m) => ({ name: `${t.id} / ${m.id}`, build: () => m.apply(t.build()) })),
]);

describe('report', () => {
  it.each(designs)('names every diagnostic of $name with its rule, message and docs', ({ build }) => {
    const doc = build();
    const diagnostics = validate(doc);
    const md = reportMarkdown(doc, { diagnostics });
    const html = reportHtml(doc, { diagnostics });
    for (const d of diagnostics) {
      expect(md).toContain(`**${d.ruleId}**: ${mdText(d.message)}`);
      expect(md).toContain(`### ${d.ruleId}\n`);
      expect(html).toContain(`<span class="rule">${escapeXml(d.ruleId)}</span> ${escapeXml(d.message)}`);
      expect(md).toContain(demoteHeadings(docs.get(d.ruleId)!.trim(), 1));
    }
    expect(html).not.toMatch(/<script/i);
  });

  it('groups findings by severity, errors first, and counts them', () => {
    const t = getTemplate('seed000-3net-alb')!;
    const doc = t.mutations.find((m) => m.id === 'no-data-default-route')!.apply(t.build());
    const md = reportMarkdown(doc);
    expect(md).toMatch(/\| Result \| 1 error, 0 warnings, 0 info \|/);
    expect(md).toMatch(/### Errors \(1\)\n\n- \*\*routing\/no-default-gateway\*\*/);
    const html = reportHtml(doc);
    expect(html).toContain('<li class="error"><span class="badge error">error</span>');
    expect(html).toContain('<h4>Why</h4>');
    const compact = reportMarkdown(doc, { omitRuleDocs: true });
    expect(compact).toContain('### routing/no-default-gateway\n');
    expect(compact).not.toContain('#### Why');
  });

  it('summarises the design: systems, networks, address plan', () => {
    const md = reportMarkdown(getTemplate('seed002-multi-3nic')!.build());
    expect(md).toContain('| HAProxy | 1 | HAProxy appliance × 1 |');
    expect(md).toContain('| frontend-pg | Port group | 192.168.130.0/24 | 192.168.130.1 | 130 | no | no | default |');
    expect(md).toContain('| frontend-pg | 192.168.130.0/24 | range | 192.168.130.128/25 | HAProxy VIP range | haproxy-01 |');
    expect(md).toContain('No findings.');
  });

  it('reports export findings in their own section and lists diagrams', () => {
    const doc = getTemplate('seed000-1net')!.build();
    const exportDiagnostics = [
      { ruleId: 'format/tkg-example', severity: 'warning' as const, message: 'VSPHERE_DATASTORE is empty', data: {}, targets: [] },
    ];
    const diagrams = [
      {
        title: 'Routing: SE group Default-Group',
        path: 'diagrams/routing-Default-Group.svg',
        svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      },
    ];
    const md = reportMarkdown(doc, { exportDiagnostics, diagrams });
    expect(md).toContain('## Export checks');
    expect(md).toContain('**format/tkg-example**: VSPHERE\\_DATASTORE is empty');
    expect(md).toContain('- [Routing: SE group Default-Group](diagrams/routing-Default-Group.svg)');
    const html = reportHtml(doc, { exportDiagnostics, diagrams });
    expect(html).toContain('<figure>\n<svg xmlns="http://www.w3.org/2000/svg"/>');
  });
});

describe('markdown helpers', () => {
  it('mdText makes user text literal', () => {
    expect(mdText('a *b* _c_ `d` [e](f) <g> | h # i')).toBe('a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> \\| h \\# i');
    expect(mdText('- item')).toBe('- item');
    expect(mdLine('- item')).toBe('\\- item');
    expect(mdLine('1. first')).toBe('1\\. first');
    expect(mdText('192.168.1.0/24')).toBe('192.168.1.0/24');
    expect(mdText('two\nlines')).toBe('two lines');
  });

  it('markdownToHtml escapes before it adds tags', () => {
    const html = markdownToHtml('### Why\nUse `<b>` and **bold** or *em* <script>x</script>\n- one\n  more\n- two');
    expect(html).toBe(
      '<h4>Why</h4>\n<p>Use <code>&lt;b&gt;</code> and <strong>bold</strong> or <em>em</em> &lt;script&gt;x&lt;/script&gt;</p>\n<ul><li>one more</li><li>two</li></ul>',
    );
  });
});
