import { test, expect } from '../fixtures/fixtures.ts';
import { ImportPage } from '../fixtures/ImportPage.ts';

test("seed 001's management and cl1 configs dropped on an empty canvas become the design, with no errors", async ({
  app,
  canvas,
  imports,
  page,
}) => {
  await app.fresh();
  await imports.drop(ImportPage.seed001());
  await expect(page.getByTestId('import-files')).toContainText('TKG cluster config');
  await expect(page.getByTestId('import-summary')).toContainText('TKG cluster ×2');
  // Credentials are listed as dropped, not kept.
  await expect(page.locator('[data-testid=import-diagnostic][data-rule="import/secret-dropped"]')).toHaveCount(2);
  await expect(page.getByTestId('import-merge')).toHaveCount(0);
  await page.getByTestId('import-new').click();
  await expect(imports.dialog()).toBeHidden();

  const doc = await app.document();
  const id = (kind: string, name: string) => doc.elements.find((e) => e.kind === kind && e.name === name)?.id;
  for (const [kind, name] of [
    ['tkgCluster', 'mgmt'],
    ['tkgCluster', 'cl1'],
    ['nsxtSegment', 'tanzu-overlay'],
    ['nsxtTier1', 'tanzu-cl1'],
  ] as const) {
    expect(id(kind, name), `${kind} ${name}`).toBeDefined();
    await expect(canvas.node(id(kind, name)!)).toBeVisible();
  }
  expect((await app.counts()).errors).toBe(0);
  await app.screenshot('14-import-seed001');

  // The inspector asks for what the files do not say; entering it clears the question.
  await canvas.select(id('nsxtSegment', 'tanzu-overlay')!);
  await expect(page.getByTestId('inspector-unknown')).toContainText('Gateway');
  await expect(page.getByTestId('unknown-gateway')).toBeVisible();
  await page.getByTestId('field-gateway').fill('172.16.128.1');
  await expect(page.locator('[data-testid=unknown-field][data-field=gateway]')).toHaveCount(0);
  await expect(page.getByTestId('unknown-gateway')).toHaveCount(0);
  await canvas.select(id('nsxtTier1', 'tanzu-cl1')!);
  await app.screenshot('15-import-unknown-fields');
});

test('the same files with CLUSTER_CIDR = the node network show ipam/cluster-cidr-overlap on cl1 and tanzu-overlay', async ({
  app,
  canvas,
  imports,
  page,
}) => {
  await app.fresh();
  await imports.drop(ImportPage.seed001((cl1) => cl1.replace('CLUSTER_CIDR: 172.16.136.0/21', 'CLUSTER_CIDR: 172.16.128.0/21')));
  await page.getByTestId('import-new').click();
  const overlap = (await app.diagnostics()).filter((d) => d.ruleId === 'ipam/cluster-cidr-overlap');
  expect(overlap).toHaveLength(1);
  const doc = await app.document();
  const names = overlap[0]!.targets.map((t) => doc.elements.find((e) => e.id === t.id)?.name).sort();
  expect(names).toEqual(['cl1', 'tanzu-overlay']);
  const cl1 = doc.elements.find((e) => e.name === 'cl1')!.id;
  await expect.poll(() => canvas.errorsOn(cl1)).toBeGreaterThan(0);
});

test('files dropped on an open design are added to it as one undo step; a typo key is reported with its line', async ({
  app,
  exports,
  imports,
  page,
}) => {
  await app.fresh();
  await exports.openTemplate('seed000-3net-alb');
  await app.validated();
  const before = (await app.document()).elements.length;
  await imports.drop([{ name: 'wc2.yaml', content: 'CLUSTER_NAME: wc2\nCLUSTER_PLAN: dev\nAVI_DATA_NETWORK_CDIR: 192.168.52.0/24\n' }]);
  const typo = page.locator('[data-testid=import-diagnostic][data-rule="import/unknown-key"]');
  await expect(typo).toContainText('wc2.yaml:3:1');
  await expect(typo).toContainText('did you mean AVI_DATA_NETWORK_CIDR');
  await page.getByTestId('import-merge').click();
  const after = (await app.document()).elements;
  expect(after.length).toBeGreaterThan(before);
  expect(after.some((e) => e.name === 'wc2')).toBe(true);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await app.document()).elements.length).toBe(before);
});
