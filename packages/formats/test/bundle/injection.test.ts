/**
 * Label injection: a design whose names are `<script>alert(1)</script> & "x"` must come out as
 * that text in every format - escaped in SVG and HTML, quoted in CSV, escaped in Markdown.
 */
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  addressPlanCsv,
  designDiagramSvg,
  exportBundle,
  reportHtml,
  reportMarkdown,
  routingDiagramSvg,
  routingHosts,
} from '../../src/index.ts';
import { EVIL, evilDocument } from './evil.ts';

const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;';

/** Every text node of a parsed XML tree. */
function texts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) texts(v, out);
  return out;
}

/** RFC 4180 records (quoted fields with doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('label injection', () => {
  const doc = evilDocument();

  it('SVG: the name is escaped, the document stays well-formed, and it reads back as the same text', () => {
    const svgs = [designDiagramSvg(doc), ...routingHosts(doc).map((h) => routingDiagramSvg(doc, h.id))];
    for (const svg of svgs) {
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg).not.toContain('<script');
      expect(svg).toContain(ESCAPED);
      const all = texts(new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(svg));
      expect(all.some((t) => t.includes(EVIL))).toBe(true);
    }
  });

  it('HTML report: escaped everywhere, no script element', () => {
    const html = reportHtml(doc);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`<title>Validation report: ${ESCAPED}</title>`);
    expect(html).toContain(`<h1>Validation report: ${ESCAPED}</h1>`);
    expect(html.split(ESCAPED).length).toBeGreaterThan(5);
    expect(html).toContain('Content-Security-Policy');
  });

  it('CSV: the field is quoted with doubled quotes and parses back to the name', () => {
    const csv = addressPlanCsv(doc);
    expect(csv).toContain('"<script>alert(1)</script> & ""x"""');
    const rows = parseCsv(csv);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([10]));
    expect(rows.some((r) => r.includes(EVIL))).toBe(true);
  });

  it('Markdown report: no raw HTML tag survives', () => {
    const md = reportMarkdown(doc);
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\& "x"');
  });

  it('bundle: the injected name never appears unescaped in a markup file', async () => {
    for (const f of (await exportBundle(doc)).files) {
      if (typeof f.content !== 'string' || !/\.(svg|html)$/.test(f.path)) continue;
      expect(f.content, f.path).not.toContain('<script');
    }
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and replaces characters XML cannot hold', async () => {
    const { escapeXml } = await import('../../src/diagrams/xml.ts');
    expect(escapeXml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;');
    expect(escapeXml('bell\u0007 tab\t lone\uD800 pair\uD83D\uDE00')).toBe('bell\uFFFD tab\t lone\uFFFD pair\uD83D\uDE00');
    expect(XMLValidator.validate(`<t>${escapeXml('x\u0001\uFFFF<y>')}</t>`)).toBe(true);
  });
});
