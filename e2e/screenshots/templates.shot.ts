/**
 * docs/screenshots/<template>-{before,after}.png: each template after auto-layout, fitted to a
 * 1440×900 window; "before" in the free graph, "after" in the network view (issue 14).
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppPage } from '../fixtures/AppPage.ts';

const OUT = join(process.cwd(), 'docs', 'screenshots');
const TEMPLATES = (
  process.env['SHOT_TEMPLATES'] ?? 'seed000-3net-alb,seed001-tkg-routable,seed002-multi-3nic,seed003-ako-static-route'
).split(',');

async function laidOut(page: Page, view: 'graph' | 'network', file: string) {
  await page.getByTestId(`view-${view}`).click();
  await page.getByTestId('auto-layout').click();
  await expect(page.getByTestId('auto-layout')).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
  // Auto-layout fits the view when it is done; wait for the fit animation to settle.
  await page.waitForTimeout(600);
  await page.getByTestId('zoom-fit').click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(OUT, file), type: 'png' });
}

for (const id of TEMPLATES) {
  test(`template ${id} before and after`, async ({ page }) => {
    mkdirSync(OUT, { recursive: true });
    const app = new AppPage(page);
    await app.fresh();
    await page.getByTestId('cmd-templates').click();
    await page.getByTestId(`template-${id}`).click();
    await expect(page.getByTestId('dialog-templates')).toBeHidden();
    await laidOut(page, 'graph', `${id}-before.png`);
    await laidOut(page, 'network', `${id}-after.png`);
  });
}
