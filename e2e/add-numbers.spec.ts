import type { Page } from '@playwright/test';
import fixture from './add-numbers.fixture';
import { formatted, national } from './fixture';
import { expect, forSpec } from './test';

const test = forSpec(fixture, (d) => d.admin);

const ADD_PATH = '/phone-numbers/add';
const PREVIEW_TITLE = 'Check the phone numbers to add – Add phone numbers – Switchboard';

async function openAddPage(page: Page) {
  await page.goto(ADD_PATH);
  await expect(page.getByRole('heading', { level: 1, name: 'Add phone numbers' })).toBeVisible();
}

async function preview(page: Page, lines: string[]) {
  await openAddPage(page);
  await page.getByLabel('Phone numbers').fill(lines.join('\n'));
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check the phone numbers to add' })).toBeVisible();
}

/** The rows of a table under a heading, as the cells' text. */
async function rowsOf(page: Page, heading: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: heading });
  await expect(table).toBeVisible();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

async function addAndLeave(page: Page) {
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page).toHaveURL(/\/phone-numbers\?view=unassigned$/);
  await expect(page.getByRole('status')).toContainText(/\d+ phone numbers? added/);
  await expect(page.getByRole('status')).toContainText('in the inventory as Unassigned.');
}

/** Previewing numbers once more shows whether they are in the inventory now. */
async function expectInInventory(page: Page, numbers: string[]) {
  await preview(page, numbers);
  expect(await rowsOf(page, 'Lines that cannot be added')).toEqual(numbers.map((n, i) => [String(i + 1), n, 'Already in the inventory']));
  await expect(page.getByRole('button', { name: 'Add', exact: true })).toHaveCount(0);
  await expect(page.getByText('None of these lines can be added. Correct them, then start again.')).toBeVisible();
}

test('Add one phone number typed the way it is dialled', async ({ page, data: addNumbers }) => {
  await openAddPage(page);
  await expect(page.getByLabel('Country for numbers without a country code')).toHaveValue('US');
  await expect(page.getByLabel('Country for numbers without a country code').locator('option:checked')).toHaveText('United States');
  await expect(page.getByRole('radio', { name: 'Business Calling' })).toBeChecked();
  // The two product types' radios and labels sit level, whatever the length of their hints.
  for (const part of ['input', 'label']) {
    const tops = await page.locator(`.radio ${part}`).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(tops).toHaveLength(2);
    expect(Math.abs(tops[0]! - tops[1]!), part).toBeLessThan(2);
  }

  // Nothing entered: said at the top and next to the field, and the title says so.
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText(
    'Enter phone numbers, one on each line, or choose a CSV file that has them',
  );
  await expect(page).toHaveTitle('Error: Add phone numbers – Phone numbers – Switchboard');

  await page.getByLabel('Phone numbers').fill(national(addNumbers.single));
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page).toHaveTitle(PREVIEW_TITLE);
  await expect(page.getByText('1 phone number can be added')).toBeVisible();
  await expect(page.getByText('0 lines cannot be added')).toBeVisible();
  expect(await rowsOf(page, 'Phone numbers to add')).toEqual([
    ['1', formatted(addNumbers.single), 'United States', 'Local', 'Business Calling'],
  ]);
  await expect(page.getByText('1 phone number will be added to the inventory as Unassigned.')).toBeVisible();
  // Add and Start again stand apart.
  const add = (await page.getByRole('button', { name: 'Add', exact: true }).boundingBox())!;
  const startAgain = (await page.getByRole('link', { name: 'Start again' }).boundingBox())!;
  expect(startAgain.x - (add.x + add.width)).toBeGreaterThanOrEqual(16);
  await addAndLeave(page);

  await expectInInventory(page, [addNumbers.single]);
});

test('Paste several lines: each bad one is shown with its reason, the rest are added', async ({ page, data: addNumbers }) => {
  const [first, second] = addNumbers.pasted;
  await preview(page, [first, 'call me', '+1', national(first), addNumbers.existing, '', national(second), addNumbers.tollFree, '12345']);

  await expect(page.getByText('3 phone numbers can be added')).toBeVisible();
  await expect(page.getByText('5 lines cannot be added')).toBeVisible();
  expect(await rowsOf(page, 'Lines that cannot be added')).toEqual([
    ['2', 'call me', 'Contains letters: enter the phone number with digits only'],
    ['3', '+1', '“+1” alone is only a country code: add the rest of the phone number'],
    ['4', national(first), 'Duplicate of line 1'],
    ['5', addNumbers.existing, 'Already in the inventory'],
    ['9', '12345', 'Too short for a phone number in the United States'],
  ]);
  expect(await rowsOf(page, 'Phone numbers to add')).toEqual([
    ['1', formatted(first), 'United States', 'Local', 'Business Calling'],
    ['7', formatted(second), 'United States', 'Local', 'Business Calling'],
    ['8', formatted(addNumbers.tollFree), 'United States', 'Toll-free', 'Voice Connector'],
  ]);
  await expect(
    page.getByText('1 toll-free number is added as Voice Connector: toll-free numbers cannot be Business Calling numbers.'),
  ).toBeVisible();

  // The preview is a page of its own: it is still there after a reload.
  await page.reload();
  await expect(page.getByText('3 phone numbers can be added')).toBeVisible();
  await addAndLeave(page);

  await expectInInventory(page, [first, second, addNumbers.tollFree]);
});

test('Upload a CSV file: the phone column is read, quoted fields and all', async ({ page, data: addNumbers }) => {
  const [a, b, c] = addNumbers.csv;
  const csv = `Name,Phone,Notes\r\n"Smith, Jo","${national(a)}",desk\r\nLee,${b},\r\n,,\r\nPat,not a number,x\r\nSam,"+1 ${c.slice(2, 5)} ${c.slice(5, 8)} ${c.slice(8)}","two\nlines"\r\n`;
  await openAddPage(page);
  await page.getByLabel('Or upload a CSV file').setInputFiles({ name: 'numbers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('radio', { name: 'Voice Connector' }).check();
  await page.getByRole('button', { name: 'Preview' }).click();

  await expect(page.getByText('3 phone numbers can be added')).toBeVisible();
  expect(await rowsOf(page, 'Lines that cannot be added')).toEqual([
    ['5', 'not a number', 'Contains letters: enter the phone number with digits only'],
  ]);
  expect(await rowsOf(page, 'Phone numbers to add')).toEqual([
    ['2', formatted(a), 'United States', 'Local', 'Voice Connector'],
    ['3', formatted(b), 'United States', 'Local', 'Voice Connector'],
    ['6', formatted(c), 'United States', 'Local', 'Voice Connector'],
  ]);
  await addAndLeave(page);

  await expectInInventory(page, [a, b, c]);
});

test('A file and pasted numbers together are refused, and what was typed is kept', async ({ page }) => {
  await openAddPage(page);
  await page.getByLabel('Phone numbers').fill('+1 206 555 0100');
  await page
    .getByLabel('Or upload a CSV file')
    .setInputFiles({ name: 'numbers.csv', mimeType: 'text/csv', buffer: Buffer.from('+12065550101\n') });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Enter phone numbers or choose a CSV file, not both');
  await expect(page).toHaveTitle('Error: Add phone numbers – Phone numbers – Switchboard');
  await expect(page.getByLabel('Phone numbers')).toHaveValue('+1 206 555 0100');
});

test('A ReadOnly admin gets no form, and a replayed Add is refused', async ({ page, as, data: addNumbers }) => {
  await preview(page, [addNumbers.forViewer]);
  const previewUrl = page.url();
  // The administrator's Add form, as the browser received it from the server.
  await page.goto(previewUrl);
  const fields: Record<string, string> = {};
  for (const input of await page.locator('form:has(button:text-is("Add")) input').all()) {
    const name = await input.getAttribute('name');
    if (name) fields[name] = await input.inputValue();
  }
  expect(Object.values(fields)).toContain(previewUrl.split('/').pop());

  const viewer = await as(addNumbers.viewer);
  await viewer.goto(ADD_PATH);
  await expect(viewer.getByRole('heading', { level: 1, name: 'Add phone numbers' })).toBeVisible();
  await expect(viewer.getByText('You have read-only access, so you cannot add phone numbers to the inventory.')).toBeVisible();
  await expect(viewer.getByRole('textbox')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Preview' })).toHaveCount(0);
  // Someone else's preview is not found, as if it did not exist.
  await viewer.goto(previewUrl);
  await expect(viewer.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

  // The same post under the viewer's session: refused, and the preview (not theirs) is not found.
  const response = await viewer.request.post(previewUrl, {
    multipart: fields,
    headers: { Origin: new URL(previewUrl).origin },
    maxRedirects: 0,
  });
  expect(response.headers().location).toBe('/not-found');
  await viewer.context().close();

  // Nothing was added: the administrator's preview still offers Add.
  await page.reload();
  await expect(page.getByText('1 phone number can be added')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add', exact: true })).toBeVisible();
});
