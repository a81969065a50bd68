// The account's Provisioning page, JavaScript on and off: a token is created, its secret shown
// once, and revoked from its own confirmation page. (The browser does not call SCIM: the http
// project does, e2e/scim.http.ts.)
import fixture from './provisioning.fixture';
import { flashConsumed } from './steps';
import { expect, forSpec } from './test';

const test = forSpec(fixture, (d) => d.admin);

test('create a provisioning token, see its secret once, revoke it', async ({ page, data }) => {
  await page.goto(`/accounts/${data.account.id}`);
  await page.getByRole('link', { name: 'Provisioning', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Provisioning' })).toBeVisible();
  await expect(page).toHaveTitle(`Provisioning – ${data.account.name} – Switchboard`);
  await expect(page.getByText('This account has no provisioning tokens.')).toBeVisible();
  await expect(page.getByRole('definition').getByText(/\/scim\/v2$/)).toBeVisible();

  await page.getByRole('link', { name: 'Create provisioning token' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create provisioning token' })).toBeVisible();
  // The name is checked by the server, in the data function's words.
  await page.getByRole('button', { name: 'Create token' }).click();
  const summary = page.getByRole('alert', { name: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Enter a name for the token' })).toHaveAttribute('href', '#name');
  await expect(page).toHaveTitle(`Error: Create provisioning token – ${data.account.name} – Switchboard`);

  await page.getByLabel('Token name').fill(data.tokenName);
  await page.getByRole('button', { name: 'Create token' }).click();
  const banner = page.getByRole('status');
  await expect(banner).toContainText(`${data.tokenName} is created`);
  await expect(banner).toContainText('Copy it now: it will not be shown again.');
  const secret = ((await page.locator('#token-secret').textContent()) ?? '').trim();
  expect(secret).toMatch(/^sb_scim_[A-Za-z0-9_-]{20,}$/);
  const row = page.getByRole('row').filter({ hasText: data.tokenName });
  await expect(row.getByRole('cell')).toHaveText([data.tokenName, /^sb_scim_\S+…$/, /UTC by /, 'Never', 'Active', 'Revoke']);
  const hint = ((await row.getByRole('cell').nth(1).textContent()) ?? '').replace('…', '');
  expect(secret.startsWith(hint)).toBe(true);

  // Shown once: a reload no longer shows it.
  await flashConsumed(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Provisioning' })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveCount(0);
  await expect(row.getByRole('cell').nth(4)).toHaveText('Active');

  await row.getByRole('link', { name: `Revoke ${data.tokenName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Revoke' })).toBeVisible();
  await expect(page.getByText('its next request is refused')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `Revoke ${data.tokenName}` })).toBeChecked();
  await page.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('status')).toContainText(`${data.tokenName} is revoked`);
  await expect(row.getByRole('cell').nth(4)).toHaveText('Revoked');
  await expect(row.getByRole('link', { name: `Revoke ${data.tokenName}` })).toHaveCount(0);
});

test('a ReadOnly admin of the account sees no link and gets "Page not found"', async ({ as, data }) => {
  const viewer = await as(data.viewer);
  await viewer.goto(`/accounts/${data.account.id}`);
  await expect(viewer.getByRole('heading', { level: 1, name: data.account.name })).toBeVisible();
  await expect(viewer.getByRole('link', { name: 'Provisioning', exact: true })).toHaveCount(0);
  for (const path of ['', '/new']) {
    await viewer.goto(`/accounts/${data.account.id}/provisioning${path}`);
    await expect(viewer.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  }
});
