/**
 * Share links you can manage and comments: links made in the share dialog (a comment link and a
 * view link with labels), a comment on a port group written through the comment link in a second
 * browser context, seen in the first after the poll and resolved there; the view link reads it
 * but cannot write; a revoked link and an expired link each say so plainly.
 */
import { test, expect } from '../fixtures/fixtures.ts';
import { AppPage } from '../fixtures/AppPage.ts';
import type { Page } from '@playwright/test';

async function createLink(page: Page, scope: 'view' | 'comment' | 'edit', label: string): Promise<string> {
  const form = page.getByRole('form', { name: 'New link' });
  await form.getByLabel('Scope').selectOption(scope);
  await form.getByLabel('Label').fill(label);
  await form.getByRole('button', { name: 'Create link' }).click();
  const field = page.getByTestId('share-new-link');
  await expect(field).toHaveValue(new RegExp(`#design=[^&]+&${scope}=`));
  await expect(page.getByTestId('share-link-row').filter({ hasText: label })).toHaveCount(1);
  return field.inputValue();
}

test('comment and view links, a comment seen and resolved across contexts, revoked and expired links', async ({ app, page, browser }) => {
  // Four browser contexts and a poll on a shared 2-core machine.
  test.setTimeout(300_000);
  await app.fresh();
  await page.getByTestId('cmd-templates').click();
  await page.getByTestId('template-seed000-3net-alb').click();
  await app.validated();
  await page.getByTestId('cmd-save').click();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-version', '1');
  const doc = await app.document();
  const pg = doc.elements.find((e) => e.kind === 'portGroup' && e.name === 'dp-data-48')!;

  // The share dialog lists the design's two first links and makes two more with labels.
  await page.getByTestId('cmd-share').click();
  await expect(page.getByTestId('share-link-row')).toHaveCount(2);
  const commentUrl = await createLink(page, 'comment', 'network team');
  const viewUrl = await createLink(page, 'view', 'reviewers');
  const rows = page.getByTestId('share-link-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'network team' })).toHaveAttribute('data-scope', 'comment');
  await expect(rows.filter({ hasText: 'reviewers' })).toContainText('never');
  await app.screenshot('18-share-links');
  await page.keyboard.press('Escape');

  // A network engineer opens the comment link: read-only, but may comment on the port group.
  const other = await browser.newContext({ viewport: { width: 1600, height: 960 } });
  // Written for the free graph view (the network view has its own spec, 13): open links in it.
  await other.addInitScript(() => localStorage.setItem('viplane.view.last', 'graph'));
  const reviewer = new AppPage(await other.newPage());
  await reviewer.page.goto(commentUrl);
  await reviewer.ready();
  await expect(reviewer.page.getByTestId('readonly-banner')).toHaveText('View and comment');
  await reviewer.page.getByTestId(`node-${pg.id}`).locator('.vp-node-head').click();
  await reviewer.page.getByRole('button', { name: `Comment on ${pg.name}` }).click();
  const form = reviewer.page.getByRole('form', { name: `New comment on ${pg.name}` });
  await form.getByLabel('Your name').fill('Nina (network)');
  await form.getByLabel('Comment').fill('Is VLAN 48 trunked to every ESXi host?');
  await form.getByRole('button', { name: 'Post comment' }).click();
  await expect(reviewer.page.getByTestId(`comment-marker-${pg.id}`)).toHaveAttribute('data-open', '1');
  // The name was asked once: it is kept for the next comment.
  expect(await reviewer.page.evaluate(() => localStorage.getItem('viplane.displayName'))).toBe('Nina (network)');

  // The designer sees it after the poll, opens it from the marker and resolves it.
  const marker = page.getByRole('button', { name: `1 open comment thread on ${pg.name}` });
  await expect(marker).toBeVisible({ timeout: 20_000 });
  await marker.click();
  const thread = page.getByTestId('comment-thread').filter({ hasText: pg.name });
  await expect(thread).toContainText('Nina (network)');
  await expect(thread).toContainText('Is VLAN 48 trunked to every ESXi host?');
  await app.screenshot('18-comment-thread');
  // The designer has not commented yet: resolving asks their name once.
  await expect(thread.getByRole('button', { name: 'Resolve' })).toBeDisabled();
  await thread.getByLabel('Your name').fill('Dana (designer)');
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByTestId(`comment-marker-${pg.id}`)).toHaveAttribute('data-open', '0');
  await page
    .getByRole('group', { name: 'Show threads' })
    .getByRole('button', { name: /^Resolved/ })
    .click();
  const resolvedThread = page.getByTestId('comment-thread').filter({ hasText: pg.name });
  await expect(resolvedThread).toHaveAttribute('data-status', 'resolved');
  await expect(resolvedThread).toContainText('resolved by Dana (designer)');

  // The view link sees the comment but has nothing to write with.
  // In the network view (the default): a viewer sees the design laid out for it, for display only.
  const viewContext = await browser.newContext({ viewport: { width: 1600, height: 960 } });
  const viewer = new AppPage(await viewContext.newPage());
  await viewer.page.goto(viewUrl);
  await viewer.ready();
  await expect(viewer.page.getByTestId('readonly-banner')).toHaveText('View only');
  await expect(viewer.page.getByTestId('canvas')).toHaveAttribute('data-view', 'network');
  await expect(viewer.page.getByTestId(`node-${pg.id}`)).toHaveAttribute('data-bus', 'true');
  await viewer.page.getByTestId('tab-comments').click();
  await viewer.page.getByRole('group', { name: 'Show threads' }).getByRole('button', { name: /^All/ }).click();
  await expect(viewer.page.getByTestId('comment-thread')).toHaveCount(1);
  await expect(viewer.page.getByTestId('comments-panel')).toContainText('you can read comments but not write them');
  await expect(viewer.page.getByTestId('comment-add')).toHaveCount(0);
  await viewContext.close();

  // Revoke the view link (confirmed first): its page says it was revoked.
  await page.getByTestId('cmd-share').click();
  const viewRow = page.getByTestId('share-link-row').filter({ hasText: 'reviewers' });
  await expect(viewRow).toContainText(/just now|min ago/); // its last use was recorded
  await viewRow.getByRole('button', { name: 'Revoke reviewers' }).click();
  await viewRow.getByTestId('share-revoke-confirm').click();
  await expect(viewRow).toHaveAttribute('data-state', 'revoked');
  await page.keyboard.press('Escape');
  const revokedContext = await browser.newContext();
  const revokedPage = await revokedContext.newPage();
  await revokedPage.goto(viewUrl);
  await expect(revokedPage.getByTestId('link-gone')).toHaveAttribute('data-reason', 'revoked');
  await expect(revokedPage.getByRole('heading', { name: 'This link was revoked' })).toBeVisible();
  await revokedContext.close();

  // An expired link (made through the API with a one-second lifetime) says it expired.
  const fragment = new URLSearchParams(new URL(page.url()).hash.slice(1));
  const designId = fragment.get('design')!;
  const res = await page.request.post(`/api/designs/${designId}/shares`, {
    headers: { authorization: `Bearer ${fragment.get('edit')}` },
    data: { scope: 'comment', label: 'short', expiresInSeconds: 1 },
  });
  expect(res.status()).toBe(201);
  const { token } = (await res.json()) as { token: string };
  await page.waitForTimeout(1500);
  const expiredContext = await browser.newContext();
  const expiredPage = await expiredContext.newPage();
  await expiredPage.goto(`/#design=${encodeURIComponent(designId)}&comment=${encodeURIComponent(token)}`);
  await expect(expiredPage.getByTestId('link-gone')).toHaveAttribute('data-reason', 'expired');
  await expect(expiredPage.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
  await expiredContext.close();
  await other.close();
});
