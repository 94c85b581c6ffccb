/**
 * Whether a design's positions were laid out for the network view. A network's position is a
 * node's position in the free graph but a bus's left end in the network view, so positions laid
 * out in the graph (ELK), by an import or by another tool make buses run over each other and
 * over elements. The network view lays such a design out on its first open (firstOpen.ts).
 *
 * The criterion is geometric, not a stored flag, so it holds for a design from anywhere (a share
 * link, a file, another browser): some bus overlaps another bus or an element box, or two
 * element boxes overlap, by more than a few pixels (an element dropped on a bus by hand sits
 * above it, clear of it). Sizes are the default node sizes, not measured ones: every peer of a
 * live session must reach the same answer and the same layout.
 *
 * Uniform grid hash: linear in the boxes for a design of any size.
 */
import type { Element, Link } from '@viplane/model';
import { BUS_HEIGHT, busGeometry, dropsOf, isNetworkKind } from '../flow/busMapping.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../flow/mapping.ts';

/** Overlaps up to this depth (px, on either axis) are a hand's imprecision, not a wrong layout. */
const TOLERANCE = 8;
const CELL = 512;

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  bus: boolean;
}

export function needsNetworkLayout(elements: readonly Element[], links: readonly Link[]): boolean {
  if (elements.length < 2) return false;
  const buses = busGeometry(elements, dropsOf(elements, links), new Map());
  const rects: Rect[] = [];
  for (const el of elements) {
    const g = isNetworkKind(el.kind) ? buses.get(el.id) : undefined;
    if (g) rects.push({ x0: g.left, y0: g.y, x1: g.left + g.width, y1: g.y + BUS_HEIGHT, bus: true });
    else rects.push({ x0: el.position.x, y0: el.position.y, x1: el.position.x + NODE_WIDTH, y1: el.position.y + NODE_HEIGHT, bus: false });
  }
  const grid = new Map<string, number[]>();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    for (let cx = Math.floor(r.x0 / CELL); cx <= Math.floor(r.x1 / CELL); cx++)
      for (let cy = Math.floor(r.y0 / CELL); cy <= Math.floor(r.y1 / CELL); cy++) {
        const key = `${cx},${cy}`;
        const cell = grid.get(key);
        if (cell) {
          for (const j of cell) if (clash(rects[j]!, r)) return true;
          cell.push(i);
        } else grid.set(key, [i]);
      }
  }
  return false;
}

function clash(a: Rect, b: Rect): boolean {
  const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return dx > TOLERANCE && dy > TOLERANCE;
}
