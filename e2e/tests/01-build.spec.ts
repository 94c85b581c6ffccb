import { readFileSync } from 'node:fs';
import { test, expect } from '../fixtures/fixtures.ts';
import { buildThreeNetwork, DESIGN_FILE } from '../fixtures/seed000.ts';

test('builds seed 000’s 3-network NSX-ALB design from an empty canvas with zero errors', async ({
  app,
  palette,
  canvas,
  inspector,
  page,
}) => {
  await app.fresh();
  await expect(page.getByTestId('canvas')).toContainText('Start your topology');
  await app.screenshot('01-empty');

  const ids = await buildThreeNetwork(app, palette, canvas, inspector);

  // Every connection became what its handle role says.
  const doc = await app.document();
  expect(doc.elements).toHaveLength(8);
  const nic = (from: string, to: string) => doc.links.find((l) => l.from === from && l.to === to);
  expect(nic(ids.l3, ids.data48)).toMatchObject({ role: 'routed', address: '192.168.48.1' });
  expect(nic(ids.se, ids.data52)).toMatchObject({ role: 'data', address: null });
  expect(nic(ids.ctrl, ids.mgmt)).toMatchObject({ role: 'management', address: '192.168.32.10' });
  const wc = doc.elements.find((e) => e.id === ids.wc)!;
  expect(wc.props).toMatchObject({
    nodeNetworkId: ids.data52,
    controllerId: ids.ctrl,
    seGroupId: ids.se,
    workloadVipNetworkId: ids.data48,
    controlPlaneVipNetworkId: ids.data52,
  });
  // NIC edges show the interface address.
  await expect(canvas.edgeLabel(`${ids.ctrl}--${ids.mgmt}-1`)).toHaveText('192.168.32.10');
  await expect(canvas.edgeLabel(`${ids.l3}--${ids.mgmt}-1`)).toHaveText('192.168.32.1');

  expect(await app.counts()).toEqual({ errors: 0, warnings: expect.any(Number) });
  await canvas.clickEmpty();
  await canvas.fit();
  await app.screenshot('02-seed000-3net-built');

  // Export the design (a topology JSON file) for the other specs; it must be a restorable document.
  const download = page.waitForEvent('download');
  await page.getByTestId('cmd-save-file').click();
  await (await download).saveAs(DESIGN_FILE);
  const saved = JSON.parse(readFileSync(DESIGN_FILE, 'utf8')) as { elements: unknown[]; links: unknown[] };
  expect(saved.elements).toHaveLength(8);
  expect(saved.links).toHaveLength(8);
});

test('refuses an invalid connection with a visible reason', async ({ app, palette, canvas }) => {
  await app.fresh();
  const pg = await palette.dragOnto('portGroup', 300, 60);
  const se = await palette.dragOnto('seGroup', 40, 300);
  await canvas.connect(se, 'member', pg);
  await expect(app.toast()).toContainText('goes to NSX-ALB Controller, not to a Port group');
  expect((await app.document()).links).toHaveLength(0);
});

test('palette lists every kind by system and searches', async ({ app, palette }) => {
  await app.fresh();
  for (const kind of ['portGroup', 'router', 'seGroup', 'haproxy', 'tkgCluster', 'supervisor', 'nsxtTier1', 'aciFabric', 'ako'])
    await expect(palette.item(kind)).toBeVisible();
  await palette.search('tier');
  await expect(palette.item('nsxtTier0')).toBeVisible();
  await expect(palette.item('portGroup')).toHaveCount(0);
});
