/**
 * Floating edges: a connection runs between the borders of its two elements along the line
 * joining their centres, whatever side the typed handle is on. Parallel connections between
 * the same two elements (an SE's management and data NICs on one network) bow apart.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface EdgeGeometry {
  path: string;
  labelX: number;
  labelY: number;
}

/** Where the segment from the centre of `a` towards `toward` leaves `a`'s rectangle. */
export function borderPoint(a: Box, toward: { x: number; y: number }): { x: number; y: number } {
  const cx = a.x + a.w / 2;
  const cy = a.y + a.h / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : a.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : a.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

/** `index` of `count` parallel edges between the same two boxes. */
export function floatingEdge(source: Box, target: Box, index = 0, count = 1, spread = 26): EdgeGeometry {
  const sc = { x: source.x + source.w / 2, y: source.y + source.h / 2 };
  const tc = { x: target.x + target.w / 2, y: target.y + target.h / 2 };
  const offset = (index - (count - 1) / 2) * spread;
  // Normal to the centre line, oriented the same way whichever end is the source.
  const flip = sc.x < tc.x || (sc.x === tc.x && sc.y < tc.y) ? 1 : -1;
  const len = Math.hypot(tc.x - sc.x, tc.y - sc.y) || 1;
  const nx = (-(tc.y - sc.y) / len) * flip;
  const ny = ((tc.x - sc.x) / len) * flip;
  const mid = { x: (sc.x + tc.x) / 2 + nx * offset * 2, y: (sc.y + tc.y) / 2 + ny * offset * 2 };
  const s = borderPoint(source, offset === 0 ? tc : mid);
  const t = borderPoint(target, offset === 0 ? sc : mid);
  if (offset === 0) return { path: `M${r(s.x)},${r(s.y)} L${r(t.x)},${r(t.y)}`, labelX: (s.x + t.x) / 2, labelY: (s.y + t.y) / 2 };
  const c = { x: mid.x, y: mid.y };
  return {
    path: `M${r(s.x)},${r(s.y)} Q${r(c.x)},${r(c.y)} ${r(t.x)},${r(t.y)}`,
    labelX: 0.25 * s.x + 0.5 * c.x + 0.25 * t.x,
    labelY: 0.25 * s.y + 0.5 * c.y + 0.25 * t.y,
  };
}

const r = (n: number) => Math.round(n * 10) / 10;
