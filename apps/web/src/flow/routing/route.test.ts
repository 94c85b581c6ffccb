import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AvoidLib } from 'libavoid-js';
import { routeConnectors, type AvoidApi } from './route.ts';
import { obstaclesOf, type RoutingBox } from './obstacles.ts';
import { isOrthogonal, pathCrossesRect, rectsOverlap } from './geometry.ts';
import { labelRect, labelSize } from './labels.ts';
import type { ConnectorSpec, RouteRequest } from './protocol.ts';

let A: AvoidApi;
beforeAll(async () => {
  const lib = AvoidLib as { load(path?: string): Promise<void>; getInstance(): unknown };
  await lib.load(join(dirname(createRequire(import.meta.url).resolve('libavoid-js')), 'libavoid.wasm'));
  A = lib.getInstance() as AvoidApi;
});

const box = (id: string, x: number, y: number, w = 200, h = 70): RoutingBox => ({ id, x, y, w, h });
const conn = (id: string, s: string, t: string, label: string | null = null): ConnectorSpec => ({
  id,
  source: { shape: s },
  target: { shape: t },
  label,
});

/** Three elements in a row, the middle one in the way; a bus under them all. */
function scene(): { boxes: RoutingBox[]; request: RouteRequest } {
  const boxes = [
    box('a', 0, 0),
    box('b', 300, -20, 200, 110),
    box('c', 600, 0),
    box('d', 300, 300),
    { id: 'bus', x: -100, y: 180, w: 1000, h: 28, dropXs: [200, 500] },
  ];
  return {
    boxes,
    request: {
      requestId: 1,
      obstacles: obstaclesOf(boxes),
      connectors: [conn('ac', 'a', 'c', 'Controller'), conn('ad', 'a', 'd', 'SE group'), conn('cd', 'c', 'd')],
      taken: [],
    },
  };
}

describe('routeConnectors (libavoid)', () => {
  it('routes orthogonally round every element box but the connector’s own ends, and never along a bus', () => {
    const { boxes, request } = scene();
    const routes = routeConnectors(A, request);
    expect(routes.map((r) => r.id)).toEqual(['ac', 'ad', 'cd']);
    for (const r of routes) {
      expect(r.points.length).toBeGreaterThan(1);
      expect(isOrthogonal(r.points)).toBe(true);
      const spec = request.connectors.find((c) => c.id === r.id)!;
      const ends = [spec.source, spec.target].map((e) => ('shape' in e ? e.shape : ''));
      for (const b of boxes) {
        if (ends.includes(b.id) || b.dropXs) continue;
        expect(pathCrossesRect(r.points, b), `${r.id} crosses ${b.id}`).toBe(false);
      }
    }
    // a -> c must go round b (it is in the straight line's way): more than one segment.
    expect(routes[0]!.points.length).toBeGreaterThan(2);
    // a -> d crosses the bus (d is below it) through a gap, and runs along it nowhere:
    // no horizontal segment lies within the bus's band.
    const bus = boxes[4]!;
    for (const r of routes)
      for (let i = 1; i < r.points.length; i++) {
        const p = r.points[i - 1]!;
        const q = r.points[i]!;
        if (p.y === q.y) expect(p.y > bus.y && p.y < bus.y + bus.h, `${r.id} runs along the bus`).toBe(false);
      }
  });

  it('starts and ends each route on the left or right side of its elements (shared sides nudged apart)', () => {
    const { request } = scene();
    const [ac] = routeConnectors(A, request);
    const first = ac!.points[0]!;
    const last = ac!.points[ac!.points.length - 1]!;
    expect([0, 200]).toContain(first.x);
    expect(first.y).toBeGreaterThan(0);
    expect(first.y).toBeLessThan(70);
    expect([600, 800]).toContain(last.x);
    expect(last.y).toBeGreaterThan(0);
    expect(last.y).toBeLessThan(70);
    // a's two connectors do not leave at the same point.
    const ad = routeConnectors(A, request)[1]!;
    expect(ad.points[0]).not.toEqual(first);
  });

  it('is deterministic: the same positions give the same routes, whatever the input order', () => {
    const { request } = scene();
    const once = routeConnectors(A, request);
    const shuffled = { ...request, obstacles: [...request.obstacles].reverse(), connectors: [...request.connectors].reverse() };
    expect(routeConnectors(A, shuffled)).toEqual(once);
    expect(routeConnectors(A, request)).toEqual(once);
  });

  it('places labels on the route, off every obstacle, earlier labels and each other', () => {
    const { request } = scene();
    const taken = [{ x: 380, y: 130, w: 40, h: 20 }];
    const routes = routeConnectors(A, { ...request, taken });
    const labels = routes.filter((r) => r.label).map((r) => labelRect(r.label!, labelSize(r.id === 'ac' ? 'Controller' : 'SE group')));
    expect(labels).toHaveLength(2);
    for (const l of labels) {
      for (const o of [...request.obstacles, ...taken]) expect(rectsOverlap(l, o)).toBe(false);
    }
    expect(rectsOverlap(labels[0]!, labels[1]!)).toBe(false);
    expect(routes.find((r) => r.id === 'cd')!.label).toBeNull();
  });

  it('routes to a point on a bus, and gives no route for a connector whose element is missing', () => {
    const boxes = [box('a', 0, 0), { id: 'bus', x: -100, y: 300, w: 600, h: 28, dropXs: [] }];
    const routes = routeConnectors(A, {
      requestId: 2,
      obstacles: obstaclesOf(boxes),
      connectors: [
        { id: 'toBus', source: { shape: 'a' }, target: { point: { x: 400, y: 299 } }, label: null },
        conn('ghost', 'a', 'nowhere'),
      ],
      taken: [],
    });
    const toBus = routes.find((r) => r.id === 'toBus')!;
    expect(isOrthogonal(toBus.points)).toBe(true);
    expect(toBus.points[toBus.points.length - 1]).toEqual({ x: 400, y: 299 });
    expect(routes.find((r) => r.id === 'ghost')!.points).toEqual([]);
  });
});
