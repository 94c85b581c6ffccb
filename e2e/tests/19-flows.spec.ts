import { test, expect } from '../fixtures/fixtures.ts';
import { axeFindings } from '../fixtures/axe.ts';

const AKO_TO_CONTROLLER = 'ako/controller-api:workload-cluster-1>avi-controller';

test('lists the flows of seed 000, filters to routed ones and draws AKO → Controller 443 through the L3 switch', async ({
  app,
  exports,
  flows,
  canvas,
  page,
}) => {
  await app.fresh();
  await exports.openTemplate('seed000-3net-alb');
  await app.validated();
  await flows.open();
  await expect(flows.rows().first()).toBeVisible();
  const all = await flows.rows().count();

  await flows.filter('Status', 'routed');
  await expect(flows.rows().first()).toBeVisible();
  expect(await flows.rows().count()).toBeLessThan(all);
  for (const status of await flows.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))))
    expect(status).toBe('routed');

  const row = flows.row(AKO_TO_CONTROLLER);
  await expect(row).toContainText('tkg-wc1 nodes → Controller nodes');
  await expect(row.getByTestId('flow-ports')).toHaveText('tcp 443');
  await expect(row.getByTestId('flow-points')).toHaveText('via L3 switch');

  await flows.filter('Enforcement point', 'l3-switch');
  await expect(row).toBeVisible();

  await row.getByTestId('flow-show').click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  for (const id of ['workload-cluster-1', 'l3-switch', 'avi-controller']) await expect(canvas.node(id)).toHaveClass(/highlight-trace/);
  // Showing a flow selects nothing.
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);
  // Labelled filters and a named table: no critical or serious axe findings in the panel.
  expect(await axeFindings(page, 'flows', '[data-testid="flows"]')).toEqual([]);
});
