import { formatted } from './fixture';
import fixture from './inventory.fixture';
import { detail } from './steps';
import { expect, forSpec } from './test';

const test = forSpec(fixture, (d) => d.admin);

/** Phone numbers → search by the number's digits, typed as people type them → its page. */
async function openNumber(page: import('@playwright/test').Page, e164: string) {
  await page.goto('/accounts');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Phone numbers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phone numbers' })).toBeVisible();
  const d = e164.slice(2);
  await page.getByLabel('Search by digits').fill(`(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: formatted(e164), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: formatted(e164) })).toBeVisible();
}

test('Search by digits and filter by type; views show their counts', async ({ page, data: inventory }) => {
  await page.goto('/phone-numbers');
  for (const view of ['All', 'Unassigned', 'Assigned', 'Deletion queue']) {
    await expect(
      page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: new RegExp(`^${view} \\(\\d+\\)$`) }),
    ).toBeVisible();
  }
  await page.getByLabel('Search by digits').fill(inventory.tollFree.e164.slice(1));
  await page.getByLabel('Type', { exact: true }).selectOption('TollFree');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/type=TollFree/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Toll-free');
  await expect(rows.nth(1)).toContainText('Voice Connector');
  await page.getByLabel('Type', { exact: true }).selectOption('Local');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No phone numbers match.')).toBeVisible();

  await page.goto(`/phone-numbers?view=assigned&q=${inventory.assigned.e164.slice(2)}`);
  await expect(page.getByRole('row', { name: new RegExp(inventory.assigned.holder) })).toBeVisible();
  await expect(page.locator('#list-count')).toHaveText('1–1 of 1 phone number');

  // Sort by a column's heading, then the other way; the list says which, and keeps to it.
  await page.goto('/phone-numbers');
  await expect(page.locator('#list-count')).toHaveText(/^1–\d+ of [\d,]+ phone numbers?$/);
  const heading = (name: string) => page.getByRole('columnheader', { name: new RegExp(`^${name}`) });
  await expect(heading('Phone number')).toHaveAttribute('aria-sort', 'ascending');
  await heading('Status').getByRole('link').click();
  await expect(page).toHaveURL(/[?&]sort=status(&|$)/);
  await expect(heading('Status')).toHaveAttribute('aria-sort', 'ascending');
  await expect(heading('Phone number')).not.toHaveAttribute('aria-sort', /./);
  const rank = ['Unassigned', 'Assigned', 'Deletion queue'];
  const statuses = async () => (await page.locator('tbody tr td:nth-child(4)').allTextContents()).map((s) => rank.indexOf(s.trim()));
  expect(await statuses()).toEqual([...(await statuses())].sort((a, b) => a - b));
  await heading('Status').getByRole('link').click();
  await expect(heading('Status')).toHaveAttribute('aria-sort', 'descending');
  expect(await statuses()).toEqual([...(await statuses())].sort((a, b) => b - a));
  await heading('Added').getByRole('link').click();
  await expect(page).toHaveURL(/[?&]sort=-added(&|$)/);
  await expect(heading('Added')).toHaveAttribute('aria-sort', 'descending');
  const added = await page.locator('tbody time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
  expect(added).toEqual([...added].sort().reverse());
  const next = page.getByRole('link', { name: 'Next page' });
  if ((await next.count()) > 0) await expect(next).toHaveAttribute('href', /[?&]sort=-added(&|$)/);
  await page.getByLabel('Search by digits').fill(inventory.assigned.e164.slice(2));
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]sort=-added(&|$)/); // a search keeps the order
  await page.goto(`/phone-numbers?view=unassigned&q=${inventory.assigned.e164.slice(2)}`);
  await expect(page.getByText('No phone numbers match.')).toBeVisible();
});

test('Assign from the number’s side: account, then user, then confirm — with the reuse warning', async ({ page, data: inventory }) => {
  const n = inventory.reused;
  await openNumber(page, n.e164);
  await expect(page.getByRole('row', { name: new RegExp(n.pastHolder) })).toBeVisible(); // history
  await page.getByText('Actions', { exact: true }).click();
  await page.getByRole('link', { name: 'Assign to a user' }).click();
  await expect(page.getByRole('heading', { name: 'Choose the account' })).toBeVisible();
  await page.getByRole('link', { name: inventory.accountName }).click();
  await expect(page.getByRole('heading', { name: 'Choose the user' })).toBeVisible();
  await page.getByLabel('Search users by name or email').fill(n.receiver);
  await page.getByRole('button', { name: 'Search' }).click();
  // A long email wraps inside its own choice rather than running over the next one.
  const overflowing = await page
    .locator('.radio')
    .evaluateAll((choices) => choices.filter((c) => c.scrollWidth > c.clientWidth + 1).length);
  expect(overflowing).toBe(0);
  await page.getByRole('radio', { name: new RegExp(n.receiver) }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  const warning = page.getByRole('note');
  await expect(warning).toContainText('Recently used.');
  await expect(warning).toContainText(`${n.pastHolder} (${inventory.accountName}) had this number until`);
  await page.getByRole('button', { name: 'Assign', exact: true }).click();

  const banner = page.getByRole('status');
  await expect(banner).toContainText(`${formatted(n.e164)} is assigned to ${n.receiver}`);
  await expect(banner).toContainText('Calling and SMS permissions are turned off by default.');
  await expect(detail(page, 'Status')).toHaveText('Assigned');
  await expect(detail(page, 'Assigned to')).toContainText(n.receiver);
  await expect(page.getByRole('row', { name: new RegExp(`${n.receiver}.*Now`) })).toBeVisible();
});

test('Edit calling name: a bad name is explained on the form; a good one is saved', async ({ page, data: inventory }) => {
  await openNumber(page, inventory.callingName.e164);
  await page.getByText('Actions', { exact: true }).click();
  await page.getByRole('link', { name: 'Edit calling name' }).click();
  const field = page.getByLabel(/Calling name for/);
  await field.fill('Reception & Co!');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('2 to 15 letters, digits or spaces');
  await expect(page).toHaveTitle(/^Error: Edit calling name/);
  await expect(field).toHaveValue('Reception & Co!');
  await field.fill('Reception 2');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText(`Calling name saved for ${formatted(inventory.callingName.e164)}`);
  await expect(detail(page, 'Calling name')).toHaveText('Reception 2');
});

test('Delete → deletion queue → Restore; an assigned number cannot be deleted', async ({ page, data: inventory }) => {
  const n = inventory.toDelete;
  await openNumber(page, n.e164);
  await page.getByText('Actions', { exact: true }).click();
  await page.getByRole('link', { name: 'Delete phone number' }).click();
  await expect(page.getByRole('checkbox', { name: `Delete ${formatted(n.e164)}` })).toBeChecked();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`${formatted(n.e164)} is in the deletion queue`);
  await expect(detail(page, 'Status')).toHaveText('Deletion queue');
  await page.goto(`/phone-numbers?view=deletion-queue&q=${n.e164.slice(2)}`);
  await page.getByRole('link', { name: formatted(n.e164), exact: true }).click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('status')).toContainText('is restored');
  await expect(detail(page, 'Status')).toHaveText('Unassigned');

  await openNumber(page, inventory.assigned.e164);
  await page.getByText('Actions', { exact: true }).click();
  await expect(page.getByRole('link', { name: 'Delete phone number' })).toHaveCount(0);
  await page.goto(page.url() + '/delete');
  await expect(page.getByText('is assigned to a user. Unassign it from the user first, then delete it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
});
