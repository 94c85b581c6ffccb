import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '@viplane/model';
import type { CommentThread } from '../persistence/api.ts';
import {
  canvasIdOf,
  filterThreads,
  markerLabel,
  markersByTarget,
  pointAt,
  pointMarkerLabel,
  pointMarkers,
  targetLabel,
  targetOfSelection,
} from './threads.ts';

const thread = (id: string, target: CommentThread['target'], status: CommentThread['status'] = 'open'): CommentThread => ({
  id,
  target,
  status,
  createdAt: '2026-12-07T21:00:00Z',
  resolvedAt: status === 'resolved' ? '2026-12-07T22:00:00Z' : null,
  resolvedBy: status === 'resolved' ? 'Bob' : null,
  comments: [{ id: `${id}-c`, author: 'Alice', body: 'x', createdAt: '2026-12-07T21:00:00Z', editedAt: null, mine: false }],
});

const threads = [
  thread('t1', { kind: 'element', id: 'pg' }, 'resolved'),
  thread('t2', { kind: 'element', id: 'pg' }),
  thread('t3', { kind: 'link', id: 'l1' }),
  thread('t4', { kind: 'point', x: 1, y: 2 }, 'resolved'),
];

describe('comment threads', () => {
  it('filters open, resolved and all', () => {
    expect(filterThreads(threads, 'open').map((t) => t.id)).toEqual(['t2', 't3']);
    expect(filterThreads(threads, 'resolved').map((t) => t.id)).toEqual(['t1', 't4']);
    expect(filterThreads(threads, 'all')).toHaveLength(4);
  });

  it('counts markers per canvas id and opens an open thread first', () => {
    const m = markersByTarget(threads);
    expect(m.get('pg')).toEqual({ open: 1, resolved: 1, firstThreadId: 't2' });
    expect(m.get('link:l1')).toEqual({ open: 1, resolved: 0, firstThreadId: 't3' });
    expect(m.size).toBe(2);
    expect(canvasIdOf({ kind: 'point', x: 0, y: 0 })).toBeNull();
    expect(markerLabel(m.get('pg')!, 'VIP')).toBe('1 open comment thread on VIP');
    expect(markerLabel({ open: 0, resolved: 2, firstThreadId: 'x' }, 'VIP')).toBe('2 resolved comment threads on VIP');
  });

  it('names targets from the document, and says when they are gone', () => {
    const b = new DesignBuilder({ name: 'd' });
    const pg = b.add('portGroup', 'VIP network');
    const r = b.add('router', 'core');
    const l = b.nic(r, pg, { address: '10.0.0.1', role: 'routed' });
    const doc = b.build();
    expect(targetLabel(doc, { kind: 'element', id: pg })).toBe('VIP network');
    expect(targetLabel(doc, { kind: 'link', id: l })).toBe('core → VIP network');
    expect(targetLabel(doc, { kind: 'element', id: 'gone' })).toBe('A removed element');
    expect(targetLabel(doc, { kind: 'link', id: 'gone' })).toBe('A removed connection');
    expect(targetLabel(doc, { kind: 'point', x: 10.4, y: -2.6 })).toBe('Canvas point (10, -3)');
  });

  it('takes one element or one link edge of the selection as the target', () => {
    expect(targetOfSelection(new Set(['a']), new Set())).toEqual({ kind: 'element', id: 'a' });
    expect(targetOfSelection(new Set(), new Set(['link:l1']))).toEqual({ kind: 'link', id: 'l1' });
    expect(targetOfSelection(new Set(), new Set(['ref:a:x']))).toBeNull();
    expect(targetOfSelection(new Set(['a', 'b']), new Set())).toBeNull();
    expect(targetOfSelection(new Set(), new Set())).toBeNull();
  });
});

describe('threads pinned to canvas points', () => {
  it('groups point threads per rounded point, open threads first to open', () => {
    const list = [
      thread('p1', { kind: 'point', x: 100.2, y: -40.4 }, 'resolved'),
      thread('p2', { kind: 'point', x: 99.6, y: -39.8 }),
      thread('p3', { kind: 'point', x: 99.8, y: -40 }),
      thread('p4', { kind: 'point', x: 500, y: 20 }, 'resolved'),
      thread('e1', { kind: 'element', id: 'pg' }),
    ];
    const points = pointMarkers(list);
    expect(points).toEqual([
      { x: 100, y: -40, key: 'point:100,-40', open: 2, resolved: 1, firstThreadId: 'p2' },
      { x: 500, y: 20, key: 'point:500,20', open: 0, resolved: 1, firstThreadId: 'p4' },
    ]);
    expect(pointMarkerLabel(points[0]!)).toBe('Comment at (100, -40): 2 open threads');
    expect(pointMarkerLabel(points[1]!)).toBe('Comment at (500, 20): 1 resolved thread');
    // Element and link markers leave points out, as before.
    expect(markersByTarget(list).size).toBe(1);
  });

  it('pins a new thread at whole flow units, never at NaN', () => {
    expect(pointAt({ x: 12.5, y: -7.49 })).toEqual({ kind: 'point', x: 13, y: -7 });
    expect(pointAt({ x: Number.NaN, y: Infinity })).toEqual({ kind: 'point', x: 0, y: 0 });
  });
});
