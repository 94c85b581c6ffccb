import { describe, expect, it } from 'vitest';
import { freeSpot } from './freeSpace.ts';

const size = { w: 224, h: 76 };

describe('freeSpot', () => {
  it('keeps the wanted place when nothing is there', () => {
    expect(freeSpot([{ x: 1000, y: 1000, w: 224, h: 76 }], { x: 0, y: 0 }, size)).toEqual({ x: 0, y: 0 });
  });

  it('moves a new element off one that is already there, to the nearest free place', () => {
    const taken = [{ x: 0, y: 0, w: 224, h: 76 }];
    const p = freeSpot(taken, { x: 10, y: 10 }, size);
    expect(p).not.toEqual({ x: 10, y: 10 });
    const overlaps = p.x < 224 + 16 && p.x + 224 + 16 > 0 && p.y < 76 + 16 && p.y + 76 + 16 > 0;
    expect(overlaps).toBe(false);
    // One ring out: the nearest of the eight neighbours (above or below is nearer than beside).
    expect(Math.abs(p.y - 10)).toBe(76 + 16);
    expect(p.x).toBe(10);
  });

  it('adding the same kind at the same place again and again never stacks', () => {
    const taken: { x: number; y: number; w: number; h: number }[] = [];
    for (let i = 0; i < 20; i++) taken.push({ ...freeSpot(taken, { x: 0, y: 0 }, size), ...size });
    const keys = new Set(taken.map((r) => `${r.x},${r.y}`));
    expect(keys.size).toBe(20);
  });
});
