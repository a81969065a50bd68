import type { Page } from '@playwright/test';
import { formatted } from './fixture';
import fixture from './notifications.fixture';
import { chooseAction, detail, openUserDetails } from './steps';
import { expect, forSpec } from './test';

const test = forSpec(fixture, (d) => d.admin);

// "Email <user> about this change" on the three forms. No mail server is configured for the
// e2e server, so a queued email stays Pending in the Outbox, where an admin can read it.

const SIGN_OUT = 'Before you can use this change, sign out of your calling app and sign back in again.';
type Recipient = { fullName: string; email: string };

const emailBox = (page: Page, user: Recipient) =>
  page.getByRole('checkbox', { name: `Email ${user.fullName} (${user.email}) about this change` });

/** The user's page lists one Pending email with this subject; opens it and checks what it says. */
async function expectQueuedEmail(page: Page, user: Recipient, subject: string, says: (string | RegExp)[]) {
  const section = page.locator('table', { has: page.getByText(`Emails to ${user.fullName}, newest first`) });
  await expect(section.getByRole('row')).toHaveCount(2); // the header and the one email
  const row = section.getByRole('row', { name: new RegExp(subject.replace(/[+()]/g, '\\$&')) });
  await expect(row).toContainText('Pending');
  await row.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(page).toHaveTitle(`${subject} – Outbox – Switchboard`);
  await expect(detail(page, 'To')).toContainText(user.email);
  await expect(detail(page, 'Status')).toHaveText('Pending');
  await expect(detail(page, 'Attempts')).toHaveText('0');
  await expect(page.getByText('No mail server is configured, so nothing is being sent.')).toBeVisible();
  const body = page.locator('pre').first();
  await expect(body).toContainText(`Hello ${user.fullName},`);
  await expect(body).toContainText(SIGN_OUT);
  for (const text of says) await expect(body).toContainText(text);
}

async function expectNoEmail(page: Page, user: Recipient) {
  await expect(
    page.getByText(`No emails have been sent to ${user.fullName} about changes to their phone number or permissions.`),
  ).toBeVisible();
  await expect(page.getByRole('status')).not.toContainText('An email to');
}

async function assign(page: Page, accountName: string, user: Recipient, e164: string, notify: boolean) {
  await openUserDetails(page, accountName, user.fullName);
  await chooseAction(page, 'Assign phone number');
  await page.getByLabel('Search numbers').fill(e164.slice(2));
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('radio', { name: formatted(e164) }).check();
  await expect(emailBox(page, user)).toBeChecked(); // selected by default
  if (!notify) await emailBox(page, user).uncheck();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`${formatted(e164)} is assigned to ${user.fullName}`);
}

test('Assign with the email box selected: the email is queued and shown in the Outbox', async ({ page, data: n }) => {
  await assign(page, n.accountName, n.assignOn, n.numberOn.e164, true);
  await expect(page.getByRole('status')).toContainText(`An email to ${n.assignOn.fullName} about this change is queued.`);
  const subject = `Your new phone number is ${formatted(n.numberOn.e164)}`;
  await expectQueuedEmail(page, n.assignOn, subject, [
    `Your administrator gave you the phone number ${formatted(n.numberOn.e164)}.`,
    '- Inbound calling: off',
    '- SMS: off',
  ]);
  // The Outbox, from the header, lists it too.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await expect(page).toHaveTitle('Outbox – Switchboard');
  const row = page.getByRole('row', { name: new RegExp(n.assignOn.email) });
  await expect(row).toContainText(subject);
  await expect(row).toContainText('Pending');
});

test('Assign with the email box cleared: the number is assigned and no email is queued', async ({ page, data: n }) => {
  await assign(page, n.accountName, n.assignOff, n.numberOff.e164, false);
  await expect(detail(page, 'Phone number')).toHaveText(formatted(n.numberOff.e164));
  await expectNoEmail(page, n.assignOff);
});

test('Edit telephony permissions with the email box selected, then cleared', async ({ page, data: n }) => {
  for (const [user, notify] of [
    [n.permissionsOn, true],
    [n.permissionsOff, false],
  ] as const) {
    await openUserDetails(page, n.accountName, user.fullName);
    await chooseAction(page, 'Edit telephony permissions');
    await page.getByRole('checkbox', { name: /Inbound calling/ }).check();
    await expect(emailBox(page, user)).toBeChecked();
    if (!notify) await emailBox(page, user).uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status')).toContainText(`Telephony permissions saved for ${user.fullName}`);
    await expect(detail(page, 'Inbound calling')).toHaveText('On');
    if (notify) {
      await expectQueuedEmail(page, user, 'Your calling and SMS permissions changed', [
        `Your administrator changed your calling and SMS permissions on ${formatted(user.e164)}.`,
        '- Inbound calling: on',
        '- Outbound calling: off',
      ]);
    } else {
      await expectNoEmail(page, user);
    }
  }
});

test('Unassign phone number with the email box selected, then cleared', async ({ page, data: n }) => {
  for (const [user, notify] of [
    [n.unassignOn, true],
    [n.unassignOff, false],
  ] as const) {
    await openUserDetails(page, n.accountName, user.fullName);
    await chooseAction(page, 'Unassign phone number');
    await expect(emailBox(page, user)).toBeChecked();
    if (!notify) await emailBox(page, user).uncheck();
    await page.getByRole('button', { name: 'Unassign' }).click();
    await expect(page.getByRole('status')).toContainText(`${formatted(user.e164)} is unassigned from ${user.fullName}`);
    await expect(detail(page, 'Phone number')).toHaveText('None');
    if (notify) {
      await expectQueuedEmail(page, user, 'Your phone number was removed', [
        `Your administrator removed your phone number ${formatted(user.e164)}. You no longer have a phone number.`,
        '- Phone number: None',
      ]);
    } else {
      await expectNoEmail(page, user);
    }
  }
});

test('After an error the email box stays as the admin left it', async ({ page, data: n }) => {
  await openUserDetails(page, n.accountName, n.errorTarget.fullName);
  await chooseAction(page, 'Assign phone number');
  await emailBox(page, n.errorTarget).uncheck();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Select the phone number to assign');
  await expect(emailBox(page, n.errorTarget)).not.toBeChecked();
});

test('An email about another account’s user is not found', async ({ page, data: n }) => {
  await page.goto(`/outbox/${n.hiddenMessageId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.goto('/outbox/no-such-message');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
