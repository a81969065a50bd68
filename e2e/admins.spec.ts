import type { Browser, Page, TestInfo } from '@playwright/test';
import fixture from './admins.fixture';
import { detail, flashConsumed, signIn } from './steps';
import { expect, forSpec, newPage } from './test';

// The Admins page is for Administrators of all accounts only. These tests act as the spec's own
// full-scope Administrator (a minted session), on admins made for them by e2e/admins.fixture.ts.
// The admins whose sessions and passwords change sign in through the real form: that is what
// these tests are about.
//
// Not here: "the last active Administrator of all accounts cannot be demoted or disabled". That
// rule is about every admin in the database, and other specs (and other modes running at the same
// time) need their own Administrators, so no state where it applies can be made in this shared
// database without breaking them. lib/admins/admin-management.test.ts covers it, races included, on
// databases of its own.
const test = forSpec(fixture, (d) => d.manager);

/** A browser of its own, signed in as someone else. */
async function signedIn(browser: Browser, testInfo: TestInfo, email: string, password: string): Promise<Page> {
  const page = await newPage(browser, testInfo, null);
  await signIn(page, email, password);
  return page;
}

async function openAdmin(page: Page, admin: { id: string; name: string }) {
  await page.goto(`/admins/${admin.id}`);
  await expect(page.getByRole('heading', { level: 1, name: admin.name })).toBeVisible();
}

async function chooseAction(page: Page, action: string) {
  await page.getByText('Actions', { exact: true }).click();
  await page.getByRole('link', { name: action }).click();
  await expect(page.getByRole('heading', { level: 1, name: action })).toBeVisible();
}

/** Their session has ended: the next page load asks them to sign in. */
async function expectSignedOut(page: Page) {
  await page.reload();
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}

test('Only Administrators of all accounts have Admins; anyone else gets “Page not found”, even for a forged form', async ({
  page,
  browser,
  as,
  data: admins,
}, testInfo) => {
  await page.goto('/accounts');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admins' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Admins' })).toBeVisible();

  // The manager's real Disable form for an admin, as the browser received it.
  const target = admins.forgeTarget;
  const disablePath = `/admins/${target.id}/disable`;
  await page.goto(disablePath);
  const fields: Record<string, string> = {};
  for (const input of await page.locator('form:has(button:text-is("Disable")) input').all()) {
    const name = await input.getAttribute('name');
    if (!name || ((await input.getAttribute('type')) === 'checkbox' && !(await input.isChecked()))) continue;
    fields[name] = await input.inputValue();
  }
  expect(fields.adminId).toBe(target.id);

  const scoped = await as(admins.scoped); // an Administrator of one account
  const viewer = await as(admins.viewer); // ReadOnly of all accounts
  for (const other of [scoped, viewer]) {
    await other.goto('/accounts');
    await expect(other.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
    await expect(other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admins' })).toHaveCount(0);
    for (const path of [
      '/admins',
      '/admins/new',
      `/admins/${admins.manager.id}`,
      `/admins/${target.id}/change-role-or-accounts`,
      disablePath,
    ]) {
      await other.goto(path);
      await expect(other.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible();
    }
    const response = await other.request.post(disablePath, { multipart: fields, headers: { Origin: new URL(other.url()).origin } });
    expect(response.url()).toMatch(/\/not-found$/);
    expect(await response.text()).toContain('Page not found');
  }

  await openAdmin(page, target);
  await expect(detail(page, 'Status')).toHaveText('Active');
  const theirs = await signedIn(browser, testInfo, target.email, target.password);
  await theirs.context().close();
});

test('Add admin: a taken email is explained and what was typed kept; the one-time password is shown once, and works', async ({
  page,
  browser,
  data: admins,
}, testInfo) => {
  const { run } = admins;
  await page.goto('/admins');
  await page.getByRole('link', { name: 'Add admin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add admin' })).toBeVisible();

  await page.getByRole('button', { name: 'Add admin' }).click();
  const summary = page.getByRole('alert', { name: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Enter their email address' })).toHaveAttribute('href', '#email');
  await expect(summary.getByRole('link', { name: 'Enter their name' })).toHaveAttribute('href', '#name');
  await expect(summary.getByRole('link', { name: 'Select a role' })).toHaveAttribute('href', '#role');
  await expect(page).toHaveTitle('Error: Add admin – Admins – Switchboard');

  const email = `new-${run}-${testInfo.project.name}@e2e.example`;
  const name = `E2E New Admin ${run} ${testInfo.project.name}`;
  const taken = admins.manager.email.toUpperCase();
  await page.getByLabel('Email address').fill(taken);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('radio', { name: /^Administrator/ }).check();
  await page.getByRole('radio', { name: 'Only the accounts chosen below' }).check();
  for (const a of admins.newAdminAccounts) await page.getByRole('checkbox', { name: a.name, exact: true }).check();
  await page.getByRole('button', { name: 'Add admin' }).click();
  await expect(summary.getByRole('link', { name: 'An admin with this email address already exists' })).toHaveAttribute('href', '#email');
  await expect(page.getByLabel('Email address')).toHaveValue(taken);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(page.getByRole('radio', { name: /^Administrator/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Only the accounts chosen below' })).toBeChecked();
  for (const a of admins.newAdminAccounts) await expect(page.getByRole('checkbox', { name: a.name, exact: true })).toBeChecked();

  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Add admin' }).click();
  const banner = page.getByRole('status');
  await expect(banner).toContainText(`${name} is added`);
  await expect(banner).toContainText('It is shown only this once.');
  const password = ((await page.locator('#one-time-password').textContent()) ?? '').trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
  await expect(detail(page, 'Email')).toHaveText(email);
  await expect(detail(page, 'Role')).toHaveText('Administrator');
  await expect(detail(page, 'Accounts')).toHaveText(admins.newAdminAccounts.map((a) => a.name).join(', '));
  await expect(detail(page, 'Status')).toHaveText('Active');

  // Shown once: not on going back to the page from another, nor after a reload.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Admins' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Admins' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(password)).toHaveCount(0);
  await flashConsumed(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(password)).toHaveCount(0);

  // They sign in with it, and have their two accounts and no Admins.
  const them = await signedIn(browser, testInfo, email, password);
  await expect(them.getByRole('table').getByRole('row')).toHaveCount(1 + admins.newAdminAccounts.length);
  await expect(them.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admins' })).toHaveCount(0);
  await them.context().close();
});

test('Change role or accounts: the form shows what they have; once saved, their open session ends', async ({
  page,
  browser,
  data: admins,
}, testInfo) => {
  const target = admins.toChange;
  const theirs = await signedIn(browser, testInfo, target.email, target.password);

  await page.goto('/admins');
  await page.getByLabel('Search admins by name or email').fill(target.email.toUpperCase());
  await page.getByRole('button', { name: 'Search' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Administrator');
  await expect(rows.nth(1)).toContainText('Active');
  await page.getByRole('link', { name: target.name, exact: true }).click();
  await chooseAction(page, 'Change role or accounts');
  await expect(page.getByRole('radio', { name: /^Administrator/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Only the accounts chosen below' })).toBeChecked();
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(1);

  await page.getByRole('radio', { name: /^Read only/ }).check();
  await page.getByRole('radio', { name: /^All accounts/ }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText(`Role and accounts saved for ${target.name}`);
  await expect(detail(page, 'Role')).toHaveText('Read only');
  await expect(detail(page, 'Accounts')).toHaveText('All accounts');

  await expectSignedOut(theirs);
  await signIn(theirs, target.email, target.password);
  await expect(theirs.getByRole('banner')).toContainText('(read only)');
  await theirs.context().close();
});

test(
  'A change form someone else saved first is refused, and shows the admin as they are now',
  { tag: '@postgres' },
  async ({ as, data: admins }) => {
    const target = admins.staleTarget;
    const open = async () => {
      const page = await as(admins.manager);
      await page.goto(`/admins/${target.id}/change-role-or-accounts`);
      await expect(page.getByRole('radio', { name: /^Read only/ })).toBeChecked();
      return page;
    };
    const first = await open();
    const second = await open();
    await first.getByRole('radio', { name: /^Administrator/ }).check();
    await first.getByRole('button', { name: 'Save' }).click();
    await expect(first.getByRole('status')).toContainText(`Role and accounts saved for ${target.name}`);

    await second.getByRole('radio', { name: /^All accounts/ }).check();
    await second.getByRole('button', { name: 'Save' }).click();
    await expect(second.getByRole('alert', { name: 'There is a problem' })).toContainText(
      `Someone else changed ${target.name} while you were editing.`,
    );
    await expect(second.getByRole('radio', { name: /^Administrator/ })).toBeChecked();
    await expect(second.getByRole('radio', { name: 'Only the accounts chosen below' })).toBeChecked();
    // Saving again from the refreshed form works.
    await second.getByRole('radio', { name: /^All accounts/ }).check();
    await second.getByRole('button', { name: 'Save' }).click();
    await expect(second.getByRole('status')).toContainText(`Role and accounts saved for ${target.name}`);
    await expect(detail(second, 'Role')).toHaveText('Administrator');
    await expect(detail(second, 'Accounts')).toHaveText('All accounts');
  },
);

test('Disable: the box is selected by default, their open session ends and they cannot sign in; Enable lets them back', async ({
  page,
  browser,
  data: admins,
}, testInfo) => {
  const target = admins.toDisable;
  const theirs = await signedIn(browser, testInfo, target.email, target.password);

  await openAdmin(page, target);
  await chooseAction(page, 'Disable');
  await expect(page.getByRole('checkbox', { name: `Disable ${target.name} (${target.email})` })).toBeChecked();
  await page.getByRole('button', { name: 'Disable', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`${target.name} is disabled`);
  await expect(detail(page, 'Status')).toContainText('Disabled since');

  await expectSignedOut(theirs);
  await theirs.getByLabel('Email address').fill(target.email);
  await theirs.getByLabel('Password').fill(target.password);
  await theirs.getByRole('button', { name: 'Sign in' }).click();
  await expect(theirs.getByRole('alert', { name: 'There is a problem' })).toContainText('The email address or password is incorrect.');

  await chooseAction(page, 'Enable');
  await page.getByRole('button', { name: 'Enable', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`${target.name} is enabled`);
  await expect(detail(page, 'Status')).toHaveText('Active');
  await signIn(theirs, target.email, target.password);
  await theirs.context().close();

  // Nobody disables themselves.
  await openAdmin(page, admins.manager);
  await page.getByText('Actions', { exact: true }).click();
  await expect(page.getByRole('link', { name: 'Disable' })).toHaveCount(0);
  await page.goto(`/admins/${admins.manager.id}/disable`);
  await expect(page.getByText('You cannot disable yourself.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Disable', exact: true })).toHaveCount(0);
});

test('Reset password: a new one-time password, shown once; the old one stops working and their session ends', async ({
  page,
  browser,
  data: admins,
}, testInfo) => {
  const target = admins.toReset;
  const theirs = await signedIn(browser, testInfo, target.email, target.password);

  await openAdmin(page, target);
  await chooseAction(page, 'Reset password');
  await expect(page.getByRole('checkbox', { name: `Reset the password of ${target.name} (${target.email})` })).toBeChecked();
  await page.getByRole('button', { name: 'Reset password' }).click();
  const banner = page.getByRole('status');
  await expect(banner).toContainText(`${target.name}’s password is reset`);
  const password = ((await page.locator('#one-time-password').textContent()) ?? '').trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
  expect(password).not.toBe(target.password);
  await flashConsumed(page);
  await page.reload();
  await expect(page.getByText(password)).toHaveCount(0);

  await expectSignedOut(theirs);
  await theirs.getByLabel('Email address').fill(target.email);
  await theirs.getByLabel('Password').fill(target.password);
  await theirs.getByRole('button', { name: 'Sign in' }).click();
  await expect(theirs.getByRole('alert', { name: 'There is a problem' })).toContainText('The email address or password is incorrect.');
  await signIn(theirs, target.email, password);
  await theirs.context().close();
});
