/**
 * The rule table of a router ACL (and firewall rules, same editor): add, edit, reorder by keyboard-
 * operable buttons; the flow rules follow, and a problem focuses the rule at fault.
 */
import { test, expect } from '../fixtures/fixtures.ts';
import { axeFindings } from '../fixtures/axe.ts';

test('an ACL built in the inspector blocks, then passes, the vendor flows; a problem focuses its rule', async ({
  app,
  exports,
  canvas,
  problems,
  page,
}) => {
  await app.fresh();
  await exports.openTemplate('seed000-3net-alb');
  await app.validated();
  await canvas.select('l3-switch');
  const acl = page.getByTestId('filter-acl');
  await expect(acl).toContainText('Empty: the router filters nothing');

  // Rule 1: deny TCP 443 to the Controller (picked as an element, not typed).
  await acl.getByTestId('filter-acl-add').click();
  const rule1 = page.getByTestId('filter-acl-0');
  await rule1.getByTestId('filter-acl-0-action').selectOption('deny');
  await rule1.getByTestId('filter-acl-0-ports').fill('443');
  await rule1.getByTestId('filter-acl-0-destinations-pick').selectOption('avi-controller');
  await expect(rule1.getByTestId('filter-acl-0-destinations')).toHaveValue('avi-controller');
  await app.validated();

  // AKO → Controller 443 is denied by rule 1; the problem takes the user to that rule.
  await problems.open();
  const byRule1 = problems.diagnostics('flows/required-flow-blocked').filter({ hasText: 'by rule 1' });
  await expect(byRule1.first()).toBeVisible();
  await byRule1.first().click();
  await expect(page.locator(':focus')).toHaveAttribute('id', 'field--l3-switch--acl.0');

  // Rule 2 allows everything; moved above rule 1, it makes rule 1 dead and no required flow is blocked.
  await acl.getByTestId('filter-acl-add').click();
  await page.getByTestId('filter-acl-1-protocol').selectOption('any');
  await page.getByTestId('filter-acl-1-up').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('filter-acl-0-action')).toHaveValue('allow');
  await expect(page.getByTestId('filter-acl-1-action')).toHaveValue('deny');
  await app.validated();
  await problems.open();
  await expect(problems.diagnostics('flows/rule-shadowed')).toHaveCount(1);
  await expect(problems.diagnostics('flows/required-flow-blocked')).toHaveCount(0);
  await page.getByTestId('tab-inspect').click();

  // Unreadable ports: said in the field at once and by the validator, naming the value.
  await page.getByTestId('filter-acl-1-ports').fill('443x');
  await expect(page.getByTestId('filter-acl-1')).toContainText('"443x" is not a port');
  await app.validated();
  await problems.open();
  await expect(problems.diagnostics('flows/invalid-filter-rule')).toHaveCount(1);
  await expect(problems.diagnostics('flows/invalid-filter-rule')).toContainText('443x');
  await page.getByTestId('tab-inspect').click();

  // Undo restores the readable ports; the editor follows.
  await page.getByTestId('filter-acl-1-ports').blur();
  await page.getByTestId('cmd-undo').click();
  await expect(page.getByTestId('filter-acl-1-ports')).toHaveValue('443');

  expect(await axeFindings(page, 'router ACL editor', '[data-testid="inspector"]')).toEqual([]);
});
