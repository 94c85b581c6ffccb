/**
 * Where the network view writes its labels so that none overlaps another or a box (issue 14:
 * labels never overlap at editing zoom). Pure: busMapping.ts places them with the buses, the
 * node and edge components draw them where they were placed, and labels.test.ts checks the
 * placement over every template after auto-layout.
 *
 * - A bus's label (name, facts, badges) is written on the bus in its first free span: where no
 *   drop to a farther bus crosses it. The bus grows to the right if its span is taken.
 * - A drop's address label is written along the drop, in the free stretch of it nearest its bus
 *   (the gap between the elements and the buses, in a laid-out design), clear of every element,
 *   bus and label already placed; with no room, it is not written (the inspector and the
 *   tooltip still say it).
 *
 * Text widths are estimates, on the generous side: they stand for the rendered text.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A drop label is written rotated along its drop: this is its width across the drop. */
export const DROP_LABEL_THICKNESS = 18;
/** 10 px monospace text, padding and border (.vp-edge-label). */
export const dropLabelLength = (text: string) => Math.ceil(text.length * 6.3) + 14;

/** Where a bus label starts: after the bus's left border and padding (.vp-bus). */
export const BUS_LABEL_INSET = 15;
/** Room kept for the error and warning counts. */
const BADGE_ROOM = 64;
/** Name (12 px semibold), facts (11 px monospace), 10 px gaps (.vp-bus). */
export function busLabelWidth(name: string, facts: readonly string[]): number {
  return Math.ceil(name.length * 7.6 + facts.reduce((s, f) => s + 10 + f.length * 6.9, 0)) + BADGE_ROOM;
}

/**
 * The first x (relative to the bus's left end) where a label of `width` crosses none of
 * `crossings` (absolute x of the drops passing over the bus).
 */
export function busLabelX(left: number, width: number, crossings: number[]): number {
  const xs = [...crossings].sort((a, b) => a - b);
  let x = left + BUS_LABEL_INSET;
  for (const c of xs) {
    if (c < x - 4) continue;
    if (c > x + width + 4) break;
    x = c + 6;
  }
  return x - left;
}

export interface DropLabelInput {
  edgeId: string;
  x: number;
  /** Where the drop leaves its element (its bottom or top edge). */
  from: number;
  /** Where it meets its bus (the bus's top or bottom edge). */
  to: number;
  text: string;
}

const CELL = 256;
/** How far from its bus a drop's label may go. */
const REACH = 1200;
const GAP = 3;

/** A spatial hash of boxes for the placement (linear in the boxes, however large the design). */
class Grid {
  private cells = new Map<number, Box[]>();
  private key = (cx: number, cy: number) => cx * 1_000_003 + cy;
  add(b: Box) {
    for (let cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.width) / CELL); cx++)
      for (let cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.height) / CELL); cy++) {
        const k = this.key(cx, cy);
        const cell = this.cells.get(k);
        if (cell) cell.push(b);
        else this.cells.set(k, [b]);
      }
  }
  /** Boxes that may meet the vertical band [x0, x1] × [y0, y1] (some twice). */
  near(x0: number, x1: number, y0: number, y1: number): Box[] {
    const out: Box[] = [];
    for (let cx = Math.floor(x0 / CELL); cx <= Math.floor(x1 / CELL); cx++)
      for (let cy = Math.floor(y0 / CELL); cy <= Math.floor(y1 / CELL); cy++) {
        const cell = this.cells.get(this.key(cx, cy));
        if (cell) for (const b of cell) out.push(b);
      }
    return out;
  }
}

/**
 * The centre y of each drop's label (null: no room). Drops are placed shortest first: a short
 * drop has one gap to write in, a long one may have several.
 */
export function placeDropLabels(
  drops: readonly DropLabelInput[],
  obstacles: readonly Box[],
  /** Long horizontal boxes (the buses), kept apart: in a grid, each would fill a whole row of cells. */
  bars: readonly Box[] = [],
): Map<string, number | null> {
  const grid = new Grid();
  for (const b of obstacles) grid.add(b);
  const byY = [...bars].sort((a, b) => a.y - b.y);
  const out = new Map<string, number | null>();
  const order = [...drops].sort((a, b) => Math.abs(a.to - a.from) - Math.abs(b.to - b.from) || a.x - b.x);
  const half = DROP_LABEL_THICKNESS / 2;
  for (const d of order) {
    const len = dropLabelLength(d.text);
    // Only the stretch of the drop within reach of its bus is searched: a drop across hundreds of
    // buses would otherwise meet them all (the label goes nearest the bus anyway).
    const down = d.to > d.from;
    const lo = Math.max(Math.min(d.from, d.to), down ? d.to - REACH : -Infinity) + GAP;
    const hi = Math.min(Math.max(d.from, d.to), down ? Infinity : d.to + REACH) - GAP;
    if (hi - lo < len) {
      out.set(d.edgeId, null);
      continue;
    }
    // The stretches of the drop that no box covers (across the label's thickness).
    const blocked: [number, number][] = [];
    const meets = (b: Box) => b.x < d.x + half && b.x + b.width > d.x - half && b.y < hi && b.y + b.height > lo;
    for (const b of grid.near(d.x - half, d.x + half, lo, hi)) if (meets(b)) blocked.push([b.y - GAP, b.y + b.height + GAP]);
    for (let i = firstBarFrom(byY, lo - BAR_MAX_HEIGHT); i < byY.length && byY[i]!.y < hi; i++)
      if (meets(byY[i]!)) blocked.push([byY[i]!.y - GAP, byY[i]!.y + byY[i]!.height + GAP]);
    blocked.sort((a, b) => a[0] - b[0]);
    const free: [number, number][] = [];
    let at = lo;
    for (const [y0, y1] of blocked) {
      if (y0 > at) free.push([at, y0]);
      at = Math.max(at, y1);
    }
    if (hi > at) free.push([at, hi]);
    // Nearest the bus first.
    const fits = free.filter(([a, b]) => b - a >= len).sort((p, q) => (down ? q[1] - p[1] : p[0] - q[0]));
    const span = fits[0];
    if (!span) {
      out.set(d.edgeId, null);
      continue;
    }
    // In a long free stretch, next to the bus; in a gap just long enough, in its middle.
    const centre = span[1] - span[0] > 2 * len + 24 ? (down ? span[1] - 12 - len / 2 : span[0] + 12 + len / 2) : (span[0] + span[1]) / 2;
    out.set(d.edgeId, centre);
    grid.add({ x: d.x - half, y: centre - len / 2, width: DROP_LABEL_THICKNESS, height: len });
  }
  return out;
}

/** Bars are at most this tall (a bus is 28 px). */
const BAR_MAX_HEIGHT = 64;

function firstBarFrom(bars: readonly Box[], y: number): number {
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bars[mid]!.y < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The box of a drop label placed at `centre`. */
export function dropLabelBox(x: number, centre: number, text: string): Box {
  const len = dropLabelLength(text);
  return { x: x - DROP_LABEL_THICKNESS / 2, y: centre - len / 2, width: DROP_LABEL_THICKNESS, height: len };
}
