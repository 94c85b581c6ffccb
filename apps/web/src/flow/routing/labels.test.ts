import { describe, expect, it } from 'vitest';
import { labelRect, labelSize, longestSegmentMiddle, placeLabel } from './labels.ts';
import { rectsOverlap } from './geometry.ts';

const route = [
  { x: 0, y: 0 },
  { x: 60, y: 0 },
  { x: 60, y: 300 },
  { x: 400, y: 300 },
];

describe('placeLabel', () => {
  it('centres the label on the longest segment when it is free', () => {
    expect(placeLabel(route, { w: 80, h: 18 }, [])).toEqual({ x: 230, y: 300 });
    expect(longestSegmentMiddle(route)).toEqual({ x: 230, y: 300 });
  });

  it('slides along the longest segment off a box, then tries the next segment', () => {
    const size = { w: 80, h: 18 };
    const box = { x: 180, y: 280, w: 100, h: 40 };
    const at = placeLabel(route, size, [box])!;
    expect(at.y).toBe(300);
    expect(rectsOverlap(labelRect(at, size), box)).toBe(false);
    // The whole horizontal segment taken: the vertical one.
    const wide = { x: 50, y: 280, w: 400, h: 40 };
    const next = placeLabel(route, size, [wide])!;
    expect(next.x).toBe(60);
    expect(rectsOverlap(labelRect(next, size), wide)).toBe(false);
  });

  it('gives up (null) when no place on the route is free', () => {
    expect(placeLabel(route, { w: 80, h: 18 }, [{ x: -100, y: -100, w: 600, h: 500 }])).toBeNull();
  });

  it('places labels one after another without overlap', () => {
    const size = labelSize('192.168.32.10');
    const placed: ReturnType<typeof labelRect>[] = [];
    for (let i = 0; i < 4; i++) {
      const at = placeLabel(route, size, placed);
      expect(at).not.toBeNull();
      placed.push(labelRect(at!, size));
    }
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(rectsOverlap(placed[i]!, placed[j]!)).toBe(false);
  });
});
