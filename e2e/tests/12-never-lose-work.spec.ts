/**
 * Issue 13: nothing replaces a design silently, Recent designs survive a reload, the History panel
 * diffs versions on the canvas and restores one, and two editors' saves merge.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '../fixtures/fixtures.ts';
import { AppPage } from '../fixtures/AppPage.ts';
import { CanvasPage } from '../fixtures/CanvasPage.ts';
import { InspectorPage } from '../fixtures/InspectorPage.ts';
import { HistoryPage } from '../fixtures/HistoryPage.ts';

const SEED000 = 'seed000-3net-alb';
const SEED002 = 'seed002-multi-3nic';

test('Templates and Open over an unsaved design ask, naming what is lost, and Ctrl+Z brings it back', async ({ app, page, history }) => {
  await app.fresh();
  await history.openTemplate(SEED000);
  const first = await app.document();
  expect(first.elements.length).toBeGreaterThan(0);

  // Templates: the question names the elements saved nowhere.
  await history.openTemplate(SEED002);
  await expect(history.replaceDialog()).toBeVisible();
  await expect(history.replaceDialog().getByTestId('replace-lost')).toContainText(`${first.elements.length} elements not saved anywhere`);
  // Cancel keeps the design.
  await history.replaceDialog().getByRole('button', { name: 'Cancel' }).click();
  expect((await app.document()).name).toBe(first.name);

  await history.openTemplate(SEED002);
  await history.confirmReplace();
  const second = await app.document();
  expect(second.name).not.toBe(first.name);
  await page.keyboard.press('Control+z');
  expect(await app.document()).toEqual(first);

  // Open (a file) asks the same way.
  const dir = mkdtempSync(join(tmpdir(), 'viplane-e2e-'));
  const file = join(dir, 'other.viplane.json');
  writeFileSync(file, JSON.stringify(second));
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('cmd-open').click();
  await (await chooser).setFiles(file);
  await expect(history.replaceDialog()).toContainText(`${first.elements.length} elements not saved anywhere`);
  await history.confirmReplace();
  expect((await app.document()).name).toBe(second.name);
  await page.keyboard.press('Control+z');
  expect(await app.document()).toEqual(first);
});

test('the recent-designs list survives a reload and opens a design exactly', async ({ app, page, history }) => {
  await app.fresh();
  await history.openTemplate(SEED000);
  const first = await app.document();
  await app.autosaved();
  await history.openTemplate(SEED002);
  await history.confirmReplace();
  const second = await app.document();
  await app.autosaved();

  await page.reload();
  await app.ready();
  expect((await app.document()).name).toBe(second.name);
  const recent = await history.openRecent();
  const items = recent.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: first.name })).toContainText(`${first.elements.length} elements`);
  await expect(items.filter({ hasText: first.name })).toContainText('only in this browser');
  await recent.getByRole('button', { name: `Open ${first.name}` }).click();
  // Opening is asynchronous (read from IndexedDB): wait for it rather than read the document at once.
  await expect.poll(() => app.document()).toEqual(first);

  // Deleting removes it from the list.
  const again = await history.openRecent();
  await again.getByRole('button', { name: `Delete ${second.name} from Recent designs` }).click();
  await expect(again.getByRole('listitem')).toHaveCount(1);
});

test('the History panel diffs two versions on the canvas and restores one', async ({ app, page, canvas, inspector, history }) => {
  await app.fresh();
  await history.openTemplate(SEED000);
  await history.save(1);
  // Saving again without a change makes no version.
  await page.getByTestId('cmd-save').click();
  await expect(app.toast()).toContainText('no new version');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-version', '1');

  await canvas.select('dp-data-48');
  await inspector.set('vlan', '148');
  await history.save(2);

  const panel = await history.openHistoryTab();
  await expect(panel.getByRole('list', { name: 'Versions' }).getByRole('listitem')).toHaveCount(2);
  await panel.getByRole('button', { name: 'Compare version 1 with the open design' }).click();
  const changes = panel.getByRole('list', { name: 'Changes' });
  await expect(changes).toContainText('VLAN: 48 → 148');
  await expect(canvas.node('dp-data-48')).toHaveAttribute('data-diff', 'changed');
  await expect(canvas.node('dp-mgmt-32')).not.toHaveAttribute('data-diff', /.+/);
  await app.screenshot('13-history-diff');
  await changes.getByRole('button', { name: 'dp-data-48' }).click();
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-element', 'dp-data-48');

  await page.getByRole('tab', { name: 'History' }).click();
  await panel.getByRole('button', { name: 'Compare version 1 with the open design' }).click();
  await panel.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-version', '3');
  const restored = await app.document();
  expect(restored.elements.find((e) => e.id === 'dp-data-48')?.props['vlan']).toBe(48);
  await expect(canvas.node('dp-data-48')).not.toHaveAttribute('data-diff', /.+/);
});

test('two editors on one edit link: different fields merge and both edits are kept', async ({
  app,
  page,
  browser,
  canvas,
  inspector,
  history,
}) => {
  await app.fresh();
  await history.openTemplate(SEED000);
  await history.save(1);
  await page.getByTestId('cmd-share').click();
  const editLink = await page.getByTestId('share-edit-link').inputValue();
  await page.keyboard.press('Escape');

  const other = await browser.newContext({ viewport: { width: 1600, height: 960 } });
  const bPage = await other.newPage();
  const b = {
    app: new AppPage(bPage),
    canvas: new CanvasPage(bPage),
    inspector: new InspectorPage(bPage),
    history: new HistoryPage(bPage),
  };
  await bPage.goto(editLink);
  await b.app.ready();

  // A changes a port group's VLAN and saves.
  await canvas.select('dp-data-52');
  await inspector.set('vlan', '152');
  await history.save(2);

  // B edits live (it opened the link): A's save reached B's session at once, merged field by field, so
  // B's save keeps both edits with nothing to decide (the 412 merge dialog is for saves outside a session).
  await expect.poll(async () => (await b.app.document()).elements.find((e) => e.id === 'dp-data-52')?.props['vlan']).toBe(152);
  await b.canvas.select('workload-cluster-1');
  await b.inspector.set('workerCount', '5');
  await bPage.getByTestId('cmd-save').click();
  await expect(bPage.getByTestId('save-state')).toHaveAttribute('data-version', '3');

  const merged = await b.app.document();
  expect(merged.elements.find((e) => e.id === 'dp-data-52')?.props['vlan']).toBe(152);
  expect(merged.elements.find((e) => e.id === 'workload-cluster-1')?.props['workerCount']).toBe(5);

  // What the server has now is the merge: A sees both edits when it opens the link again.
  await page.goto(editLink);
  await page.reload();
  await app.ready();
  const fromServer = await new AppPage(page).document();
  expect(fromServer.elements.find((e) => e.id === 'workload-cluster-1')?.props['workerCount']).toBe(5);
  expect(fromServer.elements.find((e) => e.id === 'dp-data-52')?.props['vlan']).toBe(152);
  await other.close();
});
