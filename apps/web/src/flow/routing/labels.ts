/**
 * Where a connector's label goes: on its longest segment, centred, else slid along that segment,
 * else on the next longest, at the first place where it overlaps no element box and no label
 * placed before it. Labels are placed in a fixed order (edge id), so the result is deterministic.
 * No place found: null, and the label is not drawn (an overlapping label is unreadable anyway).
 */
import { rectsOverlap, simplify, type Pt, type Rect } from './geometry.ts';

export interface Size {
  w: number;
  h: number;
}

/**
 * The rendered size of a label, estimated on the high side (.vp-edge-label: 10 px monospace, about
 * 6 px a character; 5 px padding and a 1 px border each side; a 16 px line and its border).
 */
export function labelSize(text: string): Size {
  return { w: Math.ceil(text.length * 6.6) + 12, h: 18 };
}

const STEP = 8;

/** Candidate centres along a segment: its middle first, then alternately further from it. */
function* alongSegment(a: Pt, b: Pt, size: Size): Generator<Pt> {
  const horizontal = a.y === b.y;
  const len = horizontal ? Math.abs(b.x - a.x) : Math.abs(b.y - a.y);
  // The label stays within the segment (its corners are where the line turns).
  const room = (len - (horizontal ? size.w : size.h)) / 2;
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  yield mid;
  for (let d = STEP; d <= room; d += STEP)
    for (const s of [1, -1]) yield horizontal ? { x: mid.x + s * d, y: mid.y } : { x: mid.x, y: mid.y + s * d };
}

export function labelRect(centre: Pt, size: Size): Rect {
  return { x: centre.x - size.w / 2, y: centre.y - size.h / 2, w: size.w, h: size.h };
}

export function placeLabel(points: readonly Pt[], size: Size, blocked: readonly Rect[]): Pt | null {
  const ps = simplify(points);
  const segments: { a: Pt; b: Pt; len: number; i: number }[] = [];
  for (let i = 1; i < ps.length; i++) {
    const a = ps[i - 1]!;
    const b = ps[i]!;
    segments.push({ a, b, len: Math.abs(a.x - b.x) + Math.abs(a.y - b.y), i });
  }
  segments.sort((p, q) => q.len - p.len || p.i - q.i);
  for (const s of segments)
    for (const c of alongSegment(s.a, s.b, size)) {
      const r = labelRect(c, size);
      if (!blocked.some((o) => rectsOverlap(o, r))) return c;
    }
  return null;
}

/** The middle of a route's longest segment (where a label goes when it has no free place). */
export function longestSegmentMiddle(points: readonly Pt[]): Pt {
  let best = { x: points[0]?.x ?? 0, y: points[0]?.y ?? 0 };
  let len = -1;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const l = Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    if (l > len) {
      len = l;
      best = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
  }
  return best;
}
