import { describe, expect, it } from 'vitest';
import { fitScale } from './fitScale.ts';

describe('fitScale', () => {
  it('fits a tall picture by its height and a wide one by its width', () => {
    expect(fitScale({ w: 1000, h: 2000 }, { w: 800, h: 500 })).toBe(0.25);
    expect(fitScale({ w: 2000, h: 500 }, { w: 800, h: 500 })).toBe(0.4);
  });
  it('enlarges a small picture to the box', () => {
    expect(fitScale({ w: 200, h: 100 }, { w: 800, h: 500 })).toBe(4);
  });
  it('is 1 while a size is unknown (not measured yet)', () => {
    expect(fitScale({ w: 0, h: 100 }, { w: 800, h: 500 })).toBe(1);
    expect(fitScale({ w: 200, h: 100 }, { w: 800, h: 0 })).toBe(1);
  });
});
