import { describe, expect, it } from 'vitest';
import { borderPoint, floatingEdge } from './geometry.ts';

describe('floating edges', () => {
  it('leave the box on its border toward the other centre', () => {
    expect(borderPoint({ x: 0, y: 0, w: 200, h: 60 }, { x: 600, y: 30 })).toEqual({ x: 200, y: 30 });
    expect(borderPoint({ x: 0, y: 0, w: 200, h: 60 }, { x: 100, y: 500 })).toEqual({ x: 100, y: 60 });
  });
  it('straight for one edge, bowed apart for parallels, labels in the middle', () => {
    const a = { x: 0, y: 0, w: 200, h: 60 };
    const b = { x: 400, y: 0, w: 200, h: 60 };
    const one = floatingEdge(a, b);
    expect(one.path).toBe('M200,30 L400,30');
    expect([one.labelX, one.labelY]).toEqual([300, 30]);
    const p0 = floatingEdge(a, b, 0, 2);
    const p1 = floatingEdge(a, b, 1, 2);
    expect(p0.path).toContain('Q');
    expect(Math.sign(p0.labelY - 30)).toBe(-Math.sign(p1.labelY - 30));
  });
});
