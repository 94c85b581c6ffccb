/**
 * A small SVG writer for the diagrams: shapes and text at computed positions, numbers rounded to
 * 0.1 px, every string through escapeXml(), no ids, no dates, so the same layout gives the same
 * bytes. It also records what it drew (solid boxes, line segments) so tests can check a layout for
 * overlaps without parsing the SVG back.
 */
import { escapeXml } from './xml.ts';

/** Sans-serif stack: the browser picks its UI font; resvg (PNG) falls through to DejaVu Sans. */
export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

// Advance widths of DejaVu Sans (em units) for printable ASCII, 32..126. DejaVu is the widest font of
// the stack above, so a box sized with these fits the text in every font the stack can pick.
const ASCII_WIDTHS = [
  0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361, 0.318, 0.337, 0.636, 0.636, 0.636, 0.636,
  0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531, 1.0, 0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775,
  0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787, 0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.39,
  0.337, 0.39, 0.838, 0.5, 0.5, 0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
  0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
];
const BOLD_FACTOR = 1.1;

/** Estimated advance width of `text` in px (DejaVu Sans metrics; wide glyphs count 1 em). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 32 && code <= 126) em += ASCII_WIDTHS[code - 32]!;
    else if (code === 0x2013 || code === 0x00b7) em += code === 0x2013 ? 0.5 : 0.318;
    else if (code === 0x2192 || code === 0x00d7 || code === 0x2026) em += 0.838;
    else if (code < 0x1100) em += 0.7;
    else em += 1.0;
  }
  return em * size * (bold ? BOLD_FACTOR : 1);
}

/** `text`, cut with an ellipsis so that it is at most `max` px wide. */
export function clip(text: string, max: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, size, bold) > max) chars.pop();
  return `${chars.join('')}…`;
}

/** Display names longer than this are cut (the full name stays in the SVG `<title>` tooltip). */
export const MAX_LABEL_CHARS = 48;

export function label(text: string, max = MAX_LABEL_CHARS): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  /** What it is, for test messages. */
  what: string;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  what: string;
}

export interface ShapeStyle {
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  dash?: string;
  rx?: number;
  opacity?: number;
}

export interface TextStyle {
  size?: number;
  weight?: 'normal' | 'bold' | 600;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  italic?: boolean;
  /** Letter-spacing in px (small-caps style headers). */
  spacing?: number;
}

/** Deterministic number text: 0.1 px precision, no `-0`, no trailing zeros. */
export function num(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

export class SvgCanvas {
  private readonly out: string[] = [];
  private depth = 1;
  /** Boxes nothing else may overlap (nodes, tables, labels with a background). */
  readonly boxes: Box[] = [];
  /** Connector segments (they may touch the boxes at their ends only). */
  readonly segments: Segment[] = [];

  private emit(line: string): void {
    this.out.push(`${'  '.repeat(this.depth)}${line}`);
  }

  /** Opens a group with a tooltip (full, unclipped names) and optional class. */
  open(tooltip?: string, cls?: string): void {
    this.emit(`<g${cls ? ` class="${escapeXml(cls)}"` : ''}>`);
    this.depth++;
    if (tooltip) this.emit(`<title>${escapeXml(tooltip)}</title>`);
  }

  close(): void {
    this.depth--;
    this.emit('</g>');
  }

  rect(x: number, y: number, w: number, h: number, style: ShapeStyle = {}, solid?: string): void {
    if (solid) this.boxes.push({ x, y, w, h, what: solid });
    this.emit(`<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"${shapeAttrs(style, 'none')}/>`);
  }

  /** Orthogonal or straight connector through `points`; recorded as segments unless `free`. */
  line(points: readonly [number, number][], style: ShapeStyle = {}, what?: string): void {
    if (what)
      for (let i = 1; i < points.length; i++)
        this.segments.push({ x1: points[i - 1]![0], y1: points[i - 1]![1], x2: points[i]![0], y2: points[i]![1], what });
    const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`).join(' ');
    this.emit(`<path d="${d}"${shapeAttrs({ strokeWidth: 1.5, ...style, fill: 'none' }, 'none')}/>`);
  }

  circle(cx: number, cy: number, r: number, style: ShapeStyle = {}): void {
    this.emit(`<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}"${shapeAttrs(style, 'none')}/>`);
  }

  /** Raw path data (icons); `d` is built from numbers only, never from user text. */
  path(d: string, style: ShapeStyle = {}): void {
    this.emit(`<path d="${escapeXml(d)}"${shapeAttrs(style, 'none')}/>`);
  }

  /**
   * One line of text; `y` is the baseline. With `solid`, its estimated extent is recorded as a box.
   * Returns the estimated width.
   */
  text(x: number, y: number, content: string, style: TextStyle = {}, solid?: string): number {
    const size = style.size ?? 12;
    const bold = style.weight === 'bold' || style.weight === 600;
    const width = textWidth(content, size, bold) + (style.spacing ?? 0) * [...content].length;
    if (solid) {
      const anchor = style.anchor ?? 'start';
      const left = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width;
      this.boxes.push({ x: left, y: y - size * 0.8, w: width, h: size * 1.05, what: solid });
    }
    const attrs = [
      `x="${num(x)}"`,
      `y="${num(y)}"`,
      size !== 12 ? `font-size="${num(size)}"` : '',
      style.weight && style.weight !== 'normal' ? `font-weight="${style.weight}"` : '',
      style.italic ? 'font-style="italic"' : '',
      style.spacing ? `letter-spacing="${num(style.spacing)}"` : '',
      style.anchor && style.anchor !== 'start' ? `text-anchor="${style.anchor}"` : '',
      `fill="${escapeXml(style.fill ?? '#1a202c')}"`,
    ].filter(Boolean);
    this.emit(`<text ${attrs.join(' ')}>${escapeXml(content)}</text>`);
    return width;
  }

  /** The finished document. `title` and `description` are the accessible name and summary. */
  render(width: number, height: number, title: string, description: string): string {
    const w = Math.ceil(width);
    const h = Math.ceil(height);
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" font-family="${escapeXml(FONT_FAMILY)}" font-size="12">`,
      `  <title>${escapeXml(title)}</title>`,
      `  <desc>${escapeXml(description)}</desc>`,
      `  <rect x="0" y="0" width="${w}" height="${h}" fill="#ffffff"/>`,
      ...this.out,
      '</svg>',
      '',
    ].join('\n');
  }
}

function shapeAttrs(style: ShapeStyle, defaultFill: string): string {
  const parts = [` fill="${escapeXml(style.fill ?? defaultFill)}"`];
  if (style.stroke) parts.push(` stroke="${escapeXml(style.stroke)}" stroke-width="${num(style.strokeWidth ?? 1)}"`);
  if (style.dash) parts.push(` stroke-dasharray="${escapeXml(style.dash)}"`);
  if (style.rx) parts.push(` rx="${num(style.rx)}"`);
  if (style.opacity !== undefined) parts.push(` opacity="${num(style.opacity)}"`);
  return parts.join('');
}
