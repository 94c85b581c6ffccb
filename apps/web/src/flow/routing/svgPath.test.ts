import { describe, expect, it } from 'vitest';
import { orthogonalPath } from './svgPath.ts';
import { isOrthogonal, simplify } from './geometry.ts';

describe('orthogonalPath', () => {
  it('draws a straight route as one line', () => {
    expect(
      orthogonalPath([
        { x: 0, y: 0 },
        { x: 100, y: 0 },
      ]),
    ).toBe('M0,0 L100,0');
  });

  it('rounds each corner with a curve through the corner point, radius shrunk on short segments', () => {
    const p = orthogonalPath(
      [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
        { x: 100, y: 10 },
        { x: 200, y: 10 },
      ],
      8,
    );
    expect(p).toBe('M0,0 L95,0 Q100,0 100,5 L100,5 Q100,10 105,10 L200,10');
  });

  it('drops repeated and collinear points and float noise first', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 50, y: 0 },
      { x: 100, y: 0.00000001 },
      { x: 100, y: 115.99999999999999 },
    ];
    expect(simplify(pts)).toEqual([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 116 },
    ]);
    expect(isOrthogonal(simplify(pts))).toBe(true);
    expect(orthogonalPath(pts, 8)).toBe('M0,0 L92,0 Q100,0 100,8 L100,116');
  });

  it('is empty for no points', () => {
    expect(orthogonalPath([])).toBe('');
  });
});
