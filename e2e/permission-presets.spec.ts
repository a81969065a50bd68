// Permission presets, JavaScript on and off: an Administrator adds a preset on the account's
// Permission presets page, assigns a number with it and sees what was set; edits and deletes it
// (users keep what they were given); a duplicate name is refused on the same form with what was
// typed kept; a ReadOnly admin sees the presets but no way to change them.
import fixture from './permission-presets.fixture';
import { formatted } from './fixture';
import { chooseAction, detail } from './steps';
import { expect, forSpec } from './test';

const test = forSpec(fixture, (d) => d.admin);

test('add a preset, assign a number with it, then edit and delete it', async ({ page, data }) => {
  const presets = `/accounts/${data.account.id}/permission-presets`;
  await page.goto(`/accounts/${data.account.id}`);
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Permission presets' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Permission presets' })).toBeVisible();
  await expect(page).toHaveTitle(`Permission presets – ${data.account.name} – Switchboard`);

  await page.getByRole('link', { name: 'Add permission preset' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add permission preset' })).toBeVisible();
  await page.getByLabel('Name').fill('Calling only');
  await page.getByRole('checkbox', { name: 'Inbound calling' }).check();
  await page.getByRole('checkbox', { name: 'Outbound calling' }).check();
  await page.getByRole('button', { name: 'Add preset' }).click();
  await expect(page.getByRole('status')).toContainText('Added the preset “Calling only”');
  const row = page.getByRole('row').filter({ hasText: 'Calling only' });
  await expect(row.getByRole('cell')).toHaveText(['Calling only', 'On', 'On', 'Off', 'Edit · Delete']);

  // Assign phone number, choosing the preset under "Permissions after assigning".
  await page.goto(`/accounts/${data.account.id}/users/${data.assignee.id}`);
  await chooseAction(page, 'Assign phone number');
  await page.getByLabel('Search numbers').fill(data.number.e164.slice(2));
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('radio', { name: formatted(data.number.e164) }).check();
  const choice = page.getByRole('group', { name: 'Permissions after assigning' });
  await expect(choice.getByRole('radio', { name: 'All off (default)' })).toBeChecked();
  await expect(choice.getByRole('radio', { name: `${data.existing} (inbound and outbound calling and SMS on)` })).toBeVisible();
  await choice.getByRole('radio', { name: 'Calling only (inbound and outbound calling on, SMS off)' }).check();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();

  const banner = page.getByRole('status');
  await expect(banner).toContainText(`${formatted(data.number.e164)} is assigned to ${data.assignee.fullName}`);
  await expect(banner).toContainText('Permissions: Calling only (inbound and outbound calling on, SMS off).');
  await expect(detail(page, 'Phone number')).toHaveText(formatted(data.number.e164));
  await expect(detail(page, 'Inbound calling')).toHaveText('On');
  await expect(detail(page, 'Outbound calling')).toHaveText('On');
  await expect(detail(page, 'SMS')).toHaveText('Off');

  // Rename it; then delete it from its confirmation page. The user keeps what they were given.
  await page.goto(presets);
  await page.getByRole('link', { name: 'Edit Calling only' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit permission preset' })).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Calling only');
  await expect(page.getByRole('checkbox', { name: 'Inbound calling' })).toBeChecked();
  await page.getByLabel('Name').fill('Calls, no SMS');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved the preset “Calls, no SMS”');
  await page.getByRole('link', { name: 'Delete Calls, no SMS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delete permission preset' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Delete the preset “Calls, no SMS”/ })).toBeChecked();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Deleted the preset “Calls, no SMS”');
  await expect(page.getByRole('row').filter({ hasText: 'Calls, no SMS' })).toHaveCount(0);
  await page.goto(`/accounts/${data.account.id}/users/${data.assignee.id}`);
  await expect(detail(page, 'Inbound calling')).toHaveText('On');
});

test('a duplicate name is refused on the same form, with what was typed kept; a ReadOnly admin only looks', async ({ page, data, as }) => {
  const presets = `/accounts/${data.account.id}/permission-presets`;
  await page.goto(`${presets}/new`);
  const typed = data.existing.toUpperCase();
  await page.getByLabel('Name').fill(typed);
  await page.getByRole('checkbox', { name: 'SMS' }).check();
  await page.getByRole('button', { name: 'Add preset' }).click();
  const summary = page.getByRole('alert', { name: 'There is a problem' });
  const message = `This account already has a preset called “${typed}”. Choose another name.`;
  await expect(summary.getByRole('link', { name: message })).toHaveAttribute('href', '#name');
  await expect(page).toHaveTitle(`Error: Add permission preset – ${data.account.name} – Switchboard`);
  await expect(page.getByLabel('Name')).toHaveValue(typed);
  await expect(page.getByRole('checkbox', { name: 'SMS' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Inbound calling' })).not.toBeChecked();
  await page.goto(presets);
  // Nothing was added (case-sensitive: only the typed capitals).
  await expect(page.getByRole('row').filter({ hasText: new RegExp(typed) })).toHaveCount(0);

  const viewer = await as(data.viewer);
  await viewer.goto(presets);
  await expect(viewer.getByRole('row').filter({ hasText: data.existing }).getByRole('cell')).toHaveText([data.existing, 'On', 'On', 'On']);
  await expect(viewer.getByRole('link', { name: 'Add permission preset' })).toHaveCount(0);
  await expect(viewer.getByText('You have read-only access, so you cannot add, edit or delete presets.')).toBeVisible();
});
