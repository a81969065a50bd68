import bulk from './bulk-users.fixture';
import { expect, forSpec } from './test';

// Users: "select the check boxes for the users and then choose Actions". The list's form leads to a
// confirmation page that names who is affected; its button changes each user still as shown.
const test = forSpec(bulk, (d) => d.admin);

test('Suspend three users at once while another admin changes one: two suspended, one refused and named', async ({ page, as, data }) => {
  const usersPath = `/accounts/${data.accountId}/users`;
  const [alder, birch, cedar] = data.toSuspend;
  await page.goto(usersPath);
  for (const user of data.toSuspend) await page.getByRole('checkbox', { name: `Select ${user.fullName}` }).check();
  await page.getByLabel('Actions').selectOption('suspend');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Suspend users' })).toBeVisible();
  const selected = page.getByRole('table', { name: /Selected users/ });
  for (const user of data.toSuspend) await expect(selected.getByRole('cell', { name: user.fullName, exact: true })).toBeVisible();
  await expect(page.getByText('They keep their phone numbers')).toBeVisible();

  // Meanwhile another admin saves Birch's permissions: Birch is no longer as this page showed.
  const other = await as(data.otherAdmin);
  await other.goto(`${usersPath}/${birch.id}/edit-telephony-permissions`);
  await other.getByRole('checkbox', { name: /Inbound calling/ }).check();
  await other.getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('heading', { name: `Telephony permissions saved for ${birch.fullName}` })).toBeVisible();

  await page.getByRole('button', { name: 'Suspend 3 users' }).click();
  await expect(page.getByRole('heading', { name: 'Suspended: 2 of 3 users' })).toBeVisible();
  const results = page.getByRole('table', { name: 'What happened to each user' });
  await expect(results.getByRole('row', { name: new RegExp(alder.fullName) })).toContainText('Suspended');
  await expect(results.getByRole('row', { name: new RegExp(cedar.fullName) })).toContainText('Suspended');
  await expect(results.getByRole('row', { name: new RegExp(birch.fullName) })).toContainText(
    `Not changed: Someone else changed ${birch.fullName}`,
  );

  // What the user's page says: suspended, the number kept, calling off.
  await results.getByRole('link', { name: alder.fullName }).click();
  const details = page.locator('dl.summary');
  await expect(details.first()).toContainText('Suspended');
  await expect(page.locator('dl.summary').nth(1)).toContainText(alder.e164.slice(-4));
  await page.goto(`${usersPath}/${birch.id}`);
  await expect(page.locator('dl.summary').first()).not.toContainText('Suspended');
});

test('Remove two users at once: the box is selected, then Remove; their number goes back to the inventory', async ({ page, data }) => {
  const usersPath = `/accounts/${data.accountId}/users`;
  const [rowan, spruce] = data.toRemove;
  await page.goto(usersPath);
  for (const user of data.toRemove) await page.getByRole('checkbox', { name: `Select ${user.fullName}` }).check();
  await page.getByLabel('Actions').selectOption('remove');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Remove users' })).toBeVisible();
  const box = page.getByRole('checkbox', { name: 'Remove these 2 users' });
  await expect(box).toBeChecked();
  // Cleared, the button changes nothing and says why.
  await box.uncheck();
  await page.getByRole('button', { name: 'Remove 2 users' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText(
    'Select the box to confirm that you want to remove these users',
  );
  await page.getByRole('checkbox', { name: 'Remove these 2 users' }).check();
  await page.getByRole('button', { name: 'Remove 2 users' }).click();
  await expect(page.getByRole('heading', { name: 'Removed: 2 of 2 users' })).toBeVisible();

  await page.goto(usersPath);
  await expect(page.getByRole('link', { name: spruce.fullName })).toHaveCount(0);
  await expect(page.getByRole('link', { name: rowan.fullName })).toHaveCount(0);
  await page.goto(`/phone-numbers/${rowan.phoneNumberId}`);
  await expect(page.locator('main')).toContainText('Unassigned');
});
