import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import fixture from './accessibility.fixture';
import { formatted } from './fixture';
import { expect, forSpec } from './test';

// Every page, and every error state, checked for the page's structure (landmarks, one h1, the
// skip link first, the title, no sideways scrolling at 320 px) and by axe-core, in the JS-on
// project (axe needs a browser that runs scripts). A page as it is first served is the same
// server-rendered HTML with JavaScript on or off, so it is checked once (accessibility.rendered.ts,
// JS on only); an error state is reached differently (the browser's check, or the server's answer
// to a post), so each is checked in both projects (accessibility.spec.ts). One line per page: add
// a page here when you add it to the app. The pages of a group are visited one after another in
// one browser per admin.

type Data = ReturnType<typeof fixture.data>;
/** Who looks at the page: the suite's admin, an Administrator of all accounts, a ReadOnly admin, or nobody. */
type As = 'admin' | 'manager' | 'viewer' | 'anonymous';
type Entry = {
  name: string;
  as?: As;
  path: (d: Data) => string;
  /** The whole expected <title>; every title also has to match TITLE_PATTERN. */
  title: (d: Data) => string | RegExp;
  /** What to do on the page before it is checked: submit a form, to check its error state. */
  act?: (page: Page, d: Data) => Promise<void>;
};

const S = 'Switchboard';
const user = (d: Data, id: string) => `/accounts/${d.accountId}/users/${id}`;
const num = (d: Data, id = d.number.id) => `/phone-numbers/${id}`;
const admin = (d: Data, id = d.subjectAdmin.id) => `/admins/${id}`;
const submit = (name: string) => async (page: Page) => {
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toBeVisible({ timeout: 20_000 });
};
const uncheckAndSubmit = (name: string) => async (page: Page) => {
  // The confirmation box, not "Email … about this change" where a form has both.
  await page.getByRole('checkbox', { name: /^(?!Email )/ }).uncheck();
  await submit(name)(page);
};

const GROUPS: Record<string, Entry[]> = {
  'signed out': [
    { name: 'sign in', as: 'anonymous', path: () => '/login', title: () => `Sign in – ${S}` },
    {
      name: 'sign in, nothing entered',
      as: 'anonymous',
      path: () => '/login',
      title: () => `Error: Sign in – ${S}`,
      act: submit('Sign in'),
    },
  ],
  'accounts and users': [
    { name: 'accounts', path: () => '/accounts', title: () => `Accounts – ${S}` },
    { name: 'accounts, search', path: (d) => `/accounts?q=${encodeURIComponent(d.accountName)}`, title: () => `Accounts – ${S}` },
    { name: 'account', path: (d) => `/accounts/${d.accountId}`, title: (d) => `Account summary – ${d.accountName} – ${S}` },
    { name: 'users', path: (d) => `/accounts/${d.accountId}/users`, title: (d) => `Users – ${d.accountName} – ${S}` },
    { name: 'users, search', path: (d) => `/accounts/${d.accountId}/users?q=WithNumber`, title: (d) => `Users – ${d.accountName} – ${S}` },
    {
      name: 'users, no match',
      path: (d) => `/accounts/${d.accountId}/users?q=zzz-nobody`,
      title: (d) => `Users – ${d.accountName} – ${S}`,
    },
    {
      name: 'user without a number',
      path: (d) => user(d, d.withoutNumber.id),
      title: (d) => `${d.withoutNumber.fullName} – Users – ${d.accountName} – ${S}`,
    },
    {
      name: 'user with a number',
      path: (d) => user(d, d.withNumber.id),
      title: (d) => `${d.withNumber.fullName} – Users – ${d.accountName} – ${S}`,
    },
    {
      name: 'user, read-only admin',
      as: 'viewer',
      path: (d) => user(d, d.withNumber.id),
      title: (d) => `${d.withNumber.fullName} – Users – ${d.accountName} – ${S}`,
    },
    {
      name: 'user, change banner',
      path: (d) => `${user(d, d.changed.id)}/edit-telephony-permissions`,
      title: (d) => `${d.changed.fullName} – Users – ${d.accountName} – ${S}`,
      act: async (page) => {
        await page.getByRole('checkbox', { name: /SMS/ }).check();
        await page.getByRole('button', { name: 'Save' }).click();
        await expect(page.getByRole('status')).toContainText('Telephony permissions saved', { timeout: 20_000 });
      },
    },
  ],
  // The three workflows, and their error states
  workflows: [
    {
      name: 'assign phone number',
      path: (d) => `${user(d, d.withoutNumber.id)}/assign-phone-number`,
      title: (d) => `Assign phone number – ${d.withoutNumber.fullName} – ${S}`,
    },
    {
      name: 'assign phone number, nothing chosen',
      path: (d) => `${user(d, d.withoutNumber.id)}/assign-phone-number`,
      title: (d) => `Error: Assign phone number – ${d.withoutNumber.fullName} – ${S}`,
      act: submit('Assign'),
    },
    {
      name: 'assign phone number, read-only admin',
      as: 'viewer',
      path: (d) => `${user(d, d.withoutNumber.id)}/assign-phone-number`,
      title: (d) => `Assign phone number – ${d.withoutNumber.fullName} – ${S}`,
    },
    {
      name: 'edit telephony permissions',
      path: (d) => `${user(d, d.withNumber.id)}/edit-telephony-permissions`,
      title: (d) => `Edit telephony permissions – ${d.withNumber.fullName} – ${S}`,
    },
    {
      name: 'edit telephony permissions, changed by someone else first',
      path: (d) => `${user(d, d.stale.id)}/edit-telephony-permissions`,
      title: (d) => `Error: Edit telephony permissions – ${d.stale.fullName} – ${S}`,
      act: async (page, d) => {
        const other = await page.context().newPage();
        await other.goto(`${user(d, d.stale.id)}/edit-telephony-permissions`);
        await other.getByRole('checkbox', { name: /Inbound calling/ }).check();
        await other.getByRole('button', { name: 'Save' }).click();
        await expect(other.getByRole('status')).toBeVisible({ timeout: 20_000 });
        await other.close();
        await page.getByRole('checkbox', { name: /Outbound calling/ }).check();
        await submit('Save')(page);
      },
    },
    {
      name: 'unassign phone number',
      path: (d) => `${user(d, d.withNumber.id)}/unassign-phone-number`,
      title: (d) => `Unassign phone number – ${d.withNumber.fullName} – ${S}`,
    },
    {
      name: 'unassign phone number, box cleared',
      path: (d) => `${user(d, d.withNumber.id)}/unassign-phone-number`,
      title: (d) => `Error: Unassign phone number – ${d.withNumber.fullName} – ${S}`,
      act: uncheckAndSubmit('Unassign'),
    },
    {
      name: 'move phone number: choose the new holder',
      path: (d) => `${user(d, d.withNumber.id)}/move-phone-number`,
      title: (d) => `Move phone number – ${d.withNumber.fullName} – ${S}`,
    },
    {
      name: 'move phone number, nobody chosen',
      path: (d) => `${user(d, d.withNumber.id)}/move-phone-number`,
      title: (d) => `Error: Move phone number – ${d.withNumber.fullName} – ${S}`,
      act: submit('Continue'),
    },
    {
      name: 'move phone number: confirm',
      path: (d) => `${user(d, d.withNumber.id)}/move-phone-number?to=${d.withoutNumber.id}`,
      title: (d) => `Move phone number – ${d.withNumber.fullName} – ${S}`,
    },
    // The user changes: their forms, the shared confirmation's error state, and a removed user's page
    {
      name: 'add user, nothing entered',
      path: (d) => `/accounts/${d.accountId}/users/new`,
      title: (d) => `Error: Add user – ${d.accountName} – ${S}`,
      act: submit('Add user'),
    },
    {
      name: 'edit user',
      path: (d) => `${user(d, d.withoutNumber.id)}/edit`,
      title: (d) => `Edit user – ${d.withoutNumber.fullName} – ${S}`,
    },
    {
      name: 'suspend user, box cleared',
      path: (d) => `${user(d, d.withNumber.id)}/suspend`,
      title: (d) => `Error: Suspend user – ${d.withNumber.fullName} – ${S}`,
      act: uncheckAndSubmit('Suspend'),
    },
    {
      name: 'remove user',
      path: (d) => `${user(d, d.withNumber.id)}/remove`,
      title: (d) => `Remove user – ${d.withNumber.fullName} – ${S}`,
    },
    {
      name: 'removed user',
      path: (d) => user(d, d.removed.id),
      title: (d) => `${d.removed.fullName} – Users – ${d.accountName} – ${S}`,
    },
    // Import users, and many users at once (the Users list's Actions)
    {
      name: 'import users',
      path: (d) => `/accounts/${d.accountId}/users/import`,
      title: (d) => `Import users – ${d.accountName} – ${S}`,
    },
    {
      name: 'import users, preview with a bad line',
      path: (d) => `/accounts/${d.accountId}/users/import`,
      title: (d) => `Check the users to import – ${d.accountName} – ${S}`,
      act: async (page, d) => {
        await page.getByLabel('Users', { exact: true }).fill(`A11y Imported, ${d.importEmail}\nNo Address, not-an-email`);
        await page.getByRole('button', { name: 'Preview' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Check the users to import' })).toBeVisible({ timeout: 20_000 });
      },
    },
    {
      name: 'users at once: suspend',
      path: (d) => `/accounts/${d.accountId}/users/bulk?action=suspend&userId=${d.bulkTarget.id}&userId=${d.withoutNumber.id}`,
      title: (d) => `Suspend users – Users – ${d.accountName} – ${S}`,
    },
    {
      name: 'users at once: remove, box cleared',
      path: (d) => `/accounts/${d.accountId}/users/bulk?action=remove&userId=${d.bulkTarget.id}`,
      title: (d) => `Error: Remove users – Users – ${d.accountName} – ${S}`,
      act: uncheckAndSubmit('Remove 1 user'),
    },
    {
      name: 'users at once: the result',
      path: (d) => `/accounts/${d.accountId}/users/bulk?action=change-license&userId=${d.bulkTarget.id}`,
      title: (d) => `Change licence: done – Users – ${d.accountName} – ${S}`,
      act: async (page) => {
        await page.getByRole('radio', { name: 'Basic' }).check();
        await page.getByRole('button', { name: 'Change licence 1 user' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Change licence: done' })).toBeVisible({ timeout: 20_000 });
      },
    },
    {
      name: 'users at once: set permissions',
      path: (d) => `/accounts/${d.accountId}/users/bulk?action=set-permissions&userId=${d.bulkTarget.id}&userId=${d.withoutNumber.id}`,
      title: (d) => `Set permissions – Users – ${d.accountName} – ${S}`,
    },
    // Change phone numbers from a file: the upload, and a dry run (which changes nothing)
    {
      name: 'change phone numbers from a file',
      path: (d) => `/accounts/${d.accountId}/users/change-phone-numbers`,
      title: (d) => `Change phone numbers from a file – ${d.accountName} – ${S}`,
    },
    {
      name: 'change phone numbers from a file, dry run',
      path: (d) => `/accounts/${d.accountId}/users/change-phone-numbers`,
      title: (d) => `Dry run: what each row would do – Change phone numbers from a file – ${d.accountName} – ${S}`,
      act: async (page, d) => {
        const csv = `User,Phone number,Inbound\r\n${d.withoutNumber.id},,\r\n${d.withoutNumber.id},,maybe\r\n`;
        await page.getByLabel('CSV file of changes').setInputFiles({ name: 'changes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        await page.getByRole('button', { name: 'Dry run' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Dry run: what each row would do' })).toBeVisible({ timeout: 20_000 });
      },
    },
  ],
  'phone numbers': [
    { name: 'phone numbers', path: () => '/phone-numbers', title: () => `Phone numbers – ${S}` },
    { name: 'phone numbers, newest first', path: () => '/phone-numbers?sort=-added', title: () => `Phone numbers – ${S}` },
    {
      name: 'phone numbers, filtered',
      path: () => '/phone-numbers?view=unassigned&type=Local&productType=BusinessCalling&country=US&q=206',
      title: () => `Phone numbers – Unassigned – ${S}`,
    },
    { name: 'phone numbers, no match', path: () => '/phone-numbers?q=000000000000', title: () => `Phone numbers – ${S}` },
    { name: 'phone numbers overview', path: () => '/phone-numbers/overview', title: () => `Overview – Phone numbers – ${S}` },
    { name: 'add phone numbers', path: () => '/phone-numbers/add', title: () => `Add phone numbers – Phone numbers – ${S}` },
    {
      name: 'add phone numbers, nothing entered',
      path: () => '/phone-numbers/add',
      title: () => `Error: Add phone numbers – Phone numbers – ${S}`,
      act: submit('Preview'),
    },
    {
      name: 'add phone numbers, preview with bad lines',
      path: () => '/phone-numbers/add',
      title: () => `Check the phone numbers to add – Add phone numbers – ${S}`,
      act: async (page, d) => {
        await page.getByLabel('Phone numbers').fill([d.notYetAdded, '12345', 'not a number'].join('\n'));
        await page.getByRole('button', { name: 'Preview' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Check the phone numbers to add' })).toBeVisible({ timeout: 20_000 });
      },
    },
  ],
  'a phone number': [
    { name: 'phone number', path: (d) => num(d), title: (d) => `${formatted(d.number.e164)} – Phone numbers – ${S}` },
    {
      name: 'phone number, assigned',
      path: (d) => num(d, d.withNumber.phoneNumberId),
      title: (d) => `${formatted(d.withNumber.e164)} – Phone numbers – ${S}`,
    },
    {
      name: 'edit calling name',
      path: (d) => `${num(d)}/calling-name`,
      title: (d) => `Edit calling name – ${formatted(d.number.e164)} – ${S}`,
    },
    {
      name: 'edit calling name, bad name',
      path: (d) => `${num(d)}/calling-name`,
      title: (d) => `Error: Edit calling name – ${formatted(d.number.e164)} – ${S}`,
      act: async (page) => {
        await page.getByLabel(/Calling name for/).fill('Bad & name!');
        await submit('Save')(page);
      },
    },
    {
      name: 'assign to a user: account',
      path: (d) => `${num(d)}/assign`,
      title: (d) => `Assign to a user – ${formatted(d.number.e164)} – ${S}`,
    },
    {
      name: 'assign to a user: user',
      path: (d) => `${num(d)}/assign?accountId=${d.accountId}`,
      title: (d) => `Assign to a user – ${formatted(d.number.e164)} – ${S}`,
    },
    {
      name: 'assign to a user: confirm',
      path: (d) => `${num(d)}/assign?accountId=${d.accountId}&userId=${d.withoutNumber.id}`,
      title: (d) => `Assign to a user – ${formatted(d.number.e164)} – ${S}`,
    },
    {
      name: 'delete phone number',
      path: (d) => `${num(d)}/delete`,
      title: (d) => `Delete phone number – ${formatted(d.number.e164)} – ${S}`,
    },
    {
      name: 'delete phone number, box cleared',
      path: (d) => `${num(d)}/delete`,
      title: (d) => `Error: Delete phone number – ${formatted(d.number.e164)} – ${S}`,
      act: uncheckAndSubmit('Delete'),
    },
  ],
  // An Administrator of all accounts
  admins: [
    { name: 'admins', as: 'manager', path: () => '/admins', title: () => `Admins – ${S}` },
    { name: 'admins, no match', as: 'manager', path: () => '/admins?q=zzz-nobody', title: () => `Admins – ${S}` },
    { name: 'add admin', as: 'manager', path: () => '/admins/new', title: () => `Add admin – Admins – ${S}` },
    {
      name: 'add admin, nothing entered',
      as: 'manager',
      path: () => '/admins/new',
      title: () => `Error: Add admin – Admins – ${S}`,
      act: submit('Add admin'),
    },
    { name: 'admin', as: 'manager', path: (d) => admin(d), title: (d) => `${d.subjectAdmin.name} – Admins – ${S}` },
    {
      name: 'change role or accounts',
      as: 'manager',
      path: (d) => `${admin(d)}/change-role-or-accounts`,
      title: (d) => `Change role or accounts – ${d.subjectAdmin.name} – ${S}`,
    },
    {
      name: 'change role or accounts, no account chosen',
      as: 'manager',
      path: (d) => `${admin(d)}/change-role-or-accounts`,
      title: (d) => `Error: Change role or accounts – ${d.subjectAdmin.name} – ${S}`,
      act: async (page) => {
        for (const box of await page.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
        await page.getByRole('radio', { name: 'Only the accounts chosen below' }).check();
        await submit('Save')(page);
      },
    },
    { name: 'disable admin', as: 'manager', path: (d) => `${admin(d)}/disable`, title: (d) => `Disable – ${d.subjectAdmin.name} – ${S}` },
    {
      name: 'disable admin, box cleared',
      as: 'manager',
      path: (d) => `${admin(d)}/disable`,
      title: (d) => `Error: Disable – ${d.subjectAdmin.name} – ${S}`,
      act: uncheckAndSubmit('Disable'),
    },
    {
      name: 'enable admin',
      as: 'manager',
      path: (d) => `${admin(d, d.disabledAdmin.id)}/enable`,
      title: (d) => `Enable – ${d.disabledAdmin.name} – ${S}`,
    },
    {
      name: 'reset password',
      as: 'manager',
      path: (d) => `${admin(d)}/reset-password`,
      title: (d) => `Reset password – ${d.subjectAdmin.name} – ${S}`,
    },
    // Accounts' changes, also an Administrator of all accounts' (Suspend and Activate share the confirmation form checked above).
    { name: 'create account', as: 'manager', path: () => '/accounts/new', title: () => `Create account – Accounts – ${S}` },
    {
      name: 'create account, nothing entered',
      as: 'manager',
      path: () => '/accounts/new',
      title: () => `Error: Create account – Accounts – ${S}`,
      act: submit('Create account'),
    },
    {
      name: 'rename account',
      as: 'manager',
      path: (d) => `/accounts/${d.accountId}/rename`,
      title: (d) => `Rename – ${d.accountName} – ${S}`,
    },
    {
      name: 'delete account, which has users',
      as: 'manager',
      path: (d) => `/accounts/${d.accountId}/delete`,
      title: (d) => `Delete account – ${d.accountName} – ${S}`,
    },
  ],
  // Every admin's own API tokens (the suite's admin has one)
  'api tokens': [
    { name: 'api tokens', path: () => '/api-tokens', title: () => `API tokens – ${S}` },
    { name: 'create token', path: () => '/api-tokens/new', title: () => `Create token – API tokens – ${S}` },
    {
      name: 'create token, nothing entered',
      path: () => '/api-tokens/new',
      title: () => `Error: Create token – API tokens – ${S}`,
      act: submit('Create token'),
    },
    {
      name: 'api tokens, a new token’s secret',
      path: () => '/api-tokens/new',
      title: () => `API tokens – ${S}`,
      act: async (page) => {
        await page.getByLabel('Name', { exact: true }).fill('A11y new token');
        await page.getByRole('button', { name: 'Create token' }).click();
        await expect(page.getByRole('status')).toContainText('Copy it now', { timeout: 20_000 });
      },
    },
    {
      name: 'revoke token',
      path: (d) => `/api-tokens/${d.token.id}/revoke`,
      title: (d) => `Revoke token – ${d.token.name} – ${S}`,
    },
    // An account's provisioning (SCIM) tokens, for its Administrators.
    { name: 'provisioning', path: (d) => `/accounts/${d.accountId}/provisioning`, title: (d) => `Provisioning – ${d.accountName} – ${S}` },
    {
      name: 'create provisioning token, nothing entered',
      path: (d) => `/accounts/${d.accountId}/provisioning/new`,
      title: (d) => `Error: Create provisioning token – ${d.accountName} – ${S}`,
      act: submit('Create token'),
    },
    {
      name: 'revoke provisioning token',
      path: (d) => `/accounts/${d.accountId}/provisioning/${d.scimToken.id}/revoke`,
      title: (d) => `Revoke – ${d.scimToken.name} – ${d.accountName} – ${S}`,
    },
    // An account's permission presets: anyone of the account may look, its Administrators change them.
    {
      name: 'permission presets',
      path: (d) => `/accounts/${d.accountId}/permission-presets`,
      title: (d) => `Permission presets – ${d.accountName} – ${S}`,
    },
    {
      name: 'permission presets, read-only admin',
      as: 'viewer',
      path: (d) => `/accounts/${d.accountId}/permission-presets`,
      title: (d) => `Permission presets – ${d.accountName} – ${S}`,
    },
    {
      name: 'add permission preset, nothing entered',
      path: (d) => `/accounts/${d.accountId}/permission-presets/new`,
      title: (d) => `Error: Add permission preset – ${d.accountName} – ${S}`,
      act: submit('Add preset'),
    },
    {
      name: 'edit permission preset',
      path: (d) => `/accounts/${d.accountId}/permission-presets/${d.preset.id}/edit`,
      title: (d) => `Edit permission preset – ${d.preset.name} – ${d.accountName} – ${S}`,
    },
    {
      name: 'delete permission preset',
      path: (d) => `/accounts/${d.accountId}/permission-presets/${d.preset.id}/delete`,
      title: (d) => `Delete permission preset – ${d.preset.name} – ${d.accountName} – ${S}`,
    },
  ],
  'audit log, outbox and not found': [
    { name: 'audit log', path: () => '/audit', title: () => `Audit log – ${S}` },
    {
      name: 'audit log, filtered',
      // Several actions open their checkboxes.
      path: (d) => `/audit?accountId=${d.accountId}&action=assign-phone-number&action=edit-user&changes=only&outcome=Done&from=2020-01-01`,
      title: () => `Audit log – ${S}`,
    },
    { name: 'audit log, a day that is not one', path: () => '/audit?from=12%2F01%2F2026', title: () => `Error: Audit log – ${S}` },
    { name: 'audit log, about a user', path: (d) => `/audit?userId=${d.withNumber.id}`, title: () => `Audit log – ${S}` },
    { name: 'outbox', path: () => '/outbox', title: () => `Outbox – ${S}` },
    { name: 'outbox, read-only admin', as: 'viewer', path: () => '/outbox', title: () => `Outbox – ${S}` },
    { name: 'outbox message', path: (d) => `/outbox/${d.outboxMessage.id}`, title: (d) => `${d.outboxMessage.subject} – Outbox – ${S}` },
    { name: 'API reference', as: 'viewer', path: () => '/api-reference', title: () => `API reference – ${S}` },
    { name: 'not found', path: () => '/accounts/no-such-account', title: () => `Page not found – ${S}` },
  ],
};

/** "Page – Subject – Switchboard", or "Page – Switchboard" for a page with no subject; "Error: " first on an error state. */
const TITLE_PATTERN = /^(Error: )?[^–]+( – [^–]+)* – Switchboard$/;

const test = forSpec(fixture, (d) => d.admin);

// A group visits up to a dozen pages, each checked at three widths (and by axe, JS on).
test.describe.configure({ timeout: 150_000 });

/** axe's findings, one readable block each: what, why, and where. */
function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  - ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`).join('\n')}`,
    )
    .join('\n\n');
}

async function checkPage(page: Page, entry: Entry, d: Data, testInfo: TestInfo) {
  // axe needs timers, which a browser with JavaScript off does not run: it checks each page and
  // state once, in the JS-on project. (The JS-off project used to run it again on a script-free
  // copy of its HTML: the same server-rendered markup, so the same findings; docs/testing.md.)
  if (testInfo.project.use.javaScriptEnabled !== false) {
    // axe.run() in the page itself ("legacy mode"): the same rules and the same findings (the
    // pages have no frames, the one thing that mode leaves out), without the extra blank page,
    // with a second copy of axe in it, that the default mode opens for every check to merge the
    // frames' results in. That page was half of axe's time (docs/testing.md).
    const results = await new AxeBuilder({ page })
      .setLegacyMode()
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const minor = results.violations.filter((v) => !serious.includes(v));
    if (minor.length) testInfo.annotations.push({ type: `axe (minor) on ${entry.name}`, description: describe(minor) });
    expect(serious, `axe found serious or critical violations on ${entry.name}:\n${describe(serious)}`).toEqual([]);
  }

  // Structure: landmarks, one h1, the skip link first, and a title naming the page and its subject.
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  if (entry.as !== 'anonymous') await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
  await expect(page.locator('h1')).toHaveCount(1);
  const title = await page.title();
  expect(title).toMatch(TITLE_PATTERN);
  const expected = entry.title(d);
  if (typeof expected === 'string') expect(title).toBe(expected);
  else expect(title).toMatch(expected);
  const firstFocusable = await page.evaluate(() => {
    const all = [
      ...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'),
    ];
    const first = all.find((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled);
    return first?.textContent?.trim();
  });
  expect(firstFocusable).toBe('Skip to main content');
  expect(await page.locator('[tabindex]').evaluateAll((els) => els.filter((el) => Number(el.getAttribute('tabindex')) > 0).length)).toBe(0);

  // 320 CSS pixels wide, and a 1280-pixel window at 200 % zoom (640 CSS pixels): nothing makes the
  // page scroll sideways (wide tables scroll inside their own region instead).
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 800 });
    const sideways = await page.evaluate(() => {
      const over = document.documentElement.scrollWidth - window.innerWidth;
      if (over <= 0) return null;
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.table-scroll'))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`);
      return `${over}px too wide; widest: ${wide.join(', ')}`;
    });
    expect(sideways, `${entry.name} scrolls sideways at ${width}px`).toBeNull();
  }
}

/** One test per group of the entries `keep` selects (a group with none has no test). */
export function checkGroups(keep: (entry: Entry) => boolean, suffix: string) {
  for (const [group, all] of Object.entries(GROUPS)) {
    const entries = all.filter(keep);
    if (entries.length > 0) checkGroup(`accessible: ${group}${suffix}`, entries);
  }
}

function checkGroup(name: string, entries: Entry[]) {
  test(name, async ({ as, data: d }, testInfo) => {
    // One browser per admin for the whole group, made when its first page needs it.
    const pages = new Map<As, Page>();
    const pageFor = async (who: As) => {
      let page = pages.get(who);
      if (!page) {
        page = await as(who === 'anonymous' ? null : d[who]);
        pages.set(who, page);
      }
      return page;
    };
    for (const entry of entries) {
      await test.step(entry.name, async () => {
        const page = await pageFor(entry.as ?? 'admin');
        await page.setViewportSize({ width: 1280, height: 720 }); // the last page's check left it narrow
        const response = await page.goto(entry.path(d));
        expect(response?.status(), `${entry.name}: ${entry.path(d)}`).toBe(entry.name === 'not found' ? 404 : 200);
        if (entry.act) await entry.act(page, d);
        await checkPage(page, entry, d, testInfo);
      });
    }
  });
}
