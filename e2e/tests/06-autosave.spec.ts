import { test, expect } from '../fixtures/fixtures.ts';
import { IDS, openDesignFile } from '../fixtures/seed000.ts';

test('a reload in the middle of an edit loses nothing', async ({ app, canvas, page }) => {
  await app.fresh();
  await openDesignFile(page, app);
  await canvas.select(IDS.data52);
  // Typing, focus still in the field, then reload at once.
  await page.getByTestId('inspector-name').fill('dp-data-52-renamed');
  await page.getByTestId('field-vlan').fill('152');
  const before = await app.document();
  await page.reload();
  await app.ready();
  expect(await app.document()).toEqual(before);
  await expect(canvas.node(IDS.data52)).toContainText('dp-data-52-renamed');
  await app.validated();
});

test('templates, themes and the shortcut sheet', async ({ app, page }) => {
  await app.fresh();
  await page.getByTestId('cmd-templates').click();
  await expect(page.getByTestId('template-seed000-3net-alb')).toContainText('Seed 000');
  await app.screenshot('09-templates');
  await page.getByTestId('template-seed002-multi-3nic').click();
  await app.validated();
  const before = (await app.document()).elements.map((e) => JSON.stringify(e));
  await page.keyboard.press('Shift+L');
  // ELK runs in its worker; the result is one undo step.
  await expect
    .poll(async () => (await app.document()).elements.some((e, i) => JSON.stringify(e) !== before[i]), { timeout: 20_000 })
    .toBe(true);
  await expect(page.getByTestId('cmd-undo')).toBeEnabled();
  await page.waitForTimeout(600);
  await app.screenshot('10-template-auto-layout');
  await page.getByTestId('cmd-theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.screenshot('11-dark-theme');
  await page.keyboard.press('?');
  await expect(page.getByTestId('dialog-shortcuts')).toContainText('Undo');
  await app.screenshot('12-shortcuts');
  await page.keyboard.press('Escape');
  await page.getByTestId('cmd-theme').click();
});

test('the undo history survives a reload', async ({ app, canvas, inspector, page }) => {
  await app.fresh();
  await openDesignFile(page, app);
  const original = await app.document();
  await canvas.select(IDS.data48);
  await inspector.set('vlan', '148');
  const afterVlan = await app.document();
  await inspector.set('vlan', '149');
  const afterSecond = await app.document();
  await canvas.clickEmpty();
  await page.keyboard.press('Control+z');
  expect(await app.document()).toEqual(afterVlan);
  // One step to undo further, one to redo: both must come back after the reload.
  await app.autosaved();
  await page.reload();
  await app.ready();
  expect(await app.document()).toEqual(afterVlan);
  await expect(page.getByTestId('cmd-undo')).toBeEnabled();
  await expect(page.getByTestId('cmd-redo')).toBeEnabled();
  await canvas.clickEmpty();
  await page.keyboard.press('Control+z');
  expect(await app.document()).toEqual(original);
  await expect(page.getByTestId('cmd-undo')).toBeDisabled();
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  expect(await app.document()).toEqual(afterSecond);
  await expect(page.getByTestId('cmd-redo')).toBeDisabled();
});
