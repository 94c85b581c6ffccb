import { describe, expect, it } from 'vitest';
import { busStrips, obstaclesOf, CUT_CLEARANCE, GAP, STRIP } from './obstacles.ts';

describe('obstaclesOf', () => {
  it('keeps every element box as an end-able obstacle', () => {
    const o = obstaclesOf([{ id: 'a', x: 10, y: 20, w: 200, h: 70 }]);
    expect(o).toEqual([{ id: 'a', element: true, x: 10, y: 20, w: 200, h: 70 }]);
  });

  it('cuts a bus into strips with gaps, covering the bus but for the gaps', () => {
    const bus = { id: 'n', x: 0, y: 100, w: 1000, h: 28, dropXs: [] };
    const strips = busStrips(bus);
    expect(strips.every((s) => !s.element && s.y === 100 && s.h === 28)).toBe(true);
    expect(strips[0]).toMatchObject({ x: 0, w: STRIP });
    expect(strips[1]!.x).toBe(STRIP + GAP);
    const covered = strips.reduce((n, s) => n + s.w, 0);
    expect(covered).toBe(1000 - (strips.length - 1) * GAP);
    expect(strips[strips.length - 1]!.x + strips[strips.length - 1]!.w).toBe(1000);
    expect(new Set(strips.map((s) => s.id)).size).toBe(strips.length);
  });

  it('puts no gap near a drop (a crossing would run along the interface line)', () => {
    const drop = STRIP + GAP / 2;
    const strips = busStrips({ id: 'n', x: 0, y: 0, w: 1000, h: 28, dropXs: [drop] });
    // The drop's x is inside a strip.
    expect(strips.some((s) => s.x <= drop && drop <= s.x + s.w)).toBe(true);
    for (let i = 1; i < strips.length; i++) {
      const gap = { from: strips[i - 1]!.x + strips[i - 1]!.w, to: strips[i]!.x };
      expect(drop < gap.from - 12 || drop > gap.to + 12).toBe(true);
    }
  });

  it('cuts a bus where an element lies over it, clear of the element’s sides', () => {
    const o = obstaclesOf([
      { id: 'el', x: 300, y: 90, w: 200, h: 70 },
      { id: 'n', x: 0, y: 100, w: 1000, h: 28, dropXs: [] },
    ]);
    for (const s of o.filter((x) => !x.element)) {
      const overlaps = s.x < 500 + CUT_CLEARANCE && 300 - CUT_CLEARANCE < s.x + s.w;
      expect(overlaps, s.id).toBe(false);
    }
    expect(o.filter((x) => !x.element).length).toBeGreaterThan(2);
  });
});
