/**
 * Markdown helpers for the report: escaping user text into Markdown, and a small renderer for the
 * subset the rule docs use (ATX headings, paragraphs, `-` lists, `code`, **bold**, *emphasis*) into
 * HTML. The renderer escapes first (escapeXml) and only then adds tags, so no input becomes markup.
 */
import { escapeXml } from '../diagrams/xml.ts';

/** User text as literal Markdown inline text (no emphasis, links, HTML or headings). */
export function mdText(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`);
}

/** User text that starts a line (a paragraph): also no list item, setext heading or numbered list. */
export function mdLine(text: string): string {
  return mdText(text)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A table cell: literal text on one line. */
export function mdCell(text: string): string {
  return text === '' ? ' ' : mdText(text);
}

/** Shifts ATX headings down by `levels` (rule docs' `###` under the report's own `###`). */
export function demoteHeadings(markdown: string, levels: number): string {
  return markdown.replace(/^(#{1,6})(?=\s)/gm, (h) => '#'.repeat(Math.min(6, h.length + levels)));
}

/** The docs subset of Markdown as HTML; headings shifted to start at `<h{base}>`. */
export function markdownToHtml(markdown: string, base = 4): string {
  const out: string[] = [];
  let para: string[] = [];
  let list: string[] | null = null;
  const flushPara = () => {
    if (para.length > 0) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
  };
  const flushList = () => {
    if (list) out.push(`<ul>${list.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`);
    list = null;
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (heading) {
      flushPara();
      flushList();
      const level = Math.min(6, base + Math.max(0, heading[1]!.length - 3));
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
    } else if (item) {
      flushPara();
      (list ??= []).push(item[1]!);
    } else if (line.trim() === '') {
      flushPara();
      flushList();
    } else if (list && /^\s+/.test(raw)) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      para.push(line.trim());
    }
  }
  flushPara();
  flushList();
  return out.join('\n');
}

function inline(text: string): string {
  // Code spans first (their content stays literal), then emphasis on the rest.
  return text
    .split(/(`[^`]*`)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length >= 2
        ? `<code>${escapeXml(part.slice(1, -1))}</code>`
        : escapeXml(part)
            .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
            .replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?!\w)/g, '$1<em>$2</em>'),
    )
    .join('');
}
