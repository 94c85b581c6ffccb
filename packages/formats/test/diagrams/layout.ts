/** Layout checks on what a diagram drew (SvgCanvas.boxes / .segments), shared by the diagram tests. */
import type { Box, Segment } from '../../src/diagrams/svg.ts';

const EPS = 0.5;

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
}

/** Pairs of solid boxes that overlap. */
export function overlaps(boxes: readonly Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (intersects(boxes[i]!, boxes[j]!)) out.push(`${boxes[i]!.what} × ${boxes[j]!.what}`);
  return out;
}

function onBoundary(b: Box, x: number, y: number): boolean {
  return x >= b.x - 1 && x <= b.x + b.w + 1 && y >= b.y - 1 && y <= b.y + b.h + 1;
}

/** Axis-parallel segments that run through a box they neither start nor end at. */
export function crossings(segments: readonly Segment[], boxes: readonly Box[]): string[] {
  const out: string[] = [];
  for (const s of segments) {
    const minX = Math.min(s.x1, s.x2);
    const maxX = Math.max(s.x1, s.x2);
    const minY = Math.min(s.y1, s.y2);
    const maxY = Math.max(s.y1, s.y2);
    for (const b of boxes) {
      if (onBoundary(b, s.x1, s.y1) || onBoundary(b, s.x2, s.y2)) continue;
      const inside = minX < b.x + b.w - 1 && maxX > b.x + 1 && minY < b.y + b.h - 1 && maxY > b.y + 1;
      if (inside) out.push(`${s.what} through ${b.what}`);
    }
  }
  return out;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
