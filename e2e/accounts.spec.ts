import type { Page } from '@playwright/test';
import fixture from './accounts.fixture';
import { formatted } from './fixture';
import { detail } from './steps';
import { expect, forSpec } from './test';

// Create account → (a taken name refused) → Rename → Suspend account → Activate account → Delete
// account, as an Administrator of all accounts; then what a suspension means for assigning, from
// the user's side and the number's, on an account the fixture made with a user and a free number.
const test = forSpec(fixture, (d) => d.manager);

async function chooseAction(page: Page, action: string) {
  await page.getByText('Actions', { exact: true }).click();
  await page.getByRole('link', { name: action, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: action })).toBeVisible();
}

const summary = (page: Page) => page.getByRole('alert', { name: 'There is a problem' });
const banner = (page: Page) => page.getByRole('status');

test('Create account, Rename, Suspend account, Activate account, Delete account', async ({ page, data }, testInfo) => {
  const name = `E2E Created ${data.run} ${testInfo.project.name}`;
  await page.goto('/accounts');
  await page.getByRole('link', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create account' })).toBeVisible();

  // Blank, then over-long: the rule, on the same form (the browser's check with JavaScript, the server's without).
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(summary(page).getByRole('link', { name: 'Enter the account name' })).toHaveAttribute('href', '#name');
  await page.getByLabel('Account name').fill('x'.repeat(101));
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(summary(page).getByRole('link', { name: 'Enter an account name of 100 characters or fewer' })).toBeVisible();

  // Another account's name in capitals, with an invisible character: refused, everything kept.
  const typed = `${data.takenName.toUpperCase()}\u200B`;
  await page.getByLabel('Account name').fill(typed);
  await page.getByRole('radio', { name: 'Enterprise (OpenID Connect)' }).check();
  await page.getByRole('radio', { name: 'Basic' }).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(
    summary(page).getByRole('link', { name: `An account named “${data.takenName}” already exists. Choose another name.` }),
  ).toHaveAttribute('href', '#name');
  await expect(page).toHaveTitle('Error: Create account – Accounts – Switchboard');
  await expect(page.getByLabel('Account name')).toHaveValue(typed);
  await expect(page.getByRole('radio', { name: 'Enterprise (OpenID Connect)' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Basic' })).toBeChecked();

  await page.getByLabel('Account name').fill(`  ${name} `);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(banner(page)).toContainText(`${name} is created`);
  await expect(detail(page, 'Account type')).toHaveText('Enterprise (OpenID Connect)');
  await expect(detail(page, 'Default licence')).toHaveText('Basic');
  await expect(detail(page, 'Status')).toHaveText('Active');
  // What to do first with a new account.
  await expect(page.getByRole('link', { name: 'Add phone numbers' }).first()).toHaveAttribute('href', '/phone-numbers/add');
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByText('This account has no users.')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Add user' })).toHaveAttribute('href', /\/users\/new$/);
  await expect(page.getByRole('main').getByRole('link', { name: 'Import users' })).toHaveAttribute('href', /\/users\/import$/);
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Account summary' }).click();

  const renamed = `${name} Renamed`;
  await chooseAction(page, 'Rename');
  await expect(page.getByLabel('Account name')).toHaveValue(name);
  await page.getByLabel('Account name').fill(renamed);
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(banner(page)).toContainText(`Account renamed to ${renamed}`);

  await chooseAction(page, 'Suspend account');
  await page.getByRole('button', { name: 'Suspend account' }).click();
  await expect(banner(page)).toContainText(`${renamed} is suspended`);
  await expect(detail(page, 'Status')).toHaveText('Suspended');
  await chooseAction(page, 'Activate account');
  await page.getByRole('button', { name: 'Activate account' }).click();
  await expect(banner(page)).toContainText(`${renamed} is active`);
  await expect(detail(page, 'Status')).toHaveText('Active');

  await chooseAction(page, 'Delete account');
  await expect(page.getByText(`${renamed} will be deleted for good.`)).toBeVisible();
  await page.getByRole('button', { name: 'Delete account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(banner(page)).toContainText(`Deleted account ${renamed}`);
  await page.getByLabel('Search accounts by name').fill(renamed);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText(`No accounts match “${renamed}”.`)).toBeVisible();
});

test('A suspended account: its pages say so, and neither assign page assigns; an admin of one account sees none of it', async ({
  page,
  as,
  data,
}) => {
  const account = data.toSuspend;
  const userAssign = `/accounts/${account.id}/users/${data.user.id}/assign-phone-number?q=${data.number.e164.slice(2)}`;
  const numberAssign = `/phone-numbers/${data.number.id}/assign`;
  // Both assign forms, opened before the account is suspended.
  await page.goto(userAssign);
  await page.getByRole('radio', { name: formatted(data.number.e164) }).check();
  const fromNumber = await as(data.manager);
  await fromNumber.goto(`${numberAssign}?accountId=${account.id}&userId=${data.user.id}`);
  await expect(fromNumber.getByRole('button', { name: 'Assign', exact: true })).toBeVisible();

  const other = await as(data.manager);
  await other.goto(`/accounts/${account.id}`);
  await chooseAction(other, 'Suspend account');
  await other.getByRole('checkbox', { name: `Suspend ${account.name}` }).uncheck();
  await other.getByRole('button', { name: 'Suspend account' }).click();
  await expect(summary(other)).toContainText('Select the box to confirm that you want to suspend this account');
  await other.getByRole('checkbox', { name: `Suspend ${account.name}` }).check();
  await other.getByRole('button', { name: 'Suspend account' }).click();
  await expect(banner(other)).toContainText(`${account.name} is suspended`);
  await other.goto(`/accounts/${account.id}/users`);
  await expect(other.getByRole('note')).toContainText(`${account.name} is suspended`);
  await expect(other.getByRole('note')).toContainText('Its users keep their phone numbers, but no phone number can be assigned there.');

  // The forms shown before: refused with the reason, from either side.
  const refusal = `${account.name} is suspended, so no phone number can be assigned there. Activate the account first.`;
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(summary(page)).toContainText(refusal);
  await fromNumber.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(summary(fromNumber)).toContainText(refusal);

  // Opened now, neither page offers a form that cannot succeed; the number side does not offer the account.
  await page.goto(userAssign);
  await expect(page.getByText(refusal)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Assign', exact: true })).toHaveCount(0);
  await fromNumber.goto(`${numberAssign}?q=${encodeURIComponent(account.name)}`);
  await expect(fromNumber.getByText(`${account.name} (suspended: no phone number can be assigned there)`)).toBeVisible();
  await expect(fromNumber.getByRole('link', { name: account.name, exact: true })).toHaveCount(0);
  await fromNumber.goto(`${numberAssign}?accountId=${account.id}&userId=${data.user.id}`);
  await expect(fromNumber.getByText(refusal)).toBeVisible();
  await expect(fromNumber.getByRole('button', { name: 'Assign', exact: true })).toHaveCount(0);
  await fromNumber.goto(`/phone-numbers/${data.number.id}`);
  await expect(detail(fromNumber, 'Status')).toHaveText('Unassigned');

  // An Administrator of one account: no Create account, no Actions, and "Page not found" for the pages.
  const scoped = await as(data.scoped);
  await scoped.goto('/accounts');
  await expect(scoped.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(scoped.getByRole('link', { name: 'Create account' })).toHaveCount(0);
  await scoped.goto(`/accounts/${data.scopedAccountId}`);
  await expect(scoped.getByText('Actions', { exact: true })).toHaveCount(0);
  for (const path of ['/accounts/new', ...['rename', 'suspend', 'delete'].map((p) => `/accounts/${data.scopedAccountId}/${p}`)]) {
    await scoped.goto(path);
    await expect(scoped.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible();
  }

  // Activated again (from the users page's note), the user's assign page offers its form again.
  await other.getByRole('note').getByRole('link', { name: 'Activate account' }).click();
  await other.getByRole('button', { name: 'Activate account' }).click();
  await expect(banner(other)).toContainText(`${account.name} is active`);
  await page.goto(userAssign);
  await expect(page.getByRole('radio', { name: formatted(data.number.e164) })).toBeVisible();
});
