import { expect, test } from '@playwright/test';
import { e2eData } from './data';

// These tests start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test('signing in with the right password opens Accounts; signing out ends the session', async ({ page }, testInfo) => {
  const data = e2eData(testInfo.project.name);
  await page.goto('/login');
  await expect(page).toHaveTitle('Sign in – Switchboard');
  await page.getByLabel('Email address').fill(data.admin.email.toUpperCase());
  await page.getByLabel('Password').fill(data.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(data.admin.name);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.goto('/accounts');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccounts$/);
});

for (const [what, email, password] of [
  ['a wrong password', 'admin', 'not-the-password'],
  ['an unknown email', 'nobody', 'not-the-password'],
] as const) {
  test(`${what} gets one generic message, keeps the email and signs nobody in`, async ({ page }, testInfo) => {
    const data = e2eData(testInfo.project.name);
    const typed = email === 'admin' ? data.admin.email : `nobody-${data.run}@e2e.example`;
    await page.goto('/login');
    await page.getByLabel('Email address').fill(typed);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('The email address or password is incorrect.');
    await expect(page).toHaveTitle('Error: Sign in – Switchboard');
    await expect(page.getByLabel('Email address')).toHaveValue(typed);
    await expect(page.getByLabel('Password')).toHaveValue('');
    await page.goto('/accounts');
    await expect(page).toHaveURL(/\/login/);
  });
}

test('an empty form is answered on the same page, field by field', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const summary = page.getByRole('alert', { name: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Enter your email address' })).toHaveAttribute('href', '#email');
  await expect(summary.getByRole('link', { name: 'Enter your password' })).toHaveAttribute('href', '#password');
  await expect(page).toHaveTitle('Error: Sign in – Switchboard');
});

test('a signed-out visit to a user page asks to sign in, then returns to that page', async ({ page }, testInfo) => {
  const data = e2eData(testInfo.project.name);
  const user = data.users[3]!;
  const target = `/accounts/${data.accounts[0]!.id}/users/${user.id}`;
  await page.goto(target);
  await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(target)}`);
  await page.getByLabel('Email address').fill(data.admin.email);
  await page.getByLabel('Password').fill(data.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(target);
  await expect(page.getByRole('heading', { level: 1, name: user.fullName })).toBeVisible();
});

test('the return address cannot send the admin to another site', async ({ page }, testInfo) => {
  const data = e2eData(testInfo.project.name);
  await page.goto('/login?callbackUrl=' + encodeURIComponent('https://evil.example/phish'));
  await page.getByLabel('Email address').fill(data.admin.email);
  await page.getByLabel('Password').fill(data.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(testInfo.project.use.baseURL!).host);
});
