/**
 * The network view (issue 14): networks are buses, elements hang off them by their interfaces.
 * Seed 000's 3-network design is built in it by dropping elements on buses and connecting
 * typed handles to buses; an interface is moved by dragging its end to another bus; the viewport
 * comes back after a reload.
 */
import { test, expect } from '../fixtures/fixtures.ts';
import type { Page } from '@playwright/test';

/** Drags `kind` from the palette onto the middle of a bus; returns the new element's id. */
async function dropOnBus(page: Page, kind: string, busId: string, along = 0.5): Promise<string> {
  const before = (await page.evaluate(() =>
    (window.viplane!.document() as { elements: { id: string }[] }).elements.map((e) => e.id),
  )) as string[];
  const bus = (await page.getByTestId(`node-${busId}`).boundingBox())!;
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  await page.getByTestId(`palette-${kind}`).dragTo(page.getByTestId('canvas'), {
    targetPosition: { x: bus.x - canvas.x + bus.width * along, y: bus.y - canvas.y + bus.height / 2 },
  });
  let id = '';
  await expect
    .poll(async () => {
      const now = (await page.evaluate(() =>
        (window.viplane!.document() as { elements: { id: string }[] }).elements.map((e) => e.id),
      )) as string[];
      id = now.find((n) => !before.includes(n)) ?? '';
      return id;
    })
    .not.toBe('');
  return id;
}

test('builds seed 000’s 3-network design in the network view, dropping elements on buses', async ({
  app,
  palette,
  canvas,
  inspector,
  page,
}) => {
  // About 60 drags and fields, as 01-build; the shared machine is slow.
  test.setTimeout(300_000);
  await app.fresh({ view: null });
  // The network view is the default.
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-view', 'network');

  const mgmt = await palette.dragOnto('portGroup', 260, 330);
  await expect(canvas.node(mgmt)).toHaveAttribute('data-bus', 'true');
  await inspector.rename('dp-mgmt-32');
  await inspector.set('vlan', '32');
  await inspector.set('subnet', '192.168.32.0/20');
  await inspector.set('gateway', '192.168.32.1');
  await inspector.toggle('albRegistered', true);
  await inspector.addRange('se-pool', '192.168.40.1', '192.168.40.100');
  // The bus writes the network's facts on itself.
  await expect(canvas.node(mgmt)).toContainText('192.168.32.0/20');
  await expect(canvas.node(mgmt)).toContainText('VLAN 32');

  const data48 = await palette.dragOnto('portGroup', 260, 420);
  await inspector.rename('dp-data-48');
  await inspector.set('vlan', '48');
  await inspector.set('subnet', '192.168.48.0/22');
  await inspector.set('gateway', '192.168.48.1');
  await inspector.toggle('albRegistered', true);
  await inspector.addRange('se-vip-pool', '192.168.49.0', '192.168.49.255');

  const data52 = await palette.dragOnto('portGroup', 260, 510);
  await inspector.rename('dp-data-52');
  await inspector.set('vlan', '52');
  await inspector.set('subnet', '192.168.52.0/22');
  await inspector.set('gateway', '192.168.52.1');
  await inspector.toggle('albRegistered', true);
  await inspector.toggle('dhcp', true);
  await inspector.addRange('dhcp', '192.168.52.10', '192.168.52.99');
  await inspector.addRange('se-vip-pool', '192.168.53.0', '192.168.53.255');

  const clients = await palette.dragOnto('clientNetwork', 260, 600);
  await inspector.rename('clients');

  // Dropped on a bus: the element and its interface on that network, in one step.
  const ctrl = await dropOnBus(page, 'aviController', mgmt, 0.45);
  let doc = await app.document();
  expect(doc.links.find((l) => l.from === ctrl)).toMatchObject({ to: mgmt, role: 'management' });
  await page.keyboard.press('Control+z');
  expect((await app.document()).elements.find((e) => e.id === ctrl)).toBeUndefined();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await app.document()).elements.some((e) => e.id === ctrl)).toBe(true);
  await canvas.select(ctrl);
  await inspector.rename('avi-controller');
  await inspector.addVrfRoute('global', '0.0.0.0/0', '192.168.48.1');
  await inspector.addVrfRoute('management', '0.0.0.0/0', '192.168.32.1');
  await inspector.setNicAddress(`${ctrl}--${mgmt}-1`, '192.168.32.10');

  const l3 = await dropOnBus(page, 'router', mgmt, 0.1);
  await canvas.select(l3);
  await inspector.rename('l3-switch');
  for (const net of [data48, data52, clients]) await canvas.connect(l3, 'routed', net);

  const se = await dropOnBus(page, 'seGroup', mgmt, 0.85);
  await canvas.select(se);
  await inspector.rename('Default-Group');
  await canvas.connect(se, 'member', ctrl);
  await canvas.connect(se, 'data', data48);
  await canvas.connect(se, 'data', data52);

  // A cluster dropped on the bus of its node network.
  const wc = await dropOnBus(page, 'tkgCluster', data52, 0.5);
  doc = await app.document();
  expect(doc.elements.find((e) => e.id === wc)!.props).toMatchObject({ nodeNetworkId: data52 });
  await canvas.select(wc);
  await inspector.rename('workload-1');
  await canvas.connect(wc, 'member', ctrl);
  await canvas.connect(wc, 'member', se);
  await canvas.connectAs(wc, 'data', data48, 'workloadVipNetworkId');
  await canvas.connectAs(wc, 'data', data52, 'controlPlaneVipNetworkId');
  await canvas.select(ctrl);
  await inspector.setIpamProfile('tkg-ipam', [data48, data52]);

  doc = await app.document();
  expect(doc.elements).toHaveLength(8);
  const nic = (from: string, to: string) => doc.links.find((l) => l.from === from && l.to === to);
  expect(nic(l3, data48)).toMatchObject({ role: 'routed', address: '192.168.48.1' });
  expect(nic(se, data52)).toMatchObject({ role: 'data', address: null });
  expect(nic(ctrl, mgmt)).toMatchObject({ role: 'management', address: '192.168.32.10' });
  expect(doc.elements.find((e) => e.id === wc)!.props).toMatchObject({
    nodeNetworkId: data52,
    controllerId: ctrl,
    seGroupId: se,
    workloadVipNetworkId: data48,
    controlPlaneVipNetworkId: data52,
  });
  // Every interface is a drop: a vertical line from its element to its own place on the bus.
  for (const l of doc.links) {
    const edge = page.locator(`[data-testid="rf__edge-link:${l.id}"] path.react-flow__edge-path`);
    const d = (await edge.getAttribute('d'))!;
    const [, x1, x2] = /M ([\d.-]+) [\d.-]+ L ([\d.-]+) [\d.-]+/.exec(d)!.map(Number) as [number, number, number];
    expect(x1, l.id).toBe(x2);
  }

  expect((await app.counts()).errors).toBe(0);
  await page.getByTestId('tab-problems').click();
  await expect(page.getByTestId('problems-error')).toHaveCount(0);
  await canvas.clickEmpty();
  await canvas.fit();
  await app.screenshot('13-network-view-built');
});

test('drags an interface end to another bus: the same interface on the other network, one undo step', async ({
  app,
  palette,
  canvas,
  page,
}) => {
  await app.fresh({ view: 'network' });
  const a = await palette.dragOnto('portGroup', 260, 330);
  const b = await palette.dragOnto('portGroup', 260, 470);
  const ctrl = await dropOnBus(page, 'aviController', a, 0.5);
  const linkId = (await app.document()).links.find((l) => l.from === ctrl)!.id;
  const edgeId = `link:${linkId}`;
  // The drop on the bus selected the new interface: drag its bus end to the other bus.
  await expect(page.getByTestId(`edge-grip-target-${edgeId}`)).toBeVisible();
  await canvas.dragEdgeEnd(edgeId, 'target', b);
  await expect.poll(async () => (await app.document()).links.find((l) => l.id === linkId)?.to).toBe(b);
  expect((await app.document()).links).toHaveLength(1);
  // The drop now ends on bus b.
  const busB = (await canvas.node(b).boundingBox())!;
  const grip = (await page.getByTestId(`edge-grip-target-${edgeId}`).boundingBox())!;
  expect(Math.abs(grip.y + grip.height / 2 - busB.y)).toBeLessThan(16);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await app.document()).links.find((l) => l.id === linkId)?.to).toBe(a);

  // Dragging the element keeps its drop attached: the drop's x follows the element (to the
  // nearest free lane of the 20 px grid drops run on).
  const at = async () =>
    page.evaluate(
      (id) =>
        (window.viplane!.document() as { elements: { id: string; position: { x: number } }[] }).elements.find((e) => e.id === id)!.position
          .x,
      ctrl,
    );
  const x0 = await at();
  const node = (await canvas.node(ctrl).boundingBox())!;
  const before = (await page.locator(`[data-testid="rf__edge-${edgeId}"] path.react-flow__edge-path`).getAttribute('d'))!;
  await page.mouse.move(node.x + 20, node.y + 12);
  await page.mouse.down();
  await page.mouse.move(node.x + 80, node.y + 12, { steps: 6 });
  await page.mouse.move(node.x + 140, node.y + 12, { steps: 6 });
  await page.mouse.up();
  const after = (await page.locator(`[data-testid="rf__edge-${edgeId}"] path.react-flow__edge-path`).getAttribute('d'))!;
  expect(after).not.toBe(before);
  const x = (d: string) => Number(/M ([\d.-]+)/.exec(d)![1]);
  const moved = (await at()) - x0;
  expect(moved).toBeGreaterThan(60);
  expect(Math.abs(x(after) - x(before) - moved)).toBeLessThanOrEqual(20);
  expect((await app.document()).links.find((l) => l.id === linkId)?.to).toBe(a);
});

test('restores the zoom and viewport of a design after a reload', async ({ app, palette, page }) => {
  await app.fresh({ view: 'network' });
  await palette.dragOnto('portGroup', 260, 330);
  await palette.dragOnto('router', 560, 160);
  await page.getByTestId('zoom-in').click();
  await page.waitForTimeout(400);
  await page.getByTestId('zoom-in').click();
  await page.waitForTimeout(400);
  const zoom = await page.getByTestId('zoom-level').textContent();
  const transform = await page.locator('.react-flow__viewport').getAttribute('style');
  expect(zoom).not.toBe('100%');
  await app.autosaved();
  await page.reload();
  await app.ready();
  await expect(page.getByTestId('zoom-level')).toHaveText(zoom!);
  // The same place, to the pixel (stored rounded).
  const translate = (style: string | null) =>
    /translate\(([\d.-]+)px, ([\d.-]+)px\)/
      .exec(style ?? '')!
      .slice(1)
      .map(Number);
  const [x0, y0] = translate(transform);
  await expect
    .poll(async () => {
      const [x1, y1] = translate(await page.locator('.react-flow__viewport').getAttribute('style'));
      return Math.max(Math.abs(x1! - x0!), Math.abs(y1! - y0!));
    })
    .toBeLessThan(1.01);
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-view', 'network');
});

/** Pairs of drawn nodes (buses and elements) that overlap by more than a few pixels both ways. */
async function overlappingNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node')).map((n) => ({
      id: n.dataset['id']!,
      r: n.getBoundingClientRect(),
    }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (dx > 4 && dy > 4) out.push(`${boxes[i]!.id}/${boxes[j]!.id}`);
      }
    return out;
  });
}

/** Drawn labels that overlap another label, or a box they are not written on. */
async function labelClashes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rect = (el: Element) => el.getBoundingClientRect();
    const named = (sel: string, what: (el: HTMLElement) => string) =>
      Array.from(document.querySelectorAll<HTMLElement>(sel)).map((el) => ({ el, what: what(el), r: rect(el) }));
    const labels = [
      ...named('.vp-drop-label', (el) => `address ${el.dataset['testid']}`),
      ...named('.vp-frame-label', (el) => `frame ${el.dataset['testid']}`),
      ...named('.vp-bus-name, .vp-bus-fact', (el) => `bus text ${el.textContent}`),
    ];
    const boxes = named('.react-flow__node', (el) => `node ${el.dataset['id']}`);
    const hit = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    const out: string[] = [];
    for (let i = 0; i < labels.length; i++) {
      const a = labels[i]!;
      for (let j = i + 1; j < labels.length; j++) if (hit(a.r, labels[j]!.r)) out.push(`${a.what} / ${labels[j]!.what}`);
      for (const b of boxes) if (!b.el.contains(a.el) && hit(a.r, b.r)) out.push(`${a.what} on ${b.what}`);
    }
    return out;
  });
}

test('a design not laid out for the network view is laid out on its first open (one undo step, once); system groups are framed', async ({
  app,
  page,
}) => {
  await app.fresh({ view: 'network' });
  // The template's positions are the free graph's: as buses, its networks would run over each other.
  await page.getByTestId('cmd-templates').click();
  await page.getByTestId('template-seed000-3net-alb').click();
  await expect(page.getByTestId('dialog-templates')).toBeHidden();
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-view', 'network');
  await expect.poll(() => overlappingNodes(page)).toEqual([]);

  // Containers: the NSX-ALB group is framed and labelled; its label selects its members.
  const frame = page.getByTestId('frame-system:nsx-alb');
  await expect(frame).toBeVisible();
  const members = Number(await frame.getAttribute('data-members'));
  expect(members).toBeGreaterThan(1);
  const label = page.getByRole('button', { name: new RegExp(`^Group NSX Advanced Load Balancer: select its ${members} elements$`) });
  await expect(label).toBeVisible();
  // Every NSX-ALB element box lies inside the frame.
  const f = (await frame.boundingBox())!;
  for (const id of ['avi-controller', 'se-group-default', 'vs-nginx']) {
    const b = (await page.getByTestId(`node-${id}`).boundingBox())!;
    expect(b.x >= f.x && b.y >= f.y && b.x + b.width <= f.x + f.width && b.y + b.height <= f.y + f.height, id).toBe(true);
  }
  // As drawn (real fonts): no address, bus or frame label overlaps another label or a box.
  await expect.poll(() => page.locator('.vp-drop-label').count()).toBeGreaterThan(3);
  expect(await labelClashes(page)).toEqual([]);
  await label.click();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(members);

  // The layout is one undo step, and it is not made again on this design.
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await overlappingNodes(page)).length).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  expect((await overlappingNodes(page)).length).toBeGreaterThan(0);
  await app.autosaved();
  await page.reload();
  await app.ready();
  await page.waitForTimeout(500);
  expect((await overlappingNodes(page)).length).toBeGreaterThan(0);
});
