/** Plain geometry of routed connectors: rectangles, orthogonal polylines and their segments. */
export interface Pt {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A polyline without repeated points or points in the middle of a straight run (libavoid
 * returns both after nudging), coordinates rounded to a tenth of a pixel so that float noise
 * (115.99999999999999) neither breaks the orthogonality test nor changes a path's text.
 */
export function simplify(points: readonly Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of points) {
    const q = { x: round(p.x), y: round(p.y) };
    const last = out[out.length - 1];
    if (last && last.x === q.x && last.y === q.y) continue;
    const prev = out[out.length - 2];
    if (prev && last && ((prev.x === last.x && last.x === q.x) || (prev.y === last.y && last.y === q.y))) out[out.length - 1] = q;
    else out.push(q);
  }
  return out;
}

export const round = (n: number) => Math.round(n * 10) / 10;

/** Every segment is horizontal or vertical. */
export function isOrthogonal(points: readonly Pt[]): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (a.x !== b.x && a.y !== b.y) return false;
  }
  return true;
}

/** Whether the axis-parallel segment a-b passes through the inside of `r` (touching its border does not count). */
export function segmentCrossesRect(a: Pt, b: Pt, r: Rect): boolean {
  const x0 = Math.min(a.x, b.x);
  const x1 = Math.max(a.x, b.x);
  const y0 = Math.min(a.y, b.y);
  const y1 = Math.max(a.y, b.y);
  return x1 > r.x && x0 < r.x + r.w && y1 > r.y && y0 < r.y + r.h;
}

export function pathCrossesRect(points: readonly Pt[], r: Rect): boolean {
  for (let i = 1; i < points.length; i++) if (segmentCrossesRect(points[i - 1]!, points[i]!, r)) return true;
  return false;
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by };
}

/** The smallest rectangle holding all of `rects`. */
export function union(rects: readonly Rect[]): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.w);
    y1 = Math.max(y1, r.y + r.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
