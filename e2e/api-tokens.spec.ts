import type { Page } from '@playwright/test';
import fixture from './api-tokens.fixture';
import { flashConsumed } from './steps';
import { expect, forSpec } from './test';

// The API tokens page, JS on and off, as the fixture's admin (an Administrator of one account):
// create a token (bad input first), see its secret once, use it, revoke it, and find all of it in
// the audit log. The raw posts (a forged token id, the sealed cookie) are in api-tokens.http.ts.
const test = forSpec(fixture, (d) => d.admin);

async function openApiTokens(page: Page) {
  await page.goto('/accounts');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
}

/** Create token → the form → the API tokens page with the new secret; returns the secret. */
async function createToken(page: Page, name: string, choices: { days?: RegExp; readOnly?: boolean } = {}): Promise<string> {
  await page.getByRole('link', { name: 'Create token' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create token' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (choices.days) await page.getByRole('radio', { name: choices.days }).check();
  if (choices.readOnly) await page.getByRole('checkbox', { name: 'Read only' }).check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const banner = page.getByRole('status');
  await expect(banner).toContainText(`Token “${name}” is created`);
  await expect(banner).toContainText('Copy it now: it will not be shown again.');
  return ((await page.locator('#token-secret').textContent()) ?? '').trim();
}

const rowOf = (page: Page, name: string) => page.getByRole('table').getByRole('row').filter({ hasText: name });
const bearer = (secret: string) => ({ headers: { Authorization: `Bearer ${secret}` } });

test('Create token: bad input is explained and what was typed kept; the secret is shown once, and the token reads', async ({
  page,
  data,
}, testInfo) => {
  await openApiTokens(page);
  await page.getByRole('link', { name: 'Create token' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create token' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^90 days/ })).toBeChecked(); // the default

  await page.getByRole('radio', { name: /^30 days/ }).check();
  await page.getByRole('checkbox', { name: 'Read only' }).check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const summary = page.getByRole('alert', { name: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Enter a name for the token' })).toHaveAttribute('href', '#name');
  await expect(page).toHaveTitle('Error: Create token – API tokens – Switchboard');

  const tooLong = `deploy ${'x'.repeat(100)}`;
  await page.getByLabel('Name', { exact: true }).fill(tooLong);
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(summary.getByRole('link', { name: 'Enter a name of 100 characters or fewer' })).toHaveAttribute('href', '#name');
  await expect(page.locator('#name-error')).toContainText('Enter a name of 100 characters or fewer');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(tooLong);
  await expect(page.getByRole('radio', { name: /^30 days/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Read only' })).toBeChecked();

  const name = `deploy script ${testInfo.project.name}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  const banner = page.getByRole('status');
  await expect(banner).toContainText(`Token “${name}” is created`);
  await expect(banner).toContainText('Copy it now: it will not be shown again.');
  await expect(banner).toContainText('Authorization: Bearer');
  await expect(banner).toContainText('SWITCHBOARD_TOKEN');
  await expect(banner.getByRole('link', { name: 'API reference' })).toHaveAttribute('href', '/api-reference');
  const secret = ((await page.locator('#token-secret').textContent()) ?? '').trim();
  expect(secret).toMatch(/^sb_pat_[A-Za-z0-9_-]{43}$/);
  const row = rowOf(page, name);
  await expect(row).toContainText(`${secret.slice(0, 11)}…`);
  await expect(row).toContainText('Read only');
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never'); // not used yet

  // It works against the API, as this admin: their one account.
  const answer = await page.request.get('/api/v1/accounts', bearer(secret));
  expect(answer.status()).toBe(200);
  expect(((await answer.json()) as { items: { name: string }[] }).items.map((a) => a.name)).toEqual([data.account.name]);

  // Shown once: not on going back to the page from another, nor after a reload.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
  await flashConsumed(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(rowOf(page, name)).toContainText(`${secret.slice(0, 11)}…`);
  await expect(rowOf(page, name)).toContainText('Read only');
  await expect(rowOf(page, name)).not.toContainText('Never'); // last used: just now, by the call above

  // The audit log has its creation: what it is called, how it starts, read only, and never the secret.
  await page.goto('/audit?action=create-api-token');
  const created = page
    .getByRole('table')
    .getByRole('row')
    .filter({ hasText: `Name: ${name}` });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText('Created API token');
  await expect(created).toContainText(data.admin.name);
  await expect(created).toContainText(`Secret starts with: ${secret.slice(0, 11)}…`);
  await expect(created).toContainText('Read only: Yes');
  await expect(created).toContainText('Done');
  await expect(page.getByText(secret)).toHaveCount(0);
});

test('Revoke: a confirmation page, then Revoked; the token is refused, and the log says it was that token', async ({
  page,
  data,
}, testInfo) => {
  const name = `revoke me ${testInfo.project.name}`;
  await openApiTokens(page);
  const secret = await createToken(page, name, { days: /^7 days/ });
  await expect(rowOf(page, name)).toContainText('Read and change');
  expect((await page.request.get('/api/v1/accounts', bearer(secret))).status()).toBe(200);

  await rowOf(page, name)
    .getByRole('link', { name: `Revoke “${name}”` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Revoke token' })).toBeVisible();
  await expect(page).toHaveTitle(`Revoke token – ${name} – Switchboard`);
  const confirm = page.getByRole('checkbox', { name: `Revoke “${name}” (${secret.slice(0, 11)}…)` });
  await expect(confirm).toBeChecked();
  await confirm.uncheck();
  await page.getByRole('button', { name: 'Revoke' }).click();
  await expect(
    page
      .getByRole('alert', { name: 'There is a problem' })
      .getByRole('link', { name: 'Select the box to confirm that you want to revoke this token' }),
  ).toBeVisible();
  expect((await page.request.get('/api/v1/accounts', bearer(secret))).status()).toBe(200); // nothing happened
  await confirm.check();
  await page.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('status')).toContainText(`Token “${name}” is revoked`);
  await expect(rowOf(page, name)).toContainText('Revoked');
  await expect(rowOf(page, name).getByRole('link', { name: /^Revoke/ })).toHaveCount(0);

  const refused = await page.request.get('/api/v1/accounts', bearer(secret));
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { detail: string }).detail).toBe('That API token has been revoked.');

  // The refused call is in the log, beside the admin and the token it came with; so is the revocation.
  await page.goto('/audit?action=api-request');
  const call = page
    .getByRole('table')
    .getByRole('row')
    .filter({ hasText: `via API token “${name}”` });
  await expect(call).toHaveCount(1);
  await expect(call).toContainText(`${data.admin.name} · via API token “${name}”`);
  await expect(call).toContainText('API request refused');
  await expect(call).toContainText('Path: /api/v1/accounts');
  await expect(call).toContainText('Denied');
  await expect(call).toContainText('That API token has been revoked.');
  await page.goto('/audit?action=revoke-api-token');
  await expect(
    page
      .getByRole('table')
      .getByRole('row')
      .filter({ hasText: `Name: ${name}` }),
  ).toContainText('Revoked API token');

  // Another admin's token has no Revoke page for this admin at all.
  await page.goto(`/api-tokens/${data.othersToken.id}/revoke`);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

/** A moment as the console writes it in a table whose heading names the zone. */
const inZone = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(new Date(iso));

test('A change made through a token names it beside the admin, in the log and in its CSV; times in the zone the admin chooses', async ({
  page,
  data,
}) => {
  await page.goto(`/audit?userId=${data.user.id}`);
  const row = page.getByRole('table').getByRole('row').filter({ hasText: 'Edited telephony permissions' });
  await expect(row).toHaveCount(1);
  // Times are in UTC until the admin chooses another zone, and the heading says which.
  const when = row.locator('time');
  const iso = (await when.getAttribute('datetime'))!;
  await expect(page.getByRole('columnheader', { name: 'When (UTC)' })).toBeVisible();
  await expect(when).toHaveText(inZone(iso, 'UTC'));
  await expect(row).toContainText(`${data.admin.name} · via API token “${data.syncToken.name}”`);
  await expect(row).toContainText('Inbound calling: Off → On');

  const csv = await (await page.request.get(`/audit/export?userId=${data.user.id}`)).text();
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toContain('Admin,Admin email,Token,Action,');
  expect(lines[1]).toContain(
    `,${data.admin.name},${data.admin.email},API token “${data.syncToken.name}”,Edited telephony permissions,Done,`,
  );

  // The admin's own time zone, kept with their own things: the same moment then reads in Tokyo.
  await openApiTokens(page);
  await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue('UTC');
  await page.getByLabel('Time zone', { exact: true }).selectOption('Asia/Tokyo');
  await page.getByRole('button', { name: 'Save time zone' }).click();
  await expect(page.getByRole('status')).toContainText('Time zone savedDates and times are now shown in Asia/Tokyo.');
  await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue('Asia/Tokyo');
  await page.goto(`/audit?userId=${data.user.id}`);
  await expect(page.getByRole('columnheader', { name: 'When (Asia/Tokyo)' })).toBeVisible();
  await expect(when).toHaveText(inZone(iso, 'Asia/Tokyo'));
  await page.goto('/audit?action=change-time-zone');
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'Changed own time zone' })).toContainText(
    'Time zone: UTC → Asia/Tokyo',
  );
});
