import { describe, expect, it } from 'vitest';
import { provisionalEdge } from './provisional.ts';

describe('provisionalEdge', () => {
  it('steps from the side of the source facing the target to the target’s facing side', () => {
    const right = provisionalEdge({ x: 0, y: 0, w: 200, h: 70 }, { x: 500, y: 300, w: 200, h: 70 });
    expect(right.path).toBe('M200 35L 342,35Q 350,35 350,43L 350,327Q 350,335 358,335L500 335');
    expect([right.labelX, right.labelY]).toEqual([350, 185]);
    const left = provisionalEdge({ x: 500, y: 300, w: 200, h: 70 }, { x: 0, y: 0, w: 200, h: 70 });
    expect(left.path.startsWith('M500 335')).toBe(true);
    expect(left.path.endsWith('L200 35')).toBe(true);
  });
});
