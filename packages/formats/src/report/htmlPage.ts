/**
 * The frame of a standalone HTML document Viplane writes (the report, the network handoff): a
 * strict Content-Security-Policy (no script, no remote anything), the inline style, the escaped
 * title. One definition so every page keeps the same policy.
 */
import { escapeXml as e } from '../diagrams/xml.ts';

/** The lines before the page body, up to and including `<main>`; `images`: allow `data:` images (inline PNG). */
export function htmlPageHead(title: string, style: string, { images = false }: { images?: boolean } = {}): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'${images ? '; img-src data:' : ''}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<main>',
  ];
}

/** The lines after the page body. */
export const HTML_PAGE_TAIL: readonly string[] = ['</main>', '</body>', '</html>', ''];
