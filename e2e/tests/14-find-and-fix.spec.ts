import { test, expect } from '../fixtures/fixtures.ts';
import type { AppPage } from '../fixtures/AppPage.ts';

/** Issue 14: find anything by address, go from a problem to its field, fix it in one click, undo it in one step. */
const findings = async (app: AppPage, ruleId: string) => (await app.diagnostics()).filter((d) => d.ruleId === ruleId);

test.describe('find and fix', () => {
  test.beforeEach(async ({ app }) => {
    await app.fresh();
  });

  test('find an element by an address: the holders, the range and the network', async ({ app, findFix, page }) => {
    await findFix.openTemplate(app, 'seed000-3net-alb');
    await findFix.find('192.168.48.1');
    // The L3 switch's interface holds it; it is dp-data-48's gateway, inside its subnet.
    await expect(findFix.results().filter({ hasText: 'L3 switch' })).not.toHaveCount(0);
    await expect(findFix.results().filter({ hasText: 'dp-data-48' })).not.toHaveCount(0);
    await expect(findFix.results().first()).toHaveAttribute('aria-selected', 'true');
    await findFix.find('192.168.49.7');
    await expect(findFix.results().filter({ hasText: 'range' }).first()).toContainText('dp-data-48');
    // Arrows move, Enter selects the result and focuses the canvas on it.
    const second = await findFix.results().nth(1).getAttribute('data-element');
    await page.keyboard.press('ArrowDown');
    await expect(findFix.results().nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('find-dialog')).toHaveCount(0);
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-element', second!);
    // The toolbar button opens it too; Escape closes.
    await page.getByTestId('cmd-find').click();
    await expect(findFix.findInput()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('find-dialog')).toHaveCount(0);
  });

  test('a click on a problem focuses the field at fault', async ({ app, findFix, problems, page }) => {
    await findFix.openTemplate(app, 'seed000-3net-alb', 'gateway-typo');
    await problems.open();
    await findFix.diagnostic('ipam/gateway-outside-subnet').click();
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-element', 'dp-data-48');
    await expect(page.locator('[id="field--dp-data-48--gateway"]')).toBeFocused();

    await findFix.openTemplate(app, 'seed000-3net-alb', 'pool-mode-se-address');
    await problems.open();
    await findFix.diagnostic('ipam/pool-mode-address').click();
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-link', 'se-group-default--dp-data-48');
    await expect(page.locator('[id="field--se-group-default--dp-data-48--address"]')).toBeFocused();
  });

  test('export findings join the Problems list, marked as export findings', async ({ app, findFix, problems, page }) => {
    await findFix.openTemplate(app, 'seed000-3net-alb');
    await problems.open();
    await expect(problems.rule('format/tkg-vsphere-value-missing')).toHaveCount(0);
    await page.getByTestId('check-export').click();
    await expect(problems.rule('format/tkg-vsphere-value-missing')).toBeVisible();
    await expect(problems.rule('format/tkg-vsphere-value-missing').getByTestId('export-finding')).toBeVisible();
    await expect(problems.diagnostics('format/tkg-vsphere-value-missing')).not.toHaveCount(0);
  });

  const FIXES = [
    { ruleId: 'routing/no-default-gateway', template: 'seed000-3net-alb', mutation: 'no-data-default-route' },
    { ruleId: 'ipam/gateway-outside-subnet', template: 'seed000-3net-alb', mutation: 'gateway-typo' },
    { ruleId: 'tkg/endpoint-not-on-node-network', template: 'seed000-3net-kubevip', mutation: 'kubevip-endpoint-off-node-net' },
    { ruleId: 'ipam/pool-exhausted', template: 'seed003-ako-static-route', mutation: 'vip-pool-exhausted' },
    { ruleId: 'ipam/pool-mode-address', template: 'seed000-3net-alb', mutation: 'pool-mode-se-address' },
    { ruleId: 'ipam/duplicate-ip', template: 'seed000-3net-alb', mutation: 'shared-vip-same-port' },
  ];
  for (const f of FIXES)
    test(`quick fix for ${f.ruleId}: previewed, applied, undone in one step`, async ({ app, findFix, problems, page }) => {
      await findFix.openTemplate(app, f.template, f.mutation);
      const before = await findings(app, f.ruleId);
      expect(before.length).toBeGreaterThan(0);
      const errorsBefore = (await app.counts()).errors;
      await problems.open();
      const changes = await findFix.previewFix(f.ruleId);
      await expect(changes).not.toHaveCount(0);
      await expect(changes.first()).toContainText('→');
      await findFix.applyFix(f.ruleId);
      await app.validated();
      const firstTargets = before[0]!.targets.map((t) => t.id).join(',');
      expect((await findings(app, f.ruleId)).filter((d) => d.targets.map((t) => t.id).join(',') === firstTargets)).toEqual([]);
      expect((await app.counts()).errors).toBeLessThanOrEqual(errorsBefore);
      // One undo brings the finding back.
      await page.locator('body').press('Control+z');
      await app.validated();
      expect((await findings(app, f.ruleId)).map((d) => d.targets.map((t) => t.id).join(','))).toContain(firstTargets);
    });
});
