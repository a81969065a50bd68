import { formatted } from './fixture';
import { chooseAction, detail, flashConsumed, openUserDetails } from './steps';
import { expect, forSpec } from './test';
import workflows from './workflows.fixture';

// Every test here also runs on PostgreSQL (tagged @postgres): the workflows' conditional writes,
// the race and the stale form are what depends on the database.
const test = forSpec(workflows, (d) => d.admin);

const NOTES = [
  /We recommend contacting .+ with their new phone number or permissions information\./,
  /must sign out of their calling app and sign back in before they can use their new phone number or permissions\./,
];

test('Assign phone number, following the spec’s steps word for word', { tag: '@postgres' }, async ({ page, data: flows }) => {
  const user = flows.assignee;
  await openUserDetails(page, flows.accountName, user.fullName);
  await expect(detail(page, 'Phone number')).toHaveText('None');
  await chooseAction(page, 'Assign phone number');
  // "Select the phone number to assign to the user." (searching by its digits finds it among many)
  await page.getByLabel('Search numbers').fill(flows.numberToAssign.e164.slice(2));
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('radio', { name: formatted(flows.numberToAssign.e164) }).check();
  // "Choose Assign."
  await page.getByRole('button', { name: 'Assign', exact: true }).click();

  const banner = page.getByRole('status');
  await expect(banner).toContainText(`${formatted(flows.numberToAssign.e164)} is assigned to ${user.fullName}`);
  await expect(banner).toContainText('Calling and SMS permissions are turned off by default.');
  for (const note of NOTES) await expect(banner).toContainText(note);
  await expect(banner.getByRole('link', { name: 'Edit telephony permissions' })).toBeVisible();
  await expect(detail(page, 'Phone number')).toHaveText(formatted(flows.numberToAssign.e164));
  for (const p of ['Inbound calling', 'Outbound calling', 'SMS']) await expect(detail(page, p)).toHaveText('Off');
  await expect(page.getByText(`Waiting for ${user.fullName}’s next sign-in.`)).toBeVisible();

  // The banner is shown once; the number is no longer offered to anyone.
  await flashConsumed(page);
  await page.reload();
  await expect(page.getByRole('status')).toHaveCount(0);
  await openUserDetails(page, flows.accountName, flows.emptyChoice.fullName);
  await chooseAction(page, 'Assign phone number');
  await page.getByLabel('Search numbers').fill(flows.numberToAssign.e164.slice(2));
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No phone numbers that can be assigned match your search.')).toBeVisible();
});

test('Assign without choosing a number: told so on the same page, nothing changes', { tag: '@postgres' }, async ({ page, data: flows }) => {
  await openUserDetails(page, flows.accountName, flows.emptyChoice.fullName);
  await chooseAction(page, 'Assign phone number');
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Select the phone number to assign');
  await expect(page).toHaveTitle(`Error: Assign phone number – ${flows.emptyChoice.fullName} – Switchboard`);
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(detail(page, 'Phone number')).toHaveText('None');

  // Permissions need a number: the menu and the page say so, and lead to Assign phone number.
  await page.getByText('Actions', { exact: true }).click();
  await expect(page.getByRole('link', { name: 'Edit telephony permissions' })).toHaveCount(0);
  const menu = page.locator('details.actions');
  await expect(menu).toContainText('Edit telephony permissions needs a phone number: assign one first');
  await expect(menu.getByRole('link', { name: 'assign one first' })).toHaveAttribute('href', /\/assign-phone-number$/);
  await page.goto(`/accounts/${flows.accountId}/users/${flows.emptyChoice.id}/edit-telephony-permissions`);
  await expect(page.getByRole('main')).toContainText(
    `${flows.emptyChoice.fullName} has no phone number. Telephony permissions need a phone number: assign one first.`,
  );
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await page.getByRole('main').getByRole('link', { name: 'Assign phone number' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assign phone number' })).toBeVisible();
});

test('Edit telephony permissions, following the spec’s steps', { tag: '@postgres' }, async ({ page, data: flows }) => {
  const user = flows.editee;
  await openUserDetails(page, flows.accountName, user.fullName);
  await chooseAction(page, 'Edit telephony permissions');
  await expect(page.getByRole('checkbox', { name: /Inbound calling/ })).not.toBeChecked();
  // "Select the desired calling and SMS permissions for the user, and choose Save."
  await page.getByRole('checkbox', { name: /Inbound calling/ }).check();
  await page.getByRole('checkbox', { name: /SMS/ }).check();
  await page.getByRole('button', { name: 'Save' }).click();

  const banner = page.getByRole('status');
  await expect(banner).toContainText(`Telephony permissions saved for ${user.fullName}`);
  for (const note of NOTES) await expect(banner).toContainText(note);
  await expect(detail(page, 'Inbound calling')).toHaveText('On');
  await expect(detail(page, 'Outbound calling')).toHaveText('Off');
  await expect(detail(page, 'SMS')).toHaveText('On');

  // The form shows the current values next time.
  await chooseAction(page, 'Edit telephony permissions');
  await expect(page.getByRole('checkbox', { name: /Inbound calling/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Outbound calling/ })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: /SMS/ })).toBeChecked();
  // Saved again as it is: nothing changes, and the banner says so (no notes about telling the user).
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText(
    `Nothing changed${user.fullName}’s telephony permissions were already as you saved them.`,
  );
  await expect(page.getByRole('status')).not.toContainText('We recommend contacting');
});

test('Unassign phone number: the box is selected by default, then Unassign', { tag: '@postgres' }, async ({ page, data: flows }) => {
  const user = flows.unassignee;
  await openUserDetails(page, flows.accountName, user.fullName);
  await chooseAction(page, 'Unassign phone number');
  await expect(page.getByText('Their inbound calling, outbound calling and SMS permissions will be turned off.')).toBeVisible();
  // "Confirm the check box is selected, and choose Unassign."
  const box = page.getByRole('checkbox', { name: `Unassign ${formatted(user.e164)} from ${user.fullName}` });
  await expect(box).toBeChecked();
  await page.getByRole('button', { name: 'Unassign' }).click();

  const banner = page.getByRole('status');
  await expect(banner).toContainText(`${formatted(user.e164)} is unassigned from ${user.fullName}`);
  for (const note of NOTES) await expect(banner).toContainText(note);
  await expect(detail(page, 'Phone number')).toHaveText('None');
  await page.getByText('Actions', { exact: true }).click();
  await expect(page.getByRole('link', { name: 'Assign phone number' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Unassign phone number' })).toHaveCount(0);
});

test(
  'Unassign with the box cleared: an error on the same page, and the number stays',
  { tag: '@postgres' },
  async ({ page, data: flows }) => {
    const user = flows.clearedBox;
    await openUserDetails(page, flows.accountName, user.fullName);
    await chooseAction(page, 'Unassign phone number');
    // The confirmation box, not "Email … about this change" below it.
    const box = page.getByRole('checkbox', { name: `Unassign ${formatted(user.e164)} from ${user.fullName}` });
    await box.uncheck();
    await page.getByRole('button', { name: 'Unassign' }).click();
    await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText(
      'Select the box to confirm that you want to unassign this phone number',
    );
    await expect(page).toHaveTitle(`Error: Unassign phone number – ${user.fullName} – Switchboard`);
    await expect(box).not.toBeChecked();
    await page.getByRole('link', { name: 'Cancel' }).click();
    await expect(detail(page, 'Phone number')).toHaveText(formatted(user.e164));
  },
);

test('A ReadOnly admin sees no actions, and a replayed admin form is refused', { tag: '@postgres' }, async ({ page, as, data: flows }) => {
  const target = flows.replayTarget;
  const assignPath = `/accounts/${flows.accountId}/users/${target.id}/assign-phone-number`;

  // The administrator's real form, as the browser received it.
  await page.goto(`${assignPath}?q=${flows.numberToReplay.e164.slice(2)}`);
  await page.getByRole('radio', { name: formatted(flows.numberToReplay.e164) }).check();
  const form = page.locator('form:has(button:text-is("Assign"))');
  const fields: Record<string, string> = {};
  for (const input of await form.locator('input').all()) {
    const name = await input.getAttribute('name');
    const type = await input.getAttribute('type');
    if (!name || (type === 'radio' && !(await input.isChecked()))) continue;
    fields[name] = (type === 'radio' ? await input.getAttribute('value') : await input.inputValue()) ?? '';
  }
  expect(fields.phoneNumberId).toBe(flows.numberToReplay.id);

  const viewer = await as(flows.viewer);
  await openUserDetails(viewer, flows.accountName, target.fullName);
  await expect(viewer.getByText('Actions', { exact: true })).toHaveCount(0);
  await viewer.goto(assignPath);
  await expect(viewer.getByText('You have read-only access, so you cannot assign phone numbers.')).toBeVisible();
  await expect(viewer.getByRole('radio')).toHaveCount(0);

  // The same post, under the viewer's session.
  const response = await viewer.request.post(assignPath, { multipart: fields, headers: { Origin: new URL(viewer.url()).origin } });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('You have read-only access, so you cannot change phone numbers, users or permissions.');
  await viewer.context().close();

  await page.goto(`/accounts/${flows.accountId}/users/${target.id}`);
  await expect(detail(page, 'Phone number')).toHaveText('None');
  await page.goto(`${assignPath}?q=${flows.numberToReplay.e164.slice(2)}`);
  await expect(page.getByRole('radio', { name: formatted(flows.numberToReplay.e164) })).toBeVisible();
});

test('Two admins assign the same number at the same moment: exactly one wins', { tag: '@postgres' }, async ({ as, data: flows }) => {
  const pages = await Promise.all(
    flows.racers.map(async (racer) => {
      const page = await as(flows.admin);
      await page.goto(`/accounts/${flows.accountId}/users/${racer.id}/assign-phone-number?q=${flows.numberToRaceFor.e164.slice(2)}`);
      await page.getByRole('radio', { name: formatted(flows.numberToRaceFor.e164) }).check();
      return page;
    }),
  );
  await Promise.all(pages.map((page) => page.getByRole('button', { name: 'Assign', exact: true }).click()));

  const outcomes = await Promise.all(
    pages.map(async (page) => {
      const won = page.getByRole('status').filter({ hasText: 'is assigned to' });
      const lost = page.getByRole('alert', { name: 'There is a problem' });
      await expect(won.or(lost)).toBeVisible();
      return (await won.count()) ? 'won' : ((await lost.textContent()) ?? '');
    }),
  );
  expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
  const loser = outcomes.find((o) => o !== 'won');
  expect(loser).toContain(`${formatted(flows.numberToRaceFor.e164)} was assigned to someone else. Choose another number.`);
});

test(
  'A permissions form that someone else saved first is refused and shows the current permissions',
  { tag: '@postgres' },
  async ({ as, data: flows }) => {
    const user = flows.staleEditee;
    const open = async () => {
      const page = await as(flows.admin);
      await page.goto(`/accounts/${flows.accountId}/users/${user.id}/edit-telephony-permissions`);
      return page;
    };
    const first = await open();
    const second = await open();
    await first.getByRole('checkbox', { name: /Outbound calling/ }).check();
    await first.getByRole('button', { name: 'Save' }).click();
    await expect(first.getByRole('status')).toContainText(`Telephony permissions saved for ${user.fullName}`);

    await second.getByRole('checkbox', { name: /SMS/ }).check();
    await second.getByRole('button', { name: 'Save' }).click();
    await expect(second.getByRole('alert', { name: 'There is a problem' })).toContainText(
      `Someone else changed ${user.fullName}’s phone number or permissions while you were editing.`,
    );
    await expect(second.getByRole('checkbox', { name: /Outbound calling/ })).toBeChecked();
    await expect(second.getByRole('checkbox', { name: /SMS/ })).not.toBeChecked();
    // Saving again from the refreshed form works.
    await second.getByRole('checkbox', { name: /SMS/ }).check();
    await second.getByRole('button', { name: 'Save' }).click();
    await expect(second.getByRole('status')).toContainText(`Telephony permissions saved for ${user.fullName}`);
    await expect(detail(second, 'Outbound calling')).toHaveText('On');
    await expect(detail(second, 'SMS')).toHaveText('On');
  },
);

test(
  'A form posted after the session ended changes nothing and asks to sign in again',
  { tag: '@postgres' },
  async ({ page, data: flows }, testInfo) => {
    const js = testInfo.project.use.javaScriptEnabled;
    const context = page.context();
    const path = `/accounts/${flows.accountId}/users/${flows.signedOutTarget.id}`;
    await page.goto(`${path}/edit-telephony-permissions`);
    await context.clearCookies(); // the session ends while the form is open
    await page.getByRole('button', { name: 'Save' }).click();
    if (js) {
      await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('You are signed out. Sign in again');
    } else {
      // Without JavaScript the page itself answers: a plain GET of the sign-in page, not a re-post.
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    }
  },
);
