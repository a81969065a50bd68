// The bad-input suite, browser half (the data-layer half is lib/bad-input.test.ts): what an admin
// can type or see in a browser, with JavaScript on and off. The forged and raw posts (hidden
// fields, mass assignment, an oversized body, look-alike Origins, a tampered session cookie,
// literal searches) need no browser and run once, in e2e/forged-requests.http.ts.
//
// Already covered elsewhere, so not repeated here:
// - a post from another site, with Origin "null", or with none (403): e2e/forged-requests.http.ts;
// - a replayed admin form and a read-only admin's forged post: e2e/workflows.spec.ts;
// - a stale permissions form and two browsers racing for one number: e2e/workflows.spec.ts;
// - forged posts to the Admins page's forms: e2e/admins.spec.ts;
// - sign-in's return address (callbackUrl) staying on the site: e2e/sign-in.spec.ts.
import fixture from './bad-input.fixture';
import { expect, forSpec } from './test';

const test = forSpec(fixture, (d) => d.admin);

test('a name with markup is shown as text, and no element is made from it', async ({ page, data: badInput }) => {
  await page.goto(`/accounts/${badInput.accountId}/users`);
  await expect(page.getByRole('link', { name: badInput.markupUser.fullName, exact: true })).toBeVisible();
  await page.goto(`/accounts/${badInput.accountId}/users/${badInput.markupUser.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(badInput.markupUser.fullName);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('a calling name with markup or invisible characters is refused with the rule', async ({ page, data: badInput }) => {
  for (const name of ['<b>x</b>', 'Desk\u200BOne', '\u202EkseD']) {
    await page.goto(`/phone-numbers/${badInput.number.id}/calling-name`);
    await page.getByLabel('Calling name').fill(name);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Enter a calling name');
  }
  await page.goto(`/phone-numbers/${badInput.number.id}`);
  await expect(page.locator('main')).not.toContainText('Desk');
});
