import { test, expect } from '../fixtures/fixtures.ts';
import { IDS, openDesignFile } from '../fixtures/seed000.ts';
import type { AppPage } from '../fixtures/AppPage.ts';

/** The seed's known mistakes appear on the right elements as you edit, and go away when fixed. */
test.describe('seed 000 mistakes', () => {
  test.beforeEach(async ({ app, page }) => {
    await app.fresh();
    await openDesignFile(page, app);
    expect((await app.counts()).errors).toBe(0);
  });

  const targetsOf = async (app: AppPage, ruleId: string) =>
    (await app.diagnostics()).filter((d) => d.ruleId === ruleId).map((d) => d.targets.map((t) => t.id));

  test('pod CIDR = dp-mgmt-32’s subnet -> ipam/cluster-cidr-overlap', async ({ app, canvas, inspector, problems }) => {
    await canvas.select(IDS.wc);
    await inspector.set('podCidr', '192.168.32.0/20');
    await app.validated();
    const targets = await targetsOf(app, 'ipam/cluster-cidr-overlap');
    expect(targets.length).toBeGreaterThan(0);
    expect(targets[0]).toEqual(expect.arrayContaining([IDS.wc, IDS.mgmt]));
    await expect.poll(() => canvas.errorsOn(IDS.wc)).toBeGreaterThan(0);
    await problems.open();
    await expect(problems.diagnostics('ipam/cluster-cidr-overlap')).not.toHaveCount(0);
    await app.screenshot('03-problem-cluster-cidr-overlap');
    await inspector.open();
    await inspector.set('podCidr', '100.96.0.0/11');
    await app.validated();
    expect(await targetsOf(app, 'ipam/cluster-cidr-overlap')).toEqual([]);
    expect((await app.counts()).errors).toBe(0);
  });

  test('no data default route -> routing/no-default-gateway', async ({ app, canvas, inspector, problems, page }) => {
    await canvas.select(IDS.ctrl);
    await inspector.deleteVrfRoute('global', 0);
    await app.validated();
    const targets = await targetsOf(app, 'routing/no-default-gateway');
    expect(targets).toHaveLength(1);
    expect(targets[0]).toEqual(expect.arrayContaining([IDS.ctrl, IDS.se]));
    await expect.poll(() => canvas.errorsOn(IDS.se)).toBeGreaterThan(0);
    // The problems panel shows the rule with its docs; a click focuses the targets.
    await problems.open();
    await expect(problems.rule('routing/no-default-gateway')).toBeVisible();
    await page.getByTestId('rule-docs-toggle-routing/no-default-gateway').click();
    await expect(page.getByTestId('rule-docs-routing/no-default-gateway')).toContainText('How to fix');
    await problems.focus('routing/no-default-gateway');
    await expect(canvas.node(IDS.ctrl)).toHaveClass(/highlight-problem/);
    await app.screenshot('04-problems-no-default-gateway');
    await inspector.open();
    await canvas.select(IDS.ctrl);
    await inspector.addVrfRoute('global', '0.0.0.0/0', '192.168.48.1');
    await app.validated();
    expect(await targetsOf(app, 'routing/no-default-gateway')).toEqual([]);
    expect((await app.counts()).errors).toBe(0);
  });

  test('kube-vip endpoint outside the node network -> tkg/endpoint-not-on-node-network', async ({ app, canvas, inspector }) => {
    await canvas.select(IDS.wc);
    await inspector.choose('endpoint.provider', 'kube-vip');
    await inspector.set('endpoint.address', '192.168.49.100');
    await expect(inspector.field('endpoint.address-row-msg')).toContainText('outside the node network');
    await app.validated();
    const targets = await targetsOf(app, 'tkg/endpoint-not-on-node-network');
    expect(targets).toHaveLength(1);
    expect(targets[0]).toEqual([IDS.wc, IDS.data52]);
    await expect(inspector.diagnostics().filter({ hasText: '192.168.49.100' })).not.toHaveCount(0);
    await inspector.set('endpoint.address', '192.168.52.100');
    await app.validated();
    expect(await targetsOf(app, 'tkg/endpoint-not-on-node-network')).toEqual([]);
  });
  test("an IPAM edit shows its badge from the worker's immediate answer, then the full run agrees", async ({
    app,
    canvas,
    inspector,
    page,
  }) => {
    await canvas.select(IDS.data52);
    expect(await canvas.errorsOn(IDS.data52)).toBe(0);
    // Record, when the badge first appears, which rules were still waiting for the full run.
    await page.evaluate((id) => {
      const node = document.querySelector(`[data-testid="node-${id}"]`)!;
      const observer = new MutationObserver(() => {
        if (Number(node.getAttribute('data-errors')) > 0) {
          window.viplaneProbe = window.viplane!.staleRules();
          observer.disconnect();
        }
      });
      observer.observe(node, { attributes: true, attributeFilter: ['data-errors'] });
    }, IDS.data52);
    await inspector.set('gateway', '10.9.9.1');
    await expect.poll(() => canvas.errorsOn(IDS.data52)).toBeGreaterThan(0);
    // The badge came with the incremental answer: the other rules were still stale then.
    const staleAtBadge = (await page.evaluate(() => window.viplaneProbe)) as string[];
    expect(staleAtBadge.length).toBeGreaterThan(0);
    expect(staleAtBadge).not.toContain('ipam/gateway-outside-subnet');
    await app.validated();
    expect(await targetsOf(app, 'ipam/gateway-outside-subnet')).toEqual([[IDS.data52]]);
    expect(await canvas.errorsOn(IDS.data52)).toBeGreaterThan(0);
    await inspector.set('gateway', '192.168.52.1');
    await app.validated();
    expect(await targetsOf(app, 'ipam/gateway-outside-subnet')).toEqual([]);
    await expect.poll(() => canvas.errorsOn(IDS.data52)).toBe(0);
  });
});
