/**
 * The one escape for everything this package writes into XML or HTML: SVG diagrams and the HTML
 * report. Every label, title and attribute value goes through escapeXml(); nothing else writes
 * user text into markup.
 */

// Characters XML 1.0 cannot carry: C0 controls but tab/newline/CR, U+FFFE/U+FFFF, lone surrogates.
/* eslint-disable no-control-regex -- matching exactly these control characters is the point */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/* eslint-enable no-control-regex */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text -> XML character data / attribute value. `& < > " '` become entities, so a name like
 * `<script>alert(1)</script> & "x"` renders as that text; characters XML cannot carry at all become
 * U+FFFD, so any name still gives a well-formed document.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
