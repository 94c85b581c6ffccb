import { test, expect } from '../fixtures/fixtures.ts';
import { IDS, openDesignFile } from '../fixtures/seed000.ts';

test('undo and redo restore the document exactly; one drag is one step', async ({ app, canvas, inspector, page }) => {
  await app.fresh();
  await openDesignFile(page, app);
  const original = await app.document();

  // Three edits: a field, a drag, a deletion (with its confirmation).
  await canvas.select(IDS.data48);
  await inspector.set('vlan', '148');
  const afterVlan = await app.document();
  const box = (await canvas.node(IDS.clients).boundingBox())!;
  await page.mouse.move(box.x + 60, box.y + 14);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 60, { steps: 10 });
  await page.mouse.move(box.x + 200, box.y + 120, { steps: 10 });
  await page.mouse.up();
  const afterDrag = await app.document();
  expect(afterDrag.elements.find((e) => e.id === IDS.clients)).not.toEqual(afterVlan.elements.find((e) => e.id === IDS.clients));

  await canvas.select(IDS.se);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('dialog-confirm-delete')).toContainText('Default-Group');
  await expect(page.getByTestId('delete-links')).toContainText('dp-data-48');
  await expect(page.getByTestId('delete-refs')).toContainText('workload-1');
  await page.getByTestId('dialog-confirm').click();
  const afterDelete = await app.document();
  expect(afterDelete.elements.some((e) => e.id === IDS.se)).toBe(false);

  await canvas.clickEmpty();
  await page.keyboard.press('Control+z');
  expect(await app.document()).toEqual(afterDrag);
  await page.keyboard.press('Control+z');
  expect(await app.document()).toEqual(afterVlan);
  await page.keyboard.press('Control+z');
  expect(await app.document()).toEqual(original);
  await expect(page.getByTestId('cmd-undo')).toBeDisabled();

  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  expect(await app.document()).toEqual(afterDelete);
  await app.validated();
});

test('copy, paste and duplicate keep the document valid', async ({ app, canvas, page }) => {
  await app.fresh();
  await openDesignFile(page, app);
  await canvas.select(IDS.se);
  await page.keyboard.press('Control+d');
  const doc = await app.document();
  expect(doc.elements.map((e) => e.id)).toContain('se-group-2');
  expect(doc.elements.find((e) => e.id === 'se-group-2')?.props).toMatchObject({ controllerId: IDS.ctrl });
  await app.validated();
});
