/**
 * axe-core on the main screens: the empty app, a design, the inspector of every element kind
 * (and of an interface), Problems, Trace, History and every dialog, in the light theme; the
 * same screens but one inspector per system in the dark theme (the inspector's colours are the
 * same tokens for every kind). 0 critical and 0 serious violations, contrast included.
 */
import { kindInfo, type ElementKind } from '@viplane/model';
import { test, expect } from '../fixtures/fixtures.ts';
import { provokeSaveConflict } from '../fixtures/saveConflict.ts';
import { ImportPage } from '../fixtures/ImportPage.ts';
import { axeFindings, type AxeFinding } from '../fixtures/axe.ts';

const ALL_KINDS = Object.keys(kindInfo) as ElementKind[];
/** One kind per system, the SE group (interfaces) and the TKG cluster (the largest form). */
const DARK_KINDS = ALL_KINDS.filter(
  (k, i) =>
    ALL_KINDS.findIndex((o) => kindInfo[o].system === kindInfo[k].system) === i || ['portGroup', 'seGroup', 'tkgCluster'].includes(k),
);

for (const theme of ['light', 'dark'] as const) {
  test(`main screens have no critical or serious axe violations (${theme})`, async ({ app, page, browser }) => {
    test.setTimeout(900_000);
    await app.fresh();
    if (theme === 'dark') await page.getByTestId('cmd-theme').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const findings: AxeFinding[] = [];
    const check = async (screen: string, within?: string) => {
      const found = await axeFindings(page, screen, within);
      if (found.length > 0) console.log(JSON.stringify(found, null, 2));
      findings.push(...found);
    };

    await check('empty');

    // Every kind from the palette: adding selects the new element, so the inspector shows it.
    for (const kind of theme === 'light' ? ALL_KINDS : DARK_KINDS) {
      await page.getByTestId(`palette-${kind}`).click();
      await expect(page.getByTestId('inspector')).toHaveAttribute('data-element', /.+/);
      const id = await page.getByTestId('inspector').getAttribute('data-element');
      expect((await app.document()).elements.find((e) => e.id === id)?.kind).toBe(kind);
      await check(`inspector: ${kind}`, '[data-pane="inspector"]');
      if (kind === 'seGroup' && (await app.document()).elements.some((e) => e.kind === 'portGroup')) {
        await page.getByTestId('nic-add-button').click();
        await expect(page.getByTestId('nic-0')).toBeVisible();
        await check('inspector: SE group with an interface', '[data-pane="inspector"]');
      }
    }
    await app.validated();
    await check('design');

    await page.getByTestId('tab-problems').click();
    await check('problems', '[data-pane="inspector"]');
    await page.getByTestId('tab-trace').click();
    await check('trace', '[data-pane="inspector"]');
    await page.getByTestId('tab-history').click();
    await check('history', '[data-pane="inspector"]');
    await page.getByTestId('tab-inspect').click();

    for (const [button, screen] of [
      ['cmd-templates', 'templates dialog'],
      ['cmd-export', 'export dialog'],
      ['cmd-share', 'share dialog'],
      ['cmd-recent', 'recent designs dialog'],
      ['cmd-shortcuts', 'shortcuts dialog'],
      ['cmd-new', 'new design dialog'],
    ] as const) {
      await page.getByTestId(button).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await check(screen, '[role="dialog"]');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }

    // Import: its dialog opens on files (dropped here; the Import button opens the file picker).
    await new ImportPage(page).drop(ImportPage.seed001());
    await check('import dialog', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The save conflict (as in 05-share): someone saves through the edit link first, both renamed
    // the design, so the merge dialog shows one conflict with its radios and the change lists.
    const conflict = await provokeSaveConflict(page, browser);
    await expect(conflict.getByRole('list', { name: 'Conflicts' }).getByRole('listitem')).toHaveCount(1);
    await check('conflict dialog', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
}

test('the top bar keeps one line at 1440 px with a design open', async ({ app, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.fresh();
  await page.getByTestId('cmd-templates').click();
  await page.getByTestId('template-seed000-3net-alb').click();
  await app.validated();
  const bar = await page.getByRole('banner').evaluate((el) => {
    const kids = Array.from(el.children);
    return {
      overflow: el.scrollWidth - el.clientWidth,
      height: el.getBoundingClientRect().height,
      tallest: Math.max(...kids.map((k) => k.getBoundingClientRect().height)),
      right: Math.max(...kids.map((k) => k.getBoundingClientRect().right)),
    };
  });
  expect(bar.overflow).toBeLessThanOrEqual(0);
  expect(bar.tallest).toBeLessThanOrEqual(bar.height);
  expect(bar.right).toBeLessThanOrEqual(1440);
  // Nothing makes the page scroll sideways, and every tab of the details panel is in view, with room
  // left for the Problems count (24 px) this error-free design does not show.
  const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
  expect(page_.scroll).toBeLessThanOrEqual(page_.width);
  const panel = (await page.getByRole('tablist', { name: 'Details' }).boundingBox())!;
  for (const tab of await page.getByRole('tablist', { name: 'Details' }).getByRole('tab').all()) {
    const box = (await tab.boundingBox())!;
    expect(box.x + box.width, await tab.innerText()).toBeLessThanOrEqual(panel.x + panel.width - 24);
  }
});
