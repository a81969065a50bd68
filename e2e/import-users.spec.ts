import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import fixture from './import-users.fixture';
import { expect, forSpec } from './test';

const test = forSpec(fixture, (d) => d.admin);

/** The rows of a table, as the cells' text. */
async function rowsOf(page: Page, name: string): Promise<string[][]> {
  const table = page.getByRole('table', { name });
  await expect(table).toBeVisible();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

test('Import users from a CSV file: preview with reasons, import, then the list, its filters and the export', async ({ page, data }) => {
  const people = Array.from({ length: 17 }, (_, i) => ({
    name: `Imported ${String(i + 1).padStart(2, '0')} ${data.run}`,
    email: `${data.emailTag}-${i + 1}@e2e.example`,
    license: i < 5 ? 'Basic' : '',
  }));
  // 20 lines: the 17, and 3 that cannot be imported, between them.
  const lines = people.map((p) => `"${p.name}",${p.email.toUpperCase()},,${p.license}`);
  lines.splice(3, 0, `"No Email ${data.run}",`);
  lines.splice(8, 0, `"Bad Email ${data.run}",not-an-address`);
  lines.splice(12, 0, `"${data.present.fullName}",${data.present.email}`);
  const csv = `Full name,Email,User type,Licence\r\n${lines.join('\r\n')}\r\n`;

  const usersPath = `/accounts/${data.accountId}/users`;
  await page.goto(usersPath);
  await page.getByRole('link', { name: 'Import users', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import users' })).toBeVisible();
  await page.getByLabel('Or upload a CSV file').setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Preview' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Check the users to import' })).toBeVisible();
  const previewUrl = page.url();
  await expect(page.getByText('17 users can be imported')).toBeVisible();
  await expect(page.getByText('3 lines cannot be imported')).toBeVisible();
  expect(await rowsOf(page, 'Lines that cannot be imported')).toEqual([
    ['5', `No Email ${data.run}`, 'Missing email address'],
    ['10', `Bad Email ${data.run}, not-an-address`, 'Not a valid email address: enter it like name@example.com'],
    ['14', `${data.present.fullName}, ${data.present.email}`, 'Already a user of this account'],
  ]);
  const accepted = await rowsOf(page, 'Users to import');
  expect(accepted).toHaveLength(17);
  expect(accepted[0]).toEqual(['2', people[0]!.name, people[0]!.email, 'Private user', 'Basic']);
  expect(accepted[16]).toEqual(['21', people[16]!.name, people[16]!.email, 'Private user', 'Pro (the account’s default)']);
  await expect(page.getByText(`17 users will be added to ${data.accountName}, and each sent an invitation email.`)).toBeVisible();

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${usersPath}$`));
  await expect(page.getByRole('status')).toContainText('Imported 17 users');
  await expect(page.getByText('1–18 of 18 users')).toBeVisible();
  const listed = await rowsOf(page, `Users of ${data.accountName}`);
  expect(listed.map((r) => r[1]).sort()).toEqual([...people.map((p) => p.name), data.present.fullName].sort());

  // Filters narrow the list, and the count with it; the URL keeps them.
  await page.getByLabel('Licence').selectOption('Basic');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/license=Basic/);
  await expect(page.getByText('1–5 of 5 users')).toBeVisible();
  expect((await rowsOf(page, `Users of ${data.accountName}`)).map((r) => r[1])).toEqual(people.slice(0, 5).map((p) => p.name));

  // Export users downloads what the filtered list holds.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export users', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^switchboard-users-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/);
  const records = parse(fs.readFileSync(await download.path(), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  expect(
    records.map((r) => [
      r['Full name'],
      r.Email,
      r['User type'],
      r.Licence,
      r['Registration status'],
      r['Invitation status'],
      r['Phone number'],
      r.SMS,
    ]),
  ).toEqual(
    people
      .slice(0, 5)
      .map((p) => [p.name, p.email, 'Private user', 'Basic', 'Unregistered', expect.stringMatching(/^(Pending|Sent|Failed)$/), '', 'Off']),
  );

  // The preview, once imported, says so and offers nothing to import again.
  await page.goto(previewUrl);
  await expect(page.getByText(/These users were imported on .* UTC: 17 users added\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
});
