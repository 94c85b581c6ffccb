/**
 * Seed 000's 3-network design built with the keyboard only: no mouse event at all. The palette
 * is reached with F6 and walked with the arrows (Enter adds), F6 goes on to the inspector, Tab
 * moves through its fields, selects change with the arrow keys, switches with Space, interfaces
 * are added from the inspector. The same design as e2e/fixtures/seed000.ts builds by mouse.
 */
import { test, expect } from '../fixtures/fixtures.ts';
import { KeyboardPage } from '../fixtures/KeyboardPage.ts';

test('builds seed 000’s 3-network design by keyboard only, with no errors', async ({ app, page }) => {
  test.setTimeout(900_000);
  await app.fresh();
  const kb = new KeyboardPage(page);

  // Port groups first: the L3 switch's interfaces take each network's gateway when added.
  const network = async (name: string, vlan: string, subnet: string, gateway: string) => {
    const id = await kb.addKind('portGroup');
    await kb.rename(name);
    await kb.type('field-vlan', vlan);
    await kb.type('field-subnet', subnet);
    await kb.type('field-gateway', gateway);
    await kb.toggle('field-albRegistered', true);
    return id;
  };
  const mgmt = await network('dp-mgmt-32', '32', '192.168.32.0/20', '192.168.32.1');
  await kb.addRange('se-pool', '192.168.40.1', '192.168.40.100');
  const data48 = await network('dp-data-48', '48', '192.168.48.0/22', '192.168.48.1');
  await kb.addRange('se-vip-pool', '192.168.49.0', '192.168.49.255');
  const data52 = await network('dp-data-52', '52', '192.168.52.0/22', '192.168.52.1');
  await kb.toggle('field-dhcp', true);
  await kb.addRange('dhcp', '192.168.52.10', '192.168.52.99');
  await kb.addRange('se-vip-pool', '192.168.53.0', '192.168.53.255');

  const clients = await kb.addKind('clientNetwork');
  await kb.rename('clients');
  const l3 = await kb.addKind('router');
  await kb.rename('l3-switch');
  for (const net of [mgmt, data48, data52, clients]) await kb.addInterface(net);

  const ctrl = await kb.addKind('aviController');
  await kb.rename('avi-controller');
  for (const [vrf, nextHop] of [
    ['global', '192.168.48.1'],
    ['management', '192.168.32.1'],
  ] as const) {
    await kb.press(`vrf-${vrf}-routes-add`);
    await kb.type(`vrf-${vrf}-routes-0-prefix`, '0.0.0.0/0');
    await kb.type(`vrf-${vrf}-routes-0-nextHop`, nextHop);
  }
  // The IPAM profile's switch turns into its fields.
  await kb.tabTo('field-ipamProfile-enabled');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('field-ipamProfile')).toBeVisible();
  await kb.type('field-ipamProfile.name', 'tkg-ipam');
  for (const net of [data48, data52]) await kb.toggle(`field-ipamProfile.usableNetworkIds-${net}`, true);
  await kb.addInterface(mgmt);
  await kb.type('nic-0-address', '192.168.32.10');

  const se = await kb.addKind('seGroup');
  await kb.rename('Default-Group');
  await kb.choose('field-controllerId', ctrl);
  await kb.addInterface(mgmt, 'management');
  await kb.addInterface(data48, 'data');
  await kb.addInterface(data52, 'data');

  const wc = await kb.addKind('tkgCluster');
  await kb.rename('workload-1');
  await kb.choose('field-nodeNetworkId', data52);
  await kb.choose('field-controllerId', ctrl);
  await kb.choose('field-seGroupId', se);
  await kb.choose('field-workloadVipNetworkId', data48);
  await kb.choose('field-controlPlaneVipNetworkId', data52);

  // What the mouse build makes (01-build.spec.ts), made by keys.
  const doc = await app.document();
  expect(doc.elements).toHaveLength(8);
  expect(doc.links).toHaveLength(8);
  const nic = (from: string, to: string) => doc.links.find((l) => l.from === from && l.to === to);
  expect(nic(l3, data48)).toMatchObject({ role: 'routed', address: '192.168.48.1' });
  expect(nic(ctrl, mgmt)).toMatchObject({ role: 'management', address: '192.168.32.10' });
  expect(nic(se, data52)).toMatchObject({ role: 'data', address: null, addressMode: 'pool' });
  expect(doc.elements.find((e) => e.id === wc)!.props).toMatchObject({
    nodeNetworkId: data52,
    controllerId: ctrl,
    seGroupId: se,
    workloadVipNetworkId: data48,
    controlPlaneVipNetworkId: data52,
  });

  // Problems (P, from the canvas): no errors.
  await kb.toPane('canvas');
  await page.keyboard.press('p');
  await expect(page.getByTestId('tab-problems')).toHaveAttribute('aria-selected', 'true');
  expect((await app.counts()).errors).toBe(0);
  expect((await app.diagnostics()).filter((d) => d.severity === 'error')).toEqual([]);
  await app.screenshot('16-keyboard-built');
});

test('draws a leaf cable between two ACI switches from a handle, by keyboard only', async ({ app, page }) => {
  await app.fresh();
  const kb = new KeyboardPage(page);
  const focusedNode = () => page.evaluate(() => document.activeElement?.closest<HTMLElement>('.react-flow__node')?.dataset['id'] ?? '');
  /** Arrow keys until the focus is on element `id` (with two elements, one direction leads to it). */
  const arrowTo = async (id: string) => {
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']) {
      await page.keyboard.press(key);
      await expect.poll(focusedNode).not.toBe('');
      if ((await focusedNode()) === id) return;
    }
    throw new Error(`the arrow keys did not reach ${id}`);
  };
  const leafA = await kb.addKind('aciSwitch');
  const leafB = await kb.addKind('aciSwitch');

  // The canvas pane lands on the selected switch (the one added last); the arrows walk to the other.
  await kb.toPane('canvas');
  await expect.poll(focusedNode).toBe(leafB);
  await arrowTo(leafA);
  // Its handles are in the tab order now that it is selected (and only then).
  await expect(page.getByTestId(`handle-${leafB}-leaf`)).toHaveAttribute('tabindex', '-1');
  await kb.tabTo(`handle-${leafA}-leaf`);
  await expect(page.getByTestId(`handle-${leafA}-leaf`)).toHaveAccessibleName(/^Connect Leaf cable from /);

  // Escape cancels a started connection: nothing is drawn.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('key-connect-status')).toContainText('Connecting Leaf cable from');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('key-connect-status')).toHaveText('');

  // Enter on the handle, the arrows to the other switch, Enter there: the cable.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('key-connect-status')).toContainText('Connecting Leaf cable from');
  await arrowTo(leafB);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('key-connect-status')).toHaveText('');
  await expect
    .poll(async () => (await app.document()).links.filter((l) => l.kind === 'leaf').map((l) => [l.from, l.to]))
    .toEqual([[leafA, leafB]]);
});
