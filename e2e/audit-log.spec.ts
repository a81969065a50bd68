import fs from 'node:fs';
import type { Page } from '@playwright/test';
import fixture from './audit-log.fixture';
import { formatted } from './fixture';
import { openUserDetails } from './steps';
import { expect, forSpec } from './test';

// The audit log's known rows are made by e2e/audit-log.fixture.ts in an account of its own:
// inbound calling turned on (Done), a stale edit (Conflict) and a read-only admin's try (Denied).
// Every test here also runs on PostgreSQL (tagged @postgres): the log's sequence, filters and
// append-only rows are the database's.
const test = forSpec(fixture, (d) => d.admin);

async function filterBy(page: Page, choices: { account?: string; actions?: string[]; outcome?: string }) {
  if (choices.account) await page.getByLabel('Account', { exact: true }).selectOption({ label: choices.account });
  if (choices.actions) {
    // The actions are checkboxes behind a summary (a <details>, which opens without JavaScript).
    const actions = page.locator('details.choices');
    if (!(await actions.evaluate((d: HTMLDetailsElement) => d.open))) await actions.locator('summary').click();
    for (const action of choices.actions) await page.getByRole('checkbox', { name: action, exact: true }).check();
  }
  if (choices.outcome) await page.getByLabel('Outcome', { exact: true }).selectOption({ label: choices.outcome });
  await page.getByRole('button', { name: 'Apply filters' }).click();
}

test('Filter the audit log by action and outcome and see the right rows', { tag: '@postgres' }, async ({ page, data: audit }) => {
  await page.goto('/accounts');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();

  await filterBy(page, { account: audit.accountName, actions: ['Edited telephony permissions'], outcome: 'Conflict' });
  await expect(page).toHaveURL(/[?&]outcome=Conflict(&|$)/);
  await expect(page).toHaveURL(/[?&]action=edit-telephony-permissions(&|$)/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  const conflict = rows.nth(1);
  await expect(conflict).toContainText(audit.subject.fullName);
  await expect(conflict).toContainText(audit.admin.name);
  await expect(conflict).toContainText('Edited telephony permissions');
  await expect(conflict).toContainText('Conflict');
  await expect(conflict).toContainText('Asked for:');
  await expect(conflict).toContainText('Outbound calling: On');
  await expect(conflict).toContainText('Someone else changed');
  await expect(page.getByLabel('Outcome', { exact: true })).toHaveValue('Conflict'); // the form shows what is applied

  await filterBy(page, { outcome: 'Done' });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Inbound calling: Off → On');
  await expect(rows.nth(1)).toContainText(formatted(audit.subject.e164));
  await expect(rows.nth(1)).not.toContainText('Asked for:');

  await filterBy(page, { outcome: 'Denied' });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(audit.viewerName);
  await expect(rows.nth(1)).toContainText('read-only access');

  await filterBy(page, { outcome: 'Invalid' });
  await expect(page.getByText('No events match.')).toBeVisible();

  // An account this admin does not administer stays out of sight, even by URL.
  await page.goto(`/audit?accountId=${audit.hiddenAccountId}`);
  await expect(page.getByText('No events match.')).toBeVisible();
  await page.goto('/audit?action=edit-telephony-permissions&outcome=not-an-outcome&from=2026-02-31');
  await expect(page.getByLabel('Outcome', { exact: true })).toHaveValue(''); // a bad value is ignored
  await expect(page.getByText(audit.hiddenUserName)).toHaveCount(0);
  // A day that is not one is said to be wrong beside its box, kept as typed; the others still apply.
  await expect(page.locator('#from-error')).toHaveText('Error: Enter a day like 1 Dec 2026 or 2026-12-01');
  await expect(page.getByRole('textbox', { name: 'From' })).toHaveValue('2026-02-31');
  await expect(page).toHaveTitle(/^Error: Audit log/);
});

test(
  'See only changes, several actions at once, from a day written as the pages write it',
  { tag: '@postgres' },
  async ({ page, data: audit }) => {
    await page.goto(`/audit?adminId=${audit.admin.id}`);
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows.filter({ hasText: 'Sign-in' })).toHaveCount(1);
    // Adding numbers names how many, linked to the numbers, and never the import's internal id.
    const added = rows.filter({ hasText: 'Added phone numbers' });
    await expect(added.getByRole('link', { name: 'Added 2 phone numbers' })).toHaveAttribute(
      'href',
      `/phone-numbers/add/${audit.importId}`,
    );
    await expect(added).not.toContainText(audit.importId);

    await page.getByRole('checkbox', { name: 'Changes only' }).check();
    await page.getByRole('textbox', { name: 'From' }).fill('1 Jan 2020');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/[?&]changes=only(&|$)/);
    await expect(page.getByRole('textbox', { name: 'From' })).toHaveValue('1 Jan 2020');
    await expect(rows.filter({ hasText: 'Added phone numbers' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Sign-in' })).toHaveCount(0);

    await filterBy(page, { actions: ['Added phone numbers', 'Sign-in'] });
    await expect(page).toHaveURL(/[?&]action=sign-in&action=add-phone-numbers(&|$)/);
    await expect(rows).toHaveCount(2); // the sign-in is still left out: changes only
    await page.getByRole('checkbox', { name: 'Changes only' }).uncheck();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(rows).toHaveCount(3);
    await expect(page.locator('details.choices summary')).toHaveText('Actions (2 chosen)');

    // The export honours the same filters.
    await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
      'href',
      /^\/audit\/export\?adminId=[^&]+&action=sign-in&action=add-phone-numbers&from=2020-01-01$/,
    );
    const csv = await (await page.request.get(`/audit/export?adminId=${audit.admin.id}&action=add-phone-numbers&changes=only`)).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(1, -1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(',Added phone numbers,Done,');
    expect(lines[0]).toContain(',Added 2 phone numbers');
    expect(lines[0]).not.toContain(audit.importId);
    expect(csv).not.toContain('Sign-in');
  },
);

test('Download the filtered audit log as CSV', { tag: '@postgres' }, async ({ page, playwright, baseURL, data: audit }) => {
  await page.goto(`/audit?accountId=${audit.accountId}&action=edit-telephony-permissions`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^switchboard-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe(
    'Event,Time (UTC),Admin,Admin email,Token,Action,Outcome,Account,Account ID,User,User ID,Phone number,Phone number ID,Before → after,Detail',
  );
  expect(lines.at(-1)).toBe('');
  const body = lines.slice(1, -1);
  expect(body.map((line) => line.split(',')[6])).toEqual(['Denied', 'Conflict', 'Done']); // newest first
  const done = body[2]!;
  expect(done).toContain(
    `,Edited telephony permissions,Done,${audit.accountName},${audit.accountId},${audit.subject.fullName},${audit.subject.id},`,
  );
  // The number exactly as E.164, with no quote mark: a program reading the file gets the number.
  expect(done).toContain(`,${audit.subject.e164},${audit.subject.phoneNumberId},Inbound calling: Off → On,`);

  // The export checks the session itself: without one it gives nothing away.
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const refused = await anonymous.get(`/audit/export?accountId=${audit.accountId}`, { maxRedirects: 0 });
  expect(refused.status()).toBe(401);
  expect(await refused.text()).not.toContain(audit.subject.fullName);
  await anonymous.dispose();
});

test(
  'A user’s page and their number’s page show recent activity, linked to the filtered log',
  { tag: '@postgres' },
  async ({ page, data: audit }) => {
    await openUserDetails(page, audit.accountName, audit.subject.fullName);
    const activity = page.getByRole('region', { name: 'Recent activity' });
    const rows = activity.getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText('Denied');
    await expect(rows.nth(2)).toContainText('Conflict');
    await expect(rows.nth(3)).toContainText('Inbound calling: Off → On');
    await activity.getByRole('link', { name: `See all activity about ${audit.subject.fullName} in the audit log` }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`[?&]userId=${audit.subject.id}(&|$)`));
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(4);
    await expect(page.getByText('Activity about the user')).toContainText(audit.subject.fullName);

    await page.goto(`/phone-numbers/${audit.subject.phoneNumberId}`);
    const numberActivity = page.getByRole('region', { name: 'Recent activity' });
    await expect(numberActivity.getByRole('row', { name: /Inbound calling: Off → On/ })).toBeVisible();
    await expect(
      numberActivity.getByRole('link', { name: `See all activity about ${formatted(audit.subject.e164)} in the audit log` }),
    ).toHaveAttribute('href', `/audit?phoneNumberId=${audit.subject.phoneNumberId}`);
  },
);
