/**
 * Comments pinned to a point of the canvas: a comment link right-clicks the empty canvas,
 * "Comment here", and the thread is drawn as a marker at that flow point (it moves with the view,
 * in both views, and never enters the design); a view link in another context sees the marker,
 * opens the thread from it, and the panel brings the view back to it; it cannot make one itself.
 * The keyboard way (C, or the toolbar button) pins a thread at the centre of the view.
 */
import { test, expect } from '../fixtures/fixtures.ts';
import { AppPage } from '../fixtures/AppPage.ts';
import type { Browser, Page } from '@playwright/test';

/** A point of the canvas where nothing but the empty pane is (with room around it). */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const r = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    const pane = (x: number, y: number) => document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') === true;
    for (let fy = 0.25; fy < 0.85; fy += 0.04)
      for (let fx = 0.15; fx < 0.7; fx += 0.04) {
        const x = Math.round(r.left + r.width * fx);
        const y = Math.round(r.top + r.height * fy);
        if ([-40, 0, 40].every((dx) => [-40, 0, 40].every((dy) => pane(x + dx, y + dy)))) return { x, y };
      }
    throw new Error('no empty spot on the canvas');
  });
}

async function open(browser: Browser, url: string): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 960 } });
  const app = new AppPage(await context.newPage());
  await app.page.goto(url);
  await app.ready();
  return app;
}

test('a comment pinned to a canvas point by the context menu is seen and opened through another link', async ({ app, page, browser }) => {
  test.setTimeout(240_000);
  // The app's default view (the network view).
  await app.fresh({ view: null });
  await page.getByTestId('cmd-templates').click();
  await page.getByTestId('template-seed000-3net-alb').click();
  await app.validated();
  await page.getByTestId('cmd-save').click();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-version', '1');
  const fragment = new URLSearchParams(new URL(page.url()).hash.slice(1));
  const designId = fragment.get('design')!;
  const link = async (scope: 'comment' | 'view') => {
    const res = await page.request.post(`/api/designs/${designId}/shares`, {
      headers: { authorization: `Bearer ${fragment.get('edit')}` },
      data: { scope, label: `e2e ${scope}` },
    });
    expect(res.status()).toBe(201);
    const { token } = (await res.json()) as { token: string };
    return `/#design=${encodeURIComponent(designId)}&${scope}=${encodeURIComponent(token)}`;
  };

  // A: a comment link. Right-click on the empty canvas → Comment here.
  const a = await open(browser, await link('comment'));
  await expect(a.page.getByTestId('canvas')).toHaveAttribute('data-view', 'network');
  const before = await a.document();
  const spot = await emptySpot(a.page);
  await a.page.mouse.click(spot.x, spot.y, { button: 'right' });
  await expect(a.page.getByRole('menuitem', { name: 'Comment here' })).toBeFocused();
  await a.screenshot('20-canvas-menu');
  await a.page.getByRole('menuitem', { name: 'Comment here' }).click();
  const form = a.page.getByRole('form', { name: /^New comment on Canvas point \(-?\d+, -?\d+\)$/ });
  await form.getByLabel('Your name').fill('Nina (network)');
  await form.getByLabel('Comment').fill('Leave room here for the DMZ firewall');
  await form.getByRole('button', { name: 'Post comment' }).click();
  const markerA = a.page.getByRole('button', { name: /^Comment at \(-?\d+, -?\d+\): 1 open thread$/ });
  await expect(markerA).toBeVisible();
  // Pinned where the pointer was: the marker's bottom-left corner is the point.
  const box = (await markerA.boundingBox())!;
  expect(Math.abs(box.x - spot.x)).toBeLessThanOrEqual(3);
  expect(Math.abs(box.y + box.height - spot.y)).toBeLessThanOrEqual(3);
  const name = (await markerA.getAttribute('aria-label'))!;
  // It moves with the view (part of the flow) and keeps its size on screen; it is no part of the design.
  await a.page.mouse.move(spot.x + 200, spot.y + 120);
  await a.page.mouse.wheel(0, 300);
  await expect.poll(async () => (await markerA.boundingBox())?.x).not.toBe(box.x);
  expect(Math.abs((await markerA.boundingBox())!.width - box.width)).toBeLessThanOrEqual(1);
  expect(await a.document()).toEqual(before);

  // B: a view link in another context sees the marker, in both views, and opens the thread from it.
  const b = await open(browser, await link('view'));
  const markerB = b.page.getByRole('button', { name });
  await expect(markerB).toBeVisible({ timeout: 20_000 });
  await b.page.getByTestId('view-graph').click();
  await expect(markerB).toBeVisible();
  await markerB.click();
  const thread = b.page.getByTestId('comment-thread').filter({ hasText: 'Canvas point' });
  await expect(thread).toContainText('Leave room here for the DMZ firewall');
  await expect(thread).toContainText('Nina (network)');
  await b.screenshot('20-point-comment');
  // Away from it, the panel brings the view back to the marker.
  await b.page.getByTestId('zoom-fit').click();
  const canvas = (await b.page.getByTestId('canvas').boundingBox())!;
  await b.page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  await b.page.mouse.down();
  await b.page.mouse.move(canvas.x + 40, canvas.y + 60, { steps: 8 });
  await b.page.mouse.up();
  await thread.getByRole('button', { name: /^Canvas point/ }).click();
  await expect
    .poll(async () => {
      const m = await markerB.boundingBox();
      return m ? Math.hypot(m.x - (canvas.x + canvas.width / 2), m.y + m.height - (canvas.y + canvas.height / 2)) : Infinity;
    })
    .toBeLessThan(4);
  // A view link makes none: no menu on right-click, no toolbar button, and C says why.
  const bSpot = await emptySpot(b.page);
  await b.page.mouse.click(bSpot.x, bSpot.y, { button: 'right' });
  await expect(b.page.getByTestId('canvas-menu')).toHaveCount(0);
  await expect(b.page.getByTestId('comment-at-centre')).toHaveCount(0);
  await b.page.keyboard.press('c');
  await expect(b.page.getByRole('form', { name: /^New comment/ })).toHaveCount(0);

  // Without a mouse: C on the canvas pins a thread at the centre of the view.
  await a.page.getByTestId('canvas').focus();
  await a.page.keyboard.press('c');
  const centreForm = a.page.getByRole('form', { name: /^New comment on Canvas point/ });
  await expect(centreForm.getByLabel('Comment')).toBeFocused();
  await a.page.keyboard.type('Centre of the view');
  await centreForm.getByRole('button', { name: 'Post comment' }).click();
  await expect(a.page.getByRole('button', { name: /^Comment at \(-?\d+, -?\d+\): 1 open thread$/ })).toHaveCount(2);
  await expect(b.page.getByRole('button', { name: /^Comment at \(-?\d+, -?\d+\): 1 open thread$/ })).toHaveCount(2, { timeout: 20_000 });
  expect(await a.document()).toEqual(before);

  await a.page.context().close();
  await b.page.context().close();
});
