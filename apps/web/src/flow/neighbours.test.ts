import { describe, expect, it } from 'vitest';
import { directionOfKey, neighbour, type Box } from './neighbours.ts';

const box = (id: string, x: number, y: number): Box => ({ id, x, y, width: 200, height: 60 });

// Seed 000 as drawn: clients and the L3 switch on the left, three port groups in a column, the
// Controller, SE group and cluster to the right.
const LAYOUT = [
  box('clients', 0, 0),
  box('l3', 0, 300),
  box('mgmt', 300, 40),
  box('data48', 300, 230),
  box('data52', 300, 430),
  box('ctrl', 620, 40),
  box('se', 620, 300),
  box('wc', 620, 520),
];

describe('arrow-key neighbours', () => {
  it('follows the column and the row before jumping diagonally', () => {
    expect(neighbour(LAYOUT, 'mgmt', 'down')).toBe('data48');
    expect(neighbour(LAYOUT, 'data48', 'down')).toBe('data52');
    expect(neighbour(LAYOUT, 'data52', 'down')).toBeNull();
    expect(neighbour(LAYOUT, 'data48', 'up')).toBe('mgmt');
    expect(neighbour(LAYOUT, 'mgmt', 'right')).toBe('ctrl');
    expect(neighbour(LAYOUT, 'ctrl', 'left')).toBe('mgmt');
    expect(neighbour(LAYOUT, 'l3', 'right')).toBe('data48');
    expect(neighbour(LAYOUT, 'clients', 'left')).toBeNull();
  });

  it('maps only plain arrow keys and knows nothing of unknown ids', () => {
    expect(directionOfKey('ArrowUp')).toBe('up');
    expect(directionOfKey('Enter')).toBeNull();
    expect(neighbour(LAYOUT, 'nope', 'down')).toBeNull();
  });
});
