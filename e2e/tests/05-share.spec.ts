import { test, expect } from '../fixtures/fixtures.ts';
import { openDesignFile } from '../fixtures/seed000.ts';
import { AppPage } from '../fixtures/AppPage.ts';
import { provokeSaveConflict } from '../fixtures/saveConflict.ts';
import { CanvasPage } from '../fixtures/CanvasPage.ts';

test('save with a version, share a view link, open it read-only and identical', async ({ app, page, browser }) => {
  await app.fresh();
  await openDesignFile(page, app);
  await page.getByTestId('cmd-save').click();
  await expect(app.toast()).toContainText('version 1');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-version', '1');

  await page.getByTestId('doc-name').fill('seed 000 — shared');
  await page.getByTestId('doc-name').blur();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-version', '2');

  await page.getByTestId('cmd-share').click();
  const viewLink = await page.getByTestId('share-view-link').inputValue();
  expect(viewLink).toMatch(/#design=[^&]+&view=/);
  await app.screenshot('06-share-dialog');
  await page.keyboard.press('Escape');

  const mine = await app.document();
  const myDiagnostics = await app.diagnostics();

  const other = await browser.newContext({ viewport: { width: 1600, height: 960 } });
  // The link opens in the network view (the default). The design was laid out in the free graph:
  // a read-only viewer sees it laid out for the network view, for display only (the document
  // stays the one shared, compared below).
  const viewer = new AppPage(await other.newPage());
  await viewer.page.goto(viewLink);
  await viewer.ready();
  await expect(viewer.page.getByTestId('readonly-banner')).toBeVisible();
  await expect(viewer.page.getByTestId('palette')).toHaveCount(0);
  await viewer.validated();
  expect(await viewer.document()).toEqual(mine);
  expect(await viewer.diagnostics()).toEqual(myDiagnostics);
  await expect(viewer.page.getByTestId('canvas')).toHaveAttribute('data-view', 'network');
  await expect(viewer.page.getByTestId('node-pg-1')).toHaveAttribute('data-bus', 'true');
  // Read-only: nothing to edit in the inspector, no undo, no drag.
  await new CanvasPage(viewer.page).select('pg-1');
  await expect(viewer.page.getByTestId('inspector-name')).toBeDisabled();
  await viewer.page.keyboard.press('Delete');
  await expect(viewer.page.getByTestId('dialog-confirm-delete')).toHaveCount(0);
  await viewer.screenshot('07-view-link-read-only');
  // A viewer can take an editable copy of their own.
  await viewer.page.getByTestId('cmd-edit-copy').click();
  await expect(viewer.page.getByTestId('readonly-banner')).toHaveCount(0);
  await expect(viewer.page.getByTestId('palette')).toBeVisible();
  expect(viewer.page.url()).not.toContain('#design=');
  await other.close();
});

test('a concurrent save of the same field is a 412 conflict decided field by field', async ({ app, page, browser }) => {
  await app.fresh();
  await openDesignFile(page, app);
  // Someone else saves version 2 through the edit link, then I save my rename.
  const dialog = await provokeSaveConflict(page, browser);
  await expect(dialog).toContainText('version 2');
  // Both renamed the design: one conflict, theirs kept unless mine is picked.
  const conflicts = dialog.getByRole('list', { name: 'Conflicts' });
  await expect(conflicts.getByRole('listitem')).toHaveCount(1);
  await expect(conflicts.getByRole('radio', { name: 'Keep theirs' })).toBeChecked();
  await app.screenshot('08-save-conflict');
  await conflicts.getByRole('radio', { name: 'Use mine' }).check();
  await dialog.getByRole('button', { name: 'Save the merge' }).click();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-version', '3');
  expect((await app.document()).name).toBe('my edit');
});
