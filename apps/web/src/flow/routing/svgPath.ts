/**
 * A routed connector as an SVG path: its orthogonal polyline with each corner rounded by a
 * quarter circle-ish quadratic curve, the radius shrunk where a segment is too short for it.
 */
import { simplify, type Pt } from './geometry.ts';

export function orthogonalPath(points: readonly Pt[], radius = 8): string {
  const ps = simplify(points);
  if (ps.length === 0) return '';
  const parts = [`M${ps[0]!.x},${ps[0]!.y}`];
  for (let i = 1; i < ps.length - 1; i++) {
    const prev = ps[i - 1]!;
    const at = ps[i]!;
    const next = ps[i + 1]!;
    const r = Math.min(radius, dist(prev, at) / 2, dist(at, next) / 2);
    const a = toward(at, prev, r);
    const b = toward(at, next, r);
    parts.push(`L${a.x},${a.y}`, `Q${at.x},${at.y} ${b.x},${b.y}`);
  }
  const last = ps[ps.length - 1]!;
  if (ps.length > 1) parts.push(`L${last.x},${last.y}`);
  return parts.join(' ');
}

const dist = (a: Pt, b: Pt) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);

/** The point `by` away from `from` on the way to `to` (an axis-parallel step). */
function toward(from: Pt, to: Pt, by: number): Pt {
  const d = dist(from, to) || 1;
  const k = by / d;
  return { x: r1(from.x + (to.x - from.x) * k), y: r1(from.y + (to.y - from.y) * k) };
}

const r1 = (n: number) => Math.round(n * 10) / 10;
