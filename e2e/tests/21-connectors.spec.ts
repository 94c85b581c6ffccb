/**
 * Connectors in the network view (issue 14): element-to-element references are routed by
 * libavoid (WASM, in a worker of the built app) as orthogonal polylines round every element box,
 * never along a bus; their labels overlap neither each other nor element boxes. After a drag
 * they are routed again for the new positions.
 */
import { test, expect } from '../fixtures/fixtures.ts';
import type { Page } from '@playwright/test';

interface Rect {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Connector {
  id: string;
  source: string;
  target: string;
  points: { x: number; y: number }[] | null;
}

/** Everything in flow coordinates (the viewport's transform undone). */
async function geometry(page: Page): Promise<{ zoom: number; elements: Rect[]; buses: Rect[]; connectors: Connector[]; labels: Rect[] }> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement;
    const m = new DOMMatrix(getComputedStyle(viewport).transform);
    const origin = viewport.parentElement!.getBoundingClientRect();
    const toFlow = (el: Element, id: string) => {
      const r = el.getBoundingClientRect();
      return { id, x: (r.left - origin.left - m.e) / m.a, y: (r.top - origin.top - m.f) / m.a, w: r.width / m.a, h: r.height / m.a };
    };
    const boxes = (selector: string) =>
      Array.from(document.querySelectorAll(selector)).map((el) => toFlow(el, el.getAttribute('data-id') ?? ''));
    const connectors = Array.from(document.querySelectorAll('.react-flow__edge-connection path.react-flow__edge-path')).map((p) => {
      const route = p.getAttribute('data-route');
      return {
        id: p.closest('.react-flow__edge')?.getAttribute('data-id') ?? '',
        source: p.getAttribute('data-source') ?? '',
        target: p.getAttribute('data-target') ?? '',
        points: route
          ? route.split(' ').map((xy: string) => {
              const [x, y] = xy.split(',').map(Number);
              return { x: x!, y: y! };
            })
          : null,
      };
    });
    return {
      zoom: m.a,
      elements: boxes('.react-flow__node-element'),
      buses: boxes('.react-flow__node-bus'),
      connectors,
      labels: Array.from(document.querySelectorAll('.react-flow__edgelabel-renderer .vp-edge-label:not(.vp-drop-label)')).map((el) =>
        toFlow(el, el.textContent ?? ''),
      ),
    };
  });
}

/** The axis-parallel segment a-b passes through the inside of r (shrunk by a pixel: touching is fine). */
function crosses(a: { x: number; y: number }, b: { x: number; y: number }, r: Rect): boolean {
  const x0 = Math.min(a.x, b.x);
  const x1 = Math.max(a.x, b.x);
  const y0 = Math.min(a.y, b.y);
  const y1 = Math.max(a.y, b.y);
  return x1 > r.x + 1 && x0 < r.x + r.w - 1 && y1 > r.y + 1 && y0 < r.y + r.h - 1;
}
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;

/** Every connector routed, orthogonal, clear of other elements' boxes and of the buses' lines; labels clear. */
async function expectRouted(page: Page): Promise<Connector[]> {
  let result: Connector[] = [];
  // Routes arrive from the worker batch by batch, and a connector an element was dragged across
  // keeps its old route until its new one comes: retried until everything is routed and clear.
  await expect(async () => {
    result = checkRouted(await geometry(page));
  }).toPass({ timeout: 15_000 });
  return result;
}

function checkRouted({ elements, buses, connectors, labels }: Awaited<ReturnType<typeof geometry>>): Connector[] {
  expect(connectors.length).toBeGreaterThan(0);
  for (const c of connectors) expect(c.points, `${c.id} is not routed`).not.toBeNull();
  for (const c of connectors) {
    const ps = c.points!;
    expect(ps.length, c.id).toBeGreaterThan(1);
    for (let i = 1; i < ps.length; i++) {
      const a = ps[i - 1]!;
      const b = ps[i]!;
      expect(a.x === b.x || a.y === b.y, `${c.id}: segment ${i} is not horizontal or vertical`).toBe(true);
      for (const e of elements) if (e.id !== c.source && e.id !== c.target) expect(crosses(a, b, e), `${c.id} crosses ${e.id}`).toBe(false);
      // Crossing a bus is fine; running along it is not, but where an element lies over the bus
      // (the template's own positions put some there), the bus is under it and cut round it.
      if (a.y === b.y)
        for (const bus of buses) {
          const under = elements.filter((e) => overlap(e, bus)).map((e) => ({ ...e, x: e.x - 32, w: e.w + 64 }));
          const hidden = under.some((e) => Math.min(a.x, b.x) >= e.x && Math.max(a.x, b.x) <= e.x + e.w);
          if (!hidden) expect(crosses(a, b, bus), `${c.id} runs along the bus ${bus.id}`).toBe(false);
        }
    }
  }
  for (let i = 0; i < labels.length; i++) {
    for (const e of elements) expect(overlap(labels[i]!, e), `label ${labels[i]!.id} on ${e.id}`).toBe(false);
    for (let j = i + 1; j < labels.length; j++) expect(overlap(labels[i]!, labels[j]!), `labels ${i} and ${j}`).toBe(false);
  }
  return connectors;
}

test('routes references orthogonally round elements and buses, and again after a drag', async ({ app, exports, page }) => {
  await app.fresh({ view: 'network' });
  await exports.openTemplate('seed000-3net-alb');
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-view', 'network');
  const before = await expectRouted(page);
  // The template's references: the SE group to its Controller, the cluster to its SE group...
  expect(before.length).toBeGreaterThanOrEqual(2);

  // Drag one end of a connector to free space under everything: its route follows, still clear.
  const moved = before[0]!;
  const { zoom, elements, buses } = await geometry(page);
  const from = elements.find((e) => e.id === moved.source)!;
  const bottom = Math.max(...[...elements, ...buses].map((e) => e.y + e.h));
  const node = page.locator(`.react-flow__node[data-id="${moved.source}"]`);
  const box = (await node.boundingBox())!;
  const dy = (bottom + 120 - from.y) * zoom;
  await page.mouse.move(box.x + 20, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 40, box.y + 12 + dy / 2, { steps: 8 });
  // Mid-drag, the connectors whose ends stay put keep a route (the old one until re-routed).
  const others = (await geometry(page)).connectors.filter((c) => c.source !== moved.source && c.target !== moved.source);
  expect(others.length).toBeGreaterThan(0);
  for (const c of others) expect(c.points, `${c.id} lost its route during the drag`).not.toBeNull();
  await page.mouse.move(box.x + 60, box.y + 12 + dy, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await geometry(page)).connectors.find((c) => c.id === moved.id)?.points).not.toEqual(moved.points);
  await expectRouted(page);
  await app.screenshot('21-connectors');
});

test('routes the references of an NSX-T routable-pod design', async ({ app, exports, page }) => {
  await app.fresh({ view: 'network' });
  // TKG clusters referring to their Tier-1, the Tier-1 to its Tier-0, over an NSX-T overlay segment.
  await exports.openTemplate('seed001-tkg-routable');
  const ids = (await expectRouted(page)).map((c) => c.id);
  expect(ids).toContain('ref:workload-cluster-1:routablePods.tier1Id');
  expect(ids).toContain('ref:tanzu-cl1:tier0Id');
});

test('routes the references of a Supervisor design', async ({ app, exports, page }) => {
  await app.fresh({ view: 'network' });
  // Workload networks, namespaces and TKCs referring to the Supervisor, which refers to its HAProxy.
  await exports.openTemplate('seed002-multi-2nic');
  const ids = (await expectRouted(page)).map((c) => c.id);
  expect(ids).toContain('ref:supervisor:loadBalancer.haproxyId');
  expect(ids).toContain('ref:tkc-1:namespaceId');
  await app.screenshot('21-connectors-supervisor');
});
