/**
 * Keyboard navigation on the canvas: the element an arrow key leads to from the selected one.
 * The nearest element whose centre lies in that direction (within a 45° cone either side), with
 * sideways offset counted twice so a row or column is followed before a diagonal jump.
 */
export type Direction = 'left' | 'right' | 'up' | 'down';

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function directionOfKey(key: string): Direction | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return null;
  }
}

export function neighbour(boxes: readonly Box[], fromId: string, direction: Direction): string | null {
  const from = boxes.find((b) => b.id === fromId);
  if (!from) return null;
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: { id: string; score: number } | null = null;
  for (const b of boxes) {
    if (b.id === fromId) continue;
    const dx = b.x + b.width / 2 - cx;
    const dy = b.y + b.height / 2 - cy;
    const [along, across] = direction === 'left' ? [-dx, dy] : direction === 'right' ? [dx, dy] : direction === 'up' ? [-dy, dx] : [dy, dx];
    // Strictly ahead, and no more sideways than ahead (elements stacked exactly keep their order by id).
    if (along < 0 || (along === 0 && across === 0) || Math.abs(across) > along) continue;
    const score = along + 2 * Math.abs(across);
    if (!best || score < best.score) best = { id: b.id, score };
  }
  return best?.id ?? null;
}
