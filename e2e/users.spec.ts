import { formatted } from './fixture';
import type { Page } from '@playwright/test';
import { detail, linesOf } from './steps';
import { expect, forSpec } from './test';
import users from './users.fixture';

// Create account → add user → assign a number → suspend → unsuspend → remove, and the number's
// way back into the inventory, as one admin would go through it (JavaScript on and off), the
// first day of a new account; then an edit that someone
// else's save made stale. The rules behind each step, races included, are proven in
// lib/directory/user-changes.test.ts; this is what an admin sees of them.
const test = forSpec(users, (d) => d.admin);

/** "For Actions, choose …" (a banner above may link to the same page: the menu's link is meant). */
async function chooseAction(page: Page, action: string) {
  await page.getByText('Actions', { exact: true }).click();
  await page.locator('details.actions').getByRole('link', { name: action, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: action })).toBeVisible();
}

test('Create account, add user, assign a number, suspend, unsuspend, remove: the number goes back to the inventory', async ({
  page,
  data,
}) => {
  const { fullName } = data.newUser;
  const accountName = data.newAccountName;
  const number = formatted(data.number.e164);

  // Create account; its Users page says what to do first.
  await page.goto('/accounts/new');
  await page.getByLabel('Account name').fill(accountName);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: accountName })).toBeVisible();
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByText('This account has no users.')).toBeVisible();
  const usersPath = new URL(page.url()).pathname;

  // Add user (the address in capitals, with spaces: stored as typed, lower-cased and trimmed).
  await page.getByRole('main').getByRole('link', { name: 'Add user' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add user' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Pro\b/ }).first()).toBeChecked(); // the account's default licence
  await page.getByLabel('Full name', { exact: true }).fill(fullName);
  await page.getByLabel('Email address', { exact: true }).fill(` ${data.newUser.email.toUpperCase()}`);
  await page.getByRole('radio', { name: /^Shared device/ }).check();
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  const userPath = new URL(page.url()).pathname;
  const added = page.getByRole('status');
  await expect(added).toContainText(`Added ${fullName}`);
  await expect(added).toContainText(`An invitation email to ${data.newUser.email} is on its way.`);
  await expect(detail(page, 'Email')).toHaveText(data.newUser.email);
  await expect(detail(page, 'User type')).toHaveText('Shared device');
  await expect(detail(page, 'Licence')).toHaveText('Pro');
  await expect(detail(page, 'Registration status')).toHaveText('Unregistered');
  await expect(detail(page, 'Invitation status')).toHaveText('Pending — the invitation email is queued');
  const invitation = page.getByRole('row', { name: new RegExp(`You are invited to ${accountName}`) });
  await expect(invitation).toContainText('Pending');

  // The same address again, in other capitals: refused on the form, with what was typed kept.
  await page.goto(`${usersPath}/new`);
  await page.getByLabel('Full name', { exact: true }).fill('Someone Else');
  const duplicate = `  ${data.newUser.email.toUpperCase()} `;
  await page.getByLabel('Email address', { exact: true }).fill(duplicate);
  await page.getByRole('radio', { name: /^Shared device/ }).check();
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText(
    `${data.newUser.email} is already the email address of a user in ${accountName}`,
  );
  await expect(page).toHaveTitle(`Error: Add user – ${accountName} – Switchboard`);
  await expect(page.getByLabel('Full name', { exact: true })).toHaveValue('Someone Else');
  await expect(page.getByLabel('Email address', { exact: true })).toHaveValue(duplicate.trim()); // an email field trims what it holds
  await expect(page.getByRole('radio', { name: /^Shared device/ })).toBeChecked();
  await page.goto(userPath);

  // Assign the free number, and turn inbound calling on so that suspending has something to turn off.
  await chooseAction(page, 'Assign phone number');
  // The picker says how many it offers, pages above the Assign button, and keeps its search
  // box beside its button.
  await expect(page.locator('#list-count')).toHaveText(/^1–25 of [\d,]+ numbers available$/);
  const assign = page.getByRole('button', { name: 'Assign', exact: true });
  const pages = page.getByRole('navigation', { name: 'Pages' });
  expect(
    await pages.evaluate(
      (nav, button) => Boolean(nav.compareDocumentPosition(button!) & Node.DOCUMENT_POSITION_FOLLOWING),
      await assign.elementHandle(),
    ),
  ).toBe(true);
  const box = (await page.getByLabel('Search numbers').boundingBox())!;
  const searchButton = (await page.getByRole('button', { name: 'Search' }).boundingBox())!;
  expect(searchButton.x - (box.x + box.width)).toBeLessThan(16);
  expect(Math.abs(searchButton.y + searchButton.height - (box.y + box.height))).toBeLessThan(8);
  await page.getByLabel('Search numbers').fill(data.number.e164.slice(2));
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('#list-count')).toHaveText('1–1 of 1 number available');
  // Each number says where it is, what it is and what it can do.
  await expect(page.getByRole('radio', { name: number })).toHaveAccessibleDescription(
    `Area code ${data.number.e164.slice(2, 5)}, United States · Local · Business Calling · Inbound call, Outbound call, SMS`,
  );
  await page.getByRole('radio', { name: number }).check();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`${number} is assigned to ${fullName}`);
  // On Users, the user's number links to the number's own page.
  await page.goto(usersPath);
  const usersBox = (await page.getByLabel('Search users').boundingBox())!;
  const usersButton = (await page.getByRole('button', { name: 'Search', exact: true }).boundingBox())!;
  expect(usersButton.x - (usersBox.x + usersBox.width)).toBeLessThan(16); // the box and its button sit together
  expect(Math.abs(usersButton.y + usersButton.height - (usersBox.y + usersBox.height))).toBeLessThan(8);
  // On a narrow screen an email wraps after its @, a hyphen, or before a dot, never mid-word.
  await page.setViewportSize({ width: 320, height: 800 });
  const emailLines = await linesOf(page.getByRole('cell', { name: data.newUser.email }));
  expect(emailLines.join('')).toBe(data.newUser.email);
  for (let i = 1; i < emailLines.length; i++)
    expect(/[@-]$/.test(emailLines[i - 1]!) || emailLines[i]!.startsWith('.'), emailLines.join(' | ')).toBe(true);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page
    .getByRole('row', { name: new RegExp(fullName) })
    .getByRole('link', { name: number })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
  await page.goto(userPath);
  await chooseAction(page, 'Edit telephony permissions');
  await page.getByRole('checkbox', { name: /Inbound calling/ }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(detail(page, 'Inbound calling')).toHaveText('On');

  // Suspend user: the page says the number stays and calling goes off; so it is.
  await chooseAction(page, 'Suspend user');
  await expect(
    page.getByText(`They keep their phone number, ${number}, but their inbound calling, outbound calling and SMS are turned off.`),
  ).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `Suspend ${fullName} (${data.newUser.email})` })).toBeChecked();
  await page.getByRole('button', { name: 'Suspend', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`${fullName} is suspended`);
  await expect(detail(page, 'Registration status')).toHaveText('Suspended');
  await expect(detail(page, 'Phone number')).toHaveText(number);
  for (const p of ['Inbound calling', 'Outbound calling', 'SMS']) await expect(detail(page, p)).toHaveText('Off');

  // Unsuspend user: registration back as it was, calling still off.
  await chooseAction(page, 'Unsuspend user');
  await page.getByRole('button', { name: 'Unsuspend', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`${fullName} is unsuspended`);
  await expect(detail(page, 'Registration status')).toHaveText('Unregistered');
  await expect(detail(page, 'Inbound calling')).toHaveText('Off');

  // Remove user: the confirmation names the number; afterwards it is back in the inventory.
  await chooseAction(page, 'Remove user');
  await expect(page.getByText(`Their phone number, ${number}, goes back to the inventory as Unassigned`)).toBeVisible();
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  const removed = page.getByRole('status');
  await expect(removed).toContainText(`Removed ${fullName}`);
  await expect(removed).toContainText(`${number} is back in the inventory as Unassigned.`);

  // The removed user's page stays readable, with nothing left to do to them.
  await removed.getByRole('link', { name: 'their page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  await expect(page.getByRole('note')).toContainText(`by ${data.admin.name}.`);
  await expect(page.getByText('Actions', { exact: true })).toHaveCount(0);
  await expect(detail(page, 'Phone number')).toHaveText('None');
  await expect(page.getByRole('row', { name: /Removed user/ })).toHaveCount(1);
  // Their pages, reached by address: a change of theirs says why it cannot be made; a telephony
  // page leads back to their page.
  await page.goto(`${userPath}/suspend`);
  await expect(page.getByText(`${fullName} was removed on`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Suspend', exact: true })).toHaveCount(0);
  await page.goto(`${userPath}/assign-phone-number`);
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${userPath}$`));

  // The number: Unassigned, its history row closed; assigning it again warns it was used recently.
  await page.goto(`/phone-numbers/${data.number.id}`);
  await expect(detail(page, 'Status')).toHaveText('Unassigned');
  const held = page.getByRole('region', { name: 'Assignment history' }).getByRole('row', { name: new RegExp(fullName) });
  await expect(held).toContainText(data.admin.name);
  await expect(held).not.toContainText('Now');
  await page.goto(`/phone-numbers/${data.number.id}/assign?accountId=${data.accountId}&userId=${data.nextHolder.id}`);
  await expect(page.getByRole('note')).toContainText(`Recently used. ${fullName} (${accountName}) had this number until`);
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(detail(page, 'Status')).toHaveText('Assigned');
});

test('Edit user from a page someone else saved first: refused, and the form shows the user as they are now', async ({ page, as, data }) => {
  const editPath = `/accounts/${data.accountId}/users/${data.editee.id}/edit`;
  const other = await as(data.otherAdmin);
  await Promise.all([page.goto(editPath), other.goto(editPath)]);

  const renamed = `${data.editee.fullName} Renamed`;
  await other.getByLabel('Full name', { exact: true }).fill(renamed);
  await other.getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('status')).toContainText(`Saved ${renamed}’s details`);

  await page.getByRole('radio', { name: /^Basic/ }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText(
    `Someone else changed ${renamed} while you were looking at this page. Nothing was changed`,
  );
  await expect(page.getByLabel('Full name', { exact: true })).toHaveValue(renamed);
  await expect(page.getByRole('radio', { name: /^Pro\b/ }).first()).toBeChecked();
});
