/**
 * Where a new element goes: the wanted place if nothing is there, else the nearest free place
 * around it (rings of grid steps outwards), so a second "add" never lands on the first.
 */
import type { Position } from '@viplane/model';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const GAP = 16;
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;

/** The free top-left corner nearest `want` for a box of `size` among `taken` (at most `rings` rings out). */
export function freeSpot(taken: readonly Rect[], want: Position, size: { w: number; h: number }, rings = 12): Position {
  const free = (p: Position) => {
    const r = { x: p.x, y: p.y, w: size.w, h: size.h };
    for (const t of taken) if (overlaps(r, t)) return false;
    return true;
  };
  if (free(want)) return want;
  const sx = size.w + GAP;
  const sy = size.h + GAP;
  for (let ring = 1; ring <= rings; ring++) {
    let best: Position | null = null;
    let bestD = Infinity;
    for (let i = -ring; i <= ring; i++)
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        const p = { x: want.x + i * sx, y: want.y + j * sy };
        const d = Math.hypot(i * sx, j * sy);
        if (d < bestD && free(p)) {
          best = p;
          bestD = d;
        }
      }
    if (best) return best;
  }
  return want;
}
