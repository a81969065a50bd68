import { formatted } from './fixture';
import fixture from './move-phone-number.fixture';
import { chooseAction, detail, openUserDetails } from './steps';
import { expect, forSpec } from './test';
import type { Page } from '@playwright/test';

// Move phone number (PRODUCT rule 10), JS on and off: from the user's Actions and from the
// number's, choosing the new holder, keeping permissions or not, and a form gone stale.
const test = forSpec(fixture, (d) => d.admin);

/** On the picker: search for the new holder, choose them, Continue to the confirmation. */
async function chooseNewHolder(page: Page, fullName: string) {
  await page.getByLabel('Search users by name or email').fill(fullName);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('radio', { name: new RegExp(fullName) }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Move', exact: true })).toBeVisible();
}

async function permissions(page: Page) {
  return Promise.all(['Inbound calling', 'Outbound calling', 'SMS'].map((p) => detail(page, p).textContent()));
}

test('move from the user’s Actions: the new holder starts with calling and SMS off, both are emailed', async ({ page, data }) => {
  const { from, to } = data.plain;
  const number = formatted(from.e164);
  await openUserDetails(page, data.accountName, from.fullName);
  await chooseAction(page, 'Move phone number');

  // Continue without choosing: told so on the same page.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Choose the user to move the number to');
  await expect(page).toHaveTitle(`Error: Move phone number – ${from.fullName} – Switchboard`);

  await chooseNewHolder(page, to.fullName);
  await expect(page.getByText(`${from.fullName} will lose ${number}`)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `Keep ${from.fullName}’s calling and SMS permissions` })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: new RegExp(`^Email ${from.fullName} `) })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: new RegExp(`^Email ${to.fullName} `) })).toBeChecked();
  await page.getByRole('button', { name: 'Move', exact: true }).click();

  // On the new holder's page.
  const banner = page.getByRole('status');
  await expect(banner).toContainText(`${number} is moved from ${from.fullName} to ${to.fullName}`);
  await expect(banner).toContainText(`Calling and SMS permissions are turned off for both`);
  await expect(banner).toContainText('Emails about this change are queued.');
  await expect(page.getByRole('heading', { level: 1, name: to.fullName })).toBeVisible();
  await expect(detail(page, 'Phone number')).toHaveText(number);
  expect(await permissions(page)).toEqual(['Off', 'Off', 'Off']);
  await expect(page.getByRole('table', { name: `Emails to ${to.fullName}, newest first` })).toContainText(
    `Your new phone number is ${number}`,
  );

  // The old holder: no number, nothing on; the number's history names both.
  await page.goto(`/accounts/${data.accountId}/users/${from.id}`);
  await expect(detail(page, 'Phone number')).toHaveText('None');
  expect(await permissions(page)).toEqual(['Off', 'Off', 'Off']);
  await expect(page.getByRole('table', { name: `Emails to ${from.fullName}, newest first` })).toContainText(
    'Your phone number was removed',
  );
  await page.goto(`/phone-numbers/${from.phoneNumberId}`);
  const history = page.getByRole('table', { name: /Who held/ });
  await expect(history.getByRole('row')).toHaveCount(2); // the header and the new holder's row
  await expect(history).toContainText(to.fullName);
});

test('move from the number’s page, keeping the old holder’s permissions', async ({ page, data }) => {
  const { from, to } = data.kept;
  const number = formatted(from.e164);
  await page.goto(`/phone-numbers/${from.phoneNumberId}`);
  await chooseAction(page, 'Move phone number');
  await chooseNewHolder(page, to.fullName);
  await expect(page.getByText('inbound calling on, outbound calling off, SMS on')).toBeVisible();
  await page.getByRole('checkbox', { name: `Keep ${from.fullName}’s calling and SMS permissions` }).check();
  await page.getByRole('checkbox', { name: new RegExp(`^Email ${from.fullName} `) }).uncheck();
  await page.getByRole('checkbox', { name: new RegExp(`^Email ${to.fullName} `) }).uncheck();
  await page.getByRole('button', { name: 'Move', exact: true }).click();

  const banner = page.getByRole('status');
  await expect(banner).toContainText(`${number} is moved from ${from.fullName} to ${to.fullName}`);
  await expect(banner).toContainText(`${to.fullName} has the calling and SMS permissions ${from.fullName} had`);
  await expect(banner).not.toContainText('queued');
  expect(await permissions(page)).toEqual(['On', 'Off', 'On']);
  await page.goto(`/accounts/${data.accountId}/users/${from.id}`);
  await expect(detail(page, 'Phone number')).toHaveText('None');
  expect(await permissions(page)).toEqual(['Off', 'Off', 'Off']);
});

test('a confirmation gone stale: one clear conflict, nothing moved, then the page as it is now moves it', async ({ page, data }) => {
  const { from, to } = data.raced;
  const number = formatted(from.e164);
  await page.goto(`/accounts/${data.accountId}/users/${from.id}/move-phone-number`);
  await chooseNewHolder(page, to.fullName);

  // Meanwhile, another admin (here another tab) changes the old holder's permissions.
  const other = await page.context().newPage();
  await other.goto(`/accounts/${data.accountId}/users/${from.id}/edit-telephony-permissions`);
  await other.getByRole('checkbox', { name: /Outbound calling/ }).check();
  await other.getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('status')).toContainText('Telephony permissions saved');
  await other.close();

  await page.getByRole('button', { name: 'Move', exact: true }).click();
  const alert = page.getByRole('alert', { name: 'There is a problem' });
  await expect(alert).toContainText(`Someone else changed ${number}, ${from.fullName} or ${to.fullName} while you were choosing.`);
  await expect(alert.getByRole('listitem')).toHaveCount(1);
  await expect(page).toHaveTitle(`Error: Move phone number – ${from.fullName} – Switchboard`);
  // The page now shows things as they are: the permissions to keep include the new one.
  await expect(page.getByText('inbound calling on, outbound calling on, SMS on')).toBeVisible();
  await page.getByRole('checkbox', { name: `Keep ${from.fullName}’s calling and SMS permissions` }).check();
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`${number} is moved from ${from.fullName} to ${to.fullName}`);
  expect(await permissions(page)).toEqual(['On', 'On', 'On']);
});
