/**
 * What connectors are routed around, from the network view's nodes: every element box, and every
 * bus cut into strips. A whole bus as one obstacle would send a connector between an element
 * above it and one below it round the bus's far end; strips with narrow gaps let it cross the bus
 * straight through a gap while no segment can run along the bus (the strips block that). Gaps
 * keep clear of the bus's drops, so a crossing never runs along an interface line either.
 *
 * An element placed over a bus (as a design made in the free graph may be) cuts the bus there:
 * a strip under an element would shut the element's sides in, and libavoid, finding no way
 * out, would give up on its connectors.
 */
import type { Rect } from './geometry.ts';

export interface RoutingBox extends Rect {
  id: string;
  /** A bus: its drops' x, relative to its left end. */
  dropXs?: readonly number[];
}

export interface Obstacle extends Rect {
  /** The element (for an element box, the connector ends' shape) or `<bus id>#<strip>`. */
  id: string;
  /** An element box a connector may end on (bus strips are never ends). */
  element: boolean;
}

/** Strip length and the gap after each (the gap is narrowed by the router's buffer round shapes). */
export const STRIP = 72;
export const GAP = 28;
/** How close to a drop a gap may come. */
const DROP_CLEARANCE = 12;

export function obstaclesOf(boxes: readonly RoutingBox[]): Obstacle[] {
  const out: Obstacle[] = [];
  const elements = boxes.filter((b) => !b.dropXs);
  for (const b of elements) out.push({ id: b.id, element: true, x: b.x, y: b.y, w: b.w, h: b.h });
  for (const b of boxes) {
    if (!b.dropXs) continue;
    const over = elements.filter((e) => e.y < b.y + b.h && b.y < e.y + e.h && e.x < b.x + b.w && b.x < e.x + e.w);
    for (const strip of busStrips(b)) out.push(...cut(strip, over));
  }
  return out;
}

/** How far a cut reaches past an element's sides: beyond the router's buffer round both. */
export const CUT_CLEARANCE = 20;

/** A strip without the x ranges of the elements over it. */
function cut(strip: Obstacle, over: readonly RoutingBox[]): Obstacle[] {
  let pieces = [strip];
  for (const e of over) {
    const x0 = e.x - CUT_CLEARANCE;
    const x1 = e.x + e.w + CUT_CLEARANCE;
    pieces = pieces.flatMap((p) => {
      if (x1 <= p.x || x0 >= p.x + p.w) return [p];
      const left = { ...p, w: x0 - p.x };
      const right = { ...p, x: x1, w: p.x + p.w - x1 };
      return [left, right].filter((q) => q.w > 0);
    });
  }
  return pieces.map((p, i) => (pieces.length === 1 ? p : { ...p, id: `${strip.id}.${i}` }));
}

/** A bus as strips: a gap every STRIP + GAP, skipped where it would come near a drop. */
export function busStrips(b: RoutingBox): Obstacle[] {
  const out: Obstacle[] = [];
  const drops = b.dropXs ?? [];
  let start = 0;
  let n = 0;
  for (let gapAt = STRIP; gapAt + GAP < b.w; gapAt += STRIP + GAP) {
    const clear = drops.every((d) => d < gapAt - DROP_CLEARANCE || d > gapAt + GAP + DROP_CLEARANCE);
    if (!clear) continue;
    out.push({ id: `${b.id}#${n++}`, element: false, x: b.x + start, y: b.y, w: gapAt - start, h: b.h });
    start = gapAt + GAP;
  }
  out.push({ id: `${b.id}#${n}`, element: false, x: b.x + start, y: b.y, w: b.w - start, h: b.h });
  return out;
}
