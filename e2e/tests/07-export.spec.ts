import { unzipSync } from 'fflate';
import { test, expect } from '../fixtures/fixtures.ts';

const TEMPLATE = 'seed000-3net-alb';

test('the routing view of the SE group shows its NIC networks and the VRF default route', async ({ app, canvas, exports, page }) => {
  await app.fresh();
  await exports.openTemplate(TEMPLATE);
  await app.validated();
  const se = (await app.document()).elements.find((e) => e.kind === 'seGroup');
  expect(se).toBeDefined();

  await expect(page.getByTestId('cmd-routing')).toBeDisabled();
  await canvas.select(se!.id);
  await expect(page.getByTestId('cmd-routing')).toBeEnabled();
  await page.getByTestId('inspector-routing').click();
  await expect(exports.routingView()).toBeVisible();

  const svg = await exports.routingSvg();
  expect(svg.startsWith('<svg')).toBe(true);
  for (const network of ['dp-mgmt-32', 'dp-data-48', 'dp-data-52']) expect(svg).toContain(network);
  expect(svg).toContain('192.168.48.1');

  // Zoomable: 100 % draws it at its own size, + makes it larger.
  await page.getByTestId('routing-zoom-100').click();
  const before = (await page.getByTestId('routing-img').boundingBox())!.width;
  await page.getByTestId('routing-zoom-in').click();
  await expect.poll(async () => (await page.getByTestId('routing-img').boundingBox())!.width).toBeGreaterThan(before);
  await page.getByTestId('routing-zoom-fit').click();
  // Fit shows the whole diagram: it is inside the panel both ways, and fills it one way.
  await expect(page.getByTestId('routing-zoom')).toHaveText(/^Fit \(\d+ %\)$/);
  await expect
    .poll(() =>
      page.getByTestId('routing-scroll').evaluate((el) => {
        const img = el.querySelector('img')!.getBoundingClientRect();
        const room = el.getBoundingClientRect();
        const inside = img.width <= el.clientWidth + 0.5 && img.height <= room.height + 0.5;
        const filled =
          Math.abs(img.width - el.clientWidth) < 2 || Math.abs(img.height - (parseFloat(getComputedStyle(el).maxHeight) - 2)) < 2;
        return inside && filled && el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1;
      }),
    )
    .toBe(true);
  await app.screenshot('13-routing-view');

  const download = page.waitForEvent('download');
  await page.getByTestId('routing-download').click();
  expect((await download).suggestedFilename()).toMatch(/-routing-default-group\.svg$/);

  // The same view from the top bar.
  await page.keyboard.press('Escape');
  await expect(exports.routingView()).toBeHidden();
  await page.getByTestId('cmd-routing').click();
  await expect(exports.routingView()).toBeVisible();
});

test('export downloads a zip', async ({ app, exports }) => {
  await app.fresh();
  await exports.openTemplate(TEMPLATE);
  await app.validated();
  await exports.open();
  await app.screenshot('14-export-dialog');

  const bundle = await exports.download('export-bundle');
  expect(bundle.suggestedFilename()).toMatch(/-bundle\.zip$/);
  const bytes = await exports.bytes(bundle);
  expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
  const names = Object.keys(unzipSync(bytes));
  expect(names.some((n) => n === 'README.md' || n.endsWith('/README.md'))).toBe(true);
  expect(names.some((n) => n === 'topology.json' || n.endsWith('/topology.json'))).toBe(true);

  const report = await exports.download('export-report');
  expect(report.suggestedFilename()).toMatch(/-report\.html$/);
  expect(new TextDecoder().decode(await exports.bytes(report))).toContain('<html');

  const plan = await exports.download('export-address-plan');
  expect(plan.suggestedFilename()).toMatch(/-address-plan\.csv$/);
  expect(new TextDecoder().decode(await exports.bytes(plan))).toContain('192.168.48.');

  // The network handoff: what the network team acts on, as Markdown, HTML, CSV, XLSX and NetBox imports.
  const handoff = await exports.download('export-handoff');
  expect(handoff.suggestedFilename()).toMatch(/-handoff\.zip$/);
  const files = unzipSync(await exports.bytes(handoff));
  for (const name of ['handoff.md', 'handoff.html', 'handoff.xlsx', 'csv/subnets.csv', 'csv/firewall-matrix.csv', 'netbox/prefixes.csv'])
    expect(Object.keys(files)).toContain(name);
  expect(new TextDecoder().decode(files['csv/subnets.csv'])).toContain(
    'dp-data-52,192.168.52.0/22,192.168.52.1,52,192.168.54.1-192.168.55.254',
  );
  expect(new TextDecoder().decode(files['netbox/prefixes.csv']).split('\r\n')[0]).toBe(
    'prefix,vrf,tenant,site,vlan_group,vlan,status,role,is_pool,mark_utilized,description,comments,tags',
  );

  const svg = await exports.download('export-svg');
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  expect(new TextDecoder().decode(await exports.bytes(svg))).toMatch(/^<svg/);
});

test('an export error from the server is shown with its message', async ({ app, exports, page }) => {
  await app.fresh();
  await exports.openTemplate(TEMPLATE);
  await page.route('**/api/export', (route) =>
    route.fulfill({
      status: 501,
      contentType: 'application/json',
      body: JSON.stringify({ statusCode: 501, error: 'Not Implemented', message: 'export to "bundle" is not built yet' }),
    }),
  );
  await exports.open();
  await exports.page.getByTestId('export-bundle').click();
  await expect(exports.error()).toContainText('export to "bundle" is not built yet');
  await expect(exports.page.getByTestId('export-bundle')).toBeEnabled();
});
