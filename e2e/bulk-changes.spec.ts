import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import fixture from './bulk-changes.fixture';
import { expect, forSpec } from './test';

// Daily operations in bulk: a CSV of changes with a dry run, then Apply and the result as CSV; and
// the Users list's check-box Actions "Unassign phone number" and "Set permissions".
const test = forSpec(fixture, (d) => d.admin);

/** The rows of a table, as the cells' text. */
async function rowsOf(page: Page, name: string): Promise<string[][]> {
  const table = page.getByRole('table', { name });
  await expect(table).toBeVisible();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

test('Change phone numbers from a file: the dry run says what each row would do, Apply does it, the result downloads', async ({
  page,
  data,
}) => {
  const { ash, beech, cork, dove, elm, free, spare, tollFree } = data.file;
  const csv = [
    'User,Phone number,Action,Inbound,Outbound,SMS',
    `${ash.email},${free},,,,`,
    `${ash.email},,set permissions,yes,1,`,
    `${beech.email},,unassign,,,`,
    `${cork.id},${spare},,,,`,
    `${dove.email},${tollFree},assign,,,`,
    `nobody-${data.run}@e2e.example,${spare},,,,`,
    `${elm.email},,,,,`,
    `${elm.email},,,perhaps,,`,
    `"=HYPERLINK(""http://example.com"")",,,,,`,
  ].join('\r\n');

  const usersPath = `/accounts/${data.accountId}/users`;
  await page.goto(usersPath);
  await page.getByRole('link', { name: 'Change phone numbers from a file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change phone numbers from a file' })).toBeVisible();
  await page.getByLabel('CSV file of changes').setInputFiles({ name: 'changes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Dry run' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Dry run: what each row would do' })).toBeVisible();
  await expect(page.getByRole('list', { name: '9 rows in the file' })).toHaveText(
    /Would assign: 1\s*Would unassign: 1\s*Would set permissions: 1\s*No change: 1\s*Would conflict: 1\s*User not found: 1\s*Number not assignable: 1\s*Invalid row: 2/,
  );
  const dry = await rowsOf(page, 'What each row would do');
  expect(dry.map((r) => [r[0], r[2]])).toEqual([
    ['2', 'Would assign'],
    ['3', 'Would set permissions'],
    ['4', 'Would unassign'],
    ['5', 'Would conflict'],
    ['6', 'Number not assignable'],
    ['7', 'User not found'],
    ['8', 'No change'],
    ['9', 'Invalid row'],
    ['10', 'Invalid row'],
  ]);
  expect(dry[3]![3]).toContain(`${cork.fullName} already has the phone number`);
  expect(dry[7]![3]).toContain('Inbound “perhaps”');
  // Nothing has changed yet.
  await page.goto(`${usersPath}/${ash.id}`);
  await expect(page.locator('dl.summary').nth(1)).not.toContainText(free.slice(-4));
  await page.goBack();

  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What each row did' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Applied: 3 of 9 rows changed');
  const done = await rowsOf(page, 'What each row did');
  expect(done.slice(0, 4).map((r) => r[2])).toEqual(['Assigned', 'Permissions set', 'Unassigned', 'Conflict']);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the result (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^phone-number-changes-result-[A-Za-z0-9_-]+\.csv$/);
  const records = parse(fs.readFileSync(await download.path(), 'utf8'), { bom: true }) as string[][];
  expect(records[0]).toEqual(['User', 'Phone number', 'Action', 'Inbound', 'Outbound', 'SMS', 'Outcome', 'Message']);
  expect(records.slice(1).map((r) => r[6])).toEqual([
    'Assigned',
    'Permissions set',
    'Unassigned',
    'Conflict',
    'Number not assignable',
    'User not found',
    'No change',
    'Invalid row',
    'Invalid row',
  ]);
  // A cell a spreadsheet would run as a formula comes back as text.
  expect(records[9]![0]).toBe(`'=HYPERLINK("http://example.com")`);
  expect(records[1]![1]).toBe(`'${free}`);

  // What the users' pages say now.
  await page.goto(`${usersPath}/${ash.id}`);
  await expect(page.locator('dl.summary').nth(1)).toContainText(free.slice(-4));
  await page.goto(`${usersPath}/${beech.id}`);
  await expect(page.locator('dl.summary').nth(1)).not.toContainText(beech.e164.slice(-4));
});

test('Users list: Set permissions, then Unassign phone number, for the checked users', async ({ page, data }) => {
  const usersPath = `/accounts/${data.accountId}/users`;
  const [hazel, ivy, juniper] = data.listed;
  await page.goto(usersPath);
  for (const user of data.listed) await page.getByRole('checkbox', { name: `Select ${user.fullName}` }).check();
  await page.getByLabel('Actions').selectOption('set-permissions');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set permissions' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Inbound calling' }).check();
  await page.getByRole('checkbox', { name: 'Outbound calling' }).check();
  await page.getByRole('button', { name: 'Save for 3 users' }).click();
  await expect(page.getByRole('heading', { name: 'Permissions set: 2 of 3 users' })).toBeVisible();
  const set = page.getByRole('table', { name: 'What happened to each user' });
  await expect(set.getByRole('row', { name: new RegExp(hazel.fullName) })).toContainText('Permissions set');
  await expect(set.getByRole('row', { name: new RegExp(ivy.fullName) })).toContainText('Permissions set');
  await expect(set.getByRole('row', { name: new RegExp(juniper.fullName) })).toContainText('has no phone number');

  await page.goto(usersPath);
  for (const user of [hazel, juniper]) await page.getByRole('checkbox', { name: `Select ${user.fullName}` }).check();
  await page.getByLabel('Actions').selectOption('unassign-phone-number');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unassign phone number' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Unassign the phone numbers of these 2 users' })).toBeChecked();
  await page.getByRole('button', { name: 'Unassign 2 users' }).click();
  await expect(page.getByRole('heading', { name: 'Unassigned: 2 of 2 users' })).toBeVisible();
  const unassigned = page.getByRole('table', { name: 'What happened to each user' });
  await expect(unassigned.getByRole('row', { name: new RegExp(hazel.fullName) })).toContainText('Unassigned');
  await expect(unassigned.getByRole('row', { name: new RegExp(juniper.fullName) })).toContainText('Had no phone number');

  await page.goto(`/phone-numbers/${hazel.phoneNumberId}`);
  await expect(page.locator('main')).toContainText('Unassigned');
  await page.goto(`${usersPath}/${ivy.id}`);
  await expect(page.locator('main')).toContainText(ivy.e164.slice(-4));
});
