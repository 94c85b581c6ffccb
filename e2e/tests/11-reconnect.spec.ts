import { test, expect } from '../fixtures/fixtures.ts';
import { IDS, openDesignFile } from '../fixtures/seed000.ts';

test('dragging the end of an interface moves it to another network; a wrong target is refused with the reason', async ({
  app,
  canvas,
  page,
}) => {
  await app.fresh();
  await openDesignFile(page, app);
  const original = await app.document();
  const link = original.links.find((l) => l.from === IDS.se && l.to === IDS.data52 && l.role === 'data')!;
  const edgeId = `link:${link.id}`;

  // Select the interface by its label; its ends show grips where they can be grabbed.
  await canvas.edgeLabel(link.id).click();
  await canvas.dragEdgeEnd(edgeId, 'target', IDS.ctrl);
  await expect(app.toast()).toContainText('not to a');
  expect(await app.document()).toEqual(original);

  await canvas.edgeLabel(link.id).click();
  await canvas.dragEdgeEnd(edgeId, 'target', IDS.clients);
  await app.validated();
  const moved = await app.document();
  expect(moved.links.find((l) => l.id === link.id)).toMatchObject({ from: IDS.se, to: IDS.clients, role: 'data' });
  expect(moved.links).toHaveLength(original.links.length);
  await app.screenshot('13-reconnected-interface');

  // One undo step puts it back.
  await canvas.clickEmpty();
  await page.keyboard.press('Control+z');
  expect(await app.document()).toEqual(original);
});
