import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AvoidLib } from 'libavoid-js';
import { routeConnectors, type AvoidApi } from './route.ts';
import {
  BATCH_MAX,
  NEIGHBOURS_MAX,
  ConnectorScheduler,
  REGION_MAX,
  routeKey,
  type EdgeLike,
  type RouteEntry,
  type Transport,
} from './scheduler.ts';
import { isOrthogonal } from './geometry.ts';
import type { RoutingBox } from './obstacles.ts';
import type { RouteRequest } from './protocol.ts';

let A: AvoidApi;
beforeAll(async () => {
  const lib = AvoidLib as { load(path?: string): Promise<void>; getInstance(): unknown };
  await lib.load(join(dirname(createRequire(import.meta.url).resolve('libavoid-js')), 'libavoid.wasm'));
  A = lib.getInstance() as AvoidApi;
});

type Node = RoutingBox;
const toBox = (n: Node) => n;
const toEdge = (e: EdgeLike) => e;

/** Elements on a grid (like e2e/bench/design.ts), each referring to its right-hand neighbour two rows down. */
function design(count: number): { nodes: Node[]; edges: EdgeLike[] } {
  const cols = Math.ceil(Math.sqrt(count));
  const nodes: Node[] = [];
  for (let i = 0; i < count; i++) nodes.push({ id: `e${i}`, x: (i % cols) * 320, y: Math.floor(i / cols) * 180, w: 212, h: 72 });
  const edges: EdgeLike[] = [];
  for (let i = 0; i + 2 * cols + 1 < count; i += 3)
    if (i % cols < cols - 1)
      edges.push({ id: `r${i}`, source: `e${i}`, target: `e${i + 2 * cols + 1}`, label: i % 2 ? null : `10.0.${i % 250}.1` });
  return { nodes, edges };
}

function harness() {
  const requests: RouteRequest[] = [];
  let published: ReadonlyMap<string, RouteEntry> = new Map();
  const transport: Transport = (request) => {
    requests.push(request);
    return Promise.resolve({ requestId: request.requestId, routes: routeConnectors(A, request), ms: 0 });
  };
  const scheduler = new ConnectorScheduler(transport, (r) => (published = r), { throttleMs: 0 });
  const settle = async () => {
    for (let i = 0; i < 10_000 && (scheduler.busy || scheduler.pending > 0); i++) await new Promise((r) => setTimeout(r, 0));
  };
  return { scheduler, requests, settle, routes: () => published };
}

describe('ConnectorScheduler', () => {
  it('routes every connector in bounded batches, each with only its region’s obstacles', async () => {
    const { nodes, edges } = design(400);
    const h = harness();
    h.scheduler.update(nodes, toBox, edges, toEdge);
    await h.settle();
    const routes = h.routes();
    expect(routes.size).toBe(edges.length);
    for (const e of edges) {
      const r = routes.get(e.id)!;
      expect(isOrthogonal(r.points)).toBe(true);
      expect(r.key).toBe(routeKey(nodes[Number(e.source.slice(1))]!, nodes[Number(e.target.slice(1))]!));
      expect(r.path.startsWith('M')).toBe(true);
    }
    expect(h.requests.length).toBeGreaterThan(1);
    for (const r of h.requests) {
      expect(r.connectors.length).toBeLessThanOrEqual(BATCH_MAX + NEIGHBOURS_MAX);
      expect(r.obstacles.length).toBeLessThan(nodes.length);
    }
  });

  it('after a drag routes again only the dragged element’s connectors and those its box now touches', async () => {
    const { nodes, edges } = design(400);
    const h = harness();
    h.scheduler.update(nodes, toBox, edges, toEdge);
    await h.settle();
    const before = h.routes();
    const sent = h.requests.length;
    // The same objects in a new array: nothing to do.
    h.scheduler.update([...nodes], toBox, [...edges], toEdge);
    await h.settle();
    expect(h.requests.length).toBe(sent);
    // Move e63 (source of r63) a little.
    const moved = nodes.map((n) => (n.id === 'e63' ? { ...n, x: n.x + 40, y: n.y + 24 } : n));
    h.scheduler.update(moved, toBox, edges, toEdge);
    // Its connector's route is stale at once (the edge shows its provisional path) until re-routed.
    expect(h.routes().get('r63')!.key).not.toBe(routeKey(moved[63]!, moved[63 + 2 * 20 + 1]!));
    await h.settle();
    const again = h.requests.slice(sent).flatMap((r) => r.connectors.map((c) => c.id));
    expect(again).toContain('r63');
    expect(again.length).toBeLessThan(10);
    const after = h.routes();
    expect(after.get('r63')!.key).toBe(routeKey(moved[63]!, moved[63 + 2 * 20 + 1]!));
    // Connectors far away kept the very same route entry.
    expect(after.get('r300')).toBe(before.get('r300'));
  });

  it('re-routes a moved connector with the other connectors of its elements, so they do not share a start', async () => {
    const nodes: Node[] = [
      { id: 'hub', x: 0, y: 200, w: 200, h: 70 },
      { id: 'a', x: 400, y: 0, w: 200, h: 70 },
      { id: 'b', x: 400, y: 200, w: 200, h: 70 },
      { id: 'c', x: 400, y: 400, w: 200, h: 70 },
    ];
    const edges: EdgeLike[] = ['a', 'b', 'c'].map((t) => ({ id: `hub-${t}`, source: 'hub', target: t, label: null }));
    const h = harness();
    h.scheduler.update(nodes, toBox, edges, toEdge);
    await h.settle();
    const sent = h.requests.length;
    const moved = nodes.map((n) => (n.id === 'c' ? { ...n, y: 480 } : n));
    h.scheduler.update(moved, toBox, edges, toEdge);
    await h.settle();
    const ids = h.requests.slice(sent).flatMap((r) => r.connectors.map((c) => c.id));
    expect(ids.sort()).toEqual(['hub-a', 'hub-b', 'hub-c']);
    const starts = edges.map((e) => JSON.stringify(h.routes().get(e.id)!.points[0]));
    expect(new Set(starts).size).toBe(3);
  });

  it('forgets every route on reset (the graph view), and ignores an answer that arrives after', async () => {
    const { nodes, edges } = design(100);
    const h = harness();
    h.scheduler.update(nodes, toBox, edges, toEdge);
    await h.settle();
    const full = h.routes();
    expect(full.size).toBe(edges.length);
    h.scheduler.reset();
    expect(h.routes().size).toBe(0);
    expect(full.size).toBe(edges.length);
    // Routing again from scratch after a reset.
    h.scheduler.update(nodes, toBox, edges, toEdge);
    h.scheduler.reset();
    await h.settle();
    expect(h.routes().size).toBe(0);
  });

  it('does not keep a route computed for positions that changed meanwhile', async () => {
    const { nodes, edges } = design(100);
    const pending: (() => void)[] = [];
    let published: ReadonlyMap<string, RouteEntry> = new Map();
    const scheduler = new ConnectorScheduler(
      (request) =>
        new Promise((resolve) => pending.push(() => resolve({ requestId: request.requestId, routes: routeConnectors(A, request), ms: 0 }))),
      (r) => (published = r),
      { throttleMs: 0 },
    );
    scheduler.update(nodes, toBox, edges, toEdge);
    await new Promise((r) => setTimeout(r, 5));
    expect(pending).toHaveLength(1);
    const first = edges[0]!;
    const moved = nodes.map((n) => (n.id === first.source ? { ...n, x: n.x - 50 } : n));
    scheduler.update(moved, toBox, edges, toEdge);
    pending.shift()!();
    await new Promise((r) => setTimeout(r, 5));
    expect(published.has(first.id)).toBe(false);
    expect(published.size).toBeGreaterThan(0);
    // Its turn comes again, for the new positions.
    while (pending.length > 0) {
      pending.shift()!();
      await new Promise((r) => setTimeout(r, 5));
    }
    const s = moved.find((n) => n.id === first.source)!;
    const t = moved.find((n) => n.id === first.target)!;
    expect(published.get(first.id)?.key).toBe(routeKey(s, t));
  });

  it('10,000 elements: a drag step costs milliseconds on the main thread and routes only a few connectors', async () => {
    const { nodes, edges } = design(10_000);
    let requests = 0;
    let routed = 0;
    const transport: Transport = (request) => {
      requests++;
      routed += request.connectors.length;
      // Answer nothing: this measures the scheduler, not libavoid.
      return Promise.resolve({ requestId: request.requestId, routes: [], ms: 0 });
    };
    const scheduler = new ConnectorScheduler(transport, () => {}, { throttleMs: 0 });
    scheduler.update(nodes, toBox, edges, toEdge);
    await new Promise((r) => setTimeout(r, 5));
    // At load everything is dirty, but one batch at a time goes out.
    expect(requests).toBe(1);
    expect(routed).toBeLessThanOrEqual(BATCH_MAX);
    const t0 = performance.now();
    let current = nodes;
    for (let step = 1; step <= 20; step++) {
      current = current.map((n) => (n.id === 'e5050' ? { ...n, x: n.x + 4 } : n));
      scheduler.update(current, toBox, edges, toEdge);
    }
    const perStep = (performance.now() - t0) / 20;
    // The copy of the array in this test is part of it; the canvas's mapper does that anyway.
    expect(perStep).toBeLessThan(50);
  });

  it('leaves a connector longer than a region unrouted (straight), and stops for good when the router fails', async () => {
    const nodes: Node[] = [
      { id: 'a', x: 0, y: 0, w: 200, h: 70 },
      { id: 'b', x: REGION_MAX + 500, y: 0, w: 200, h: 70 },
      { id: 'c', x: 400, y: 0, w: 200, h: 70 },
    ];
    const edges: EdgeLike[] = [
      { id: 'long', source: 'a', target: 'b', label: null },
      { id: 'short', source: 'a', target: 'c', label: null },
    ];
    const h = harness();
    h.scheduler.update(nodes, toBox, edges, toEdge);
    await h.settle();
    expect([...h.routes().keys()]).toEqual(['short']);

    const errors: string[] = [];
    let calls = 0;
    const failing = new ConnectorScheduler(
      () => {
        calls++;
        return Promise.reject(new Error('WebAssembly.instantiate(): blocked by CSP'));
      },
      () => {},
      { throttleMs: 0, onError: (m) => errors.push(m) },
    );
    failing.update(nodes, toBox, edges, toEdge);
    await new Promise((r) => setTimeout(r, 10));
    failing.update(
      nodes.map((n) => ({ ...n, y: n.y + 10 })),
      toBox,
      edges,
      toEdge,
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(errors).toEqual(['WebAssembly.instantiate(): blocked by CSP']);
    expect(calls).toBe(1);
  });
});
