import fixture from './accounts-and-users.fixture';
import { expect, forSpec } from './test';

const test = forSpec(fixture, (d) => d.admin);

test('the spec’s path: Accounts → account name → Users → full name → user details', async ({ page, data }) => {
  const account = data.bigAccount;
  const user = data.userWithNumber;

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  // "For Accounts, choose the account name that the user belongs to."
  await page.getByRole('link', { name: account.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: account.name })).toBeVisible();
  // "In the navigation pane, choose Users."
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page).toHaveTitle(`Users – ${account.name} – Switchboard`);
  // "Choose the full name of the user."
  const formatted = user.e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 $1 $2 $3');
  const row = page.getByRole('row', { name: new RegExp(user.fullName) });
  await expect(row).toContainText(formatted);
  await expect(row).toContainText('Inbound calling, Outbound calling');
  await row.getByRole('link', { name: user.fullName }).click();

  await expect(page.getByRole('heading', { level: 1, name: user.fullName })).toBeVisible();
  const details = page.locator('dl.summary');
  await expect(details.nth(0)).toContainText('Private user');
  await expect(details.nth(0)).toContainText('Pro');
  await expect(details.nth(1)).toContainText(formatted);
  await expect(details.nth(1)).toContainText(/Inbound calling\s*On/);
  await expect(details.nth(1)).toContainText(/SMS\s*Off/);
});

test('Accounts: search by name, and pages beyond the first', async ({ page, data }) => {
  await page.goto('/accounts');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(26); // header + 25
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(rows).toHaveCount(3); // header + the other 2 of 27
  await expect(page.getByRole('link', { name: data.lastAccount.name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Previous page' }).click();
  await expect(rows).toHaveCount(26);
  await expect(page.getByRole('link', { name: data.bigAccount.name })).toBeVisible();

  await page.getByLabel('Search accounts by name').fill('account 13');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\?q=account\+13$/);
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('link', { name: data.accountThirteen.name })).toBeVisible();
  // Another admin's account never shows.
  await page.goto(`/accounts?q=${encodeURIComponent('Not Yours')}`);
  await expect(page.getByText(/No accounts match/)).toBeVisible();
});

test('Users: search by name, email or digits, and pages beyond the first', async ({ page, data }) => {
  const path = `/accounts/${data.bigAccount.id}/users`;
  await page.goto(path);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(26);
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(rows).toHaveCount(7); // 31 users: 25 + 6
  await expect(page.getByRole('link', { name: data.lastUser.fullName })).toBeVisible();

  const search = async (q: string) => {
    await page.goto(path);
    await page.getByLabel('Search users').fill(q);
    await page.getByRole('button', { name: 'Search' }).click();
  };
  await search(data.searchedByName.fullName);
  await expect(rows).toHaveCount(2);
  await search(data.searchedByEmail.email.toUpperCase());
  await expect(page.getByRole('link', { name: data.searchedByEmail.fullName })).toBeVisible();
  await expect(rows).toHaveCount(2);
  const digits = data.userWithNumber.e164.slice(2);
  await search(`(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`);
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('link', { name: data.userWithNumber.fullName })).toBeVisible();
});

test('another account’s pages and unknown ids are the same “Page not found”', async ({ page, data }) => {
  for (const path of [
    `/accounts/${data.otherAccount.id}`,
    `/accounts/${data.otherAccount.id}/users`,
    `/accounts/${data.otherAccount.id}/users/${data.otherAccount.userId}`,
    `/accounts/${data.bigAccount.id}/users/${data.otherAccount.userId}`,
    `/accounts/no-such-account/users`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('There is no such page, or you do not have access to it.')).toBeVisible();
  }
});
