import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page, type TestInfo } from '@playwright/test';
import { e2eData, formatted, type ModeData } from './data';
import { signIn } from './steps';

// Every page, and every error state, checked by axe-core and for the page's structure, in both
// projects (JS on and JS off). One line per page: add a page here when you add it to the app.

type Data = ModeData & { run: string };
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
const user = (d: Data, id: string) => `/accounts/${d.a11y.accountId}/users/${id}`;
const num = (d: Data, id = d.a11y.number.id) => `/phone-numbers/${id}`;
const admin = (d: Data, id = d.a11y.subjectAdmin.id) => `/admins/${id}`;
const submit = (name: string) => async (page: Page) => {
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toBeVisible({ timeout: 20_000 });
};
const uncheckAndSubmit = (name: string) => async (page: Page) => {
  // The confirmation box, not "Email … about this change" where a form has both.
  await page.getByRole('checkbox', { name: /^(?!Email )/ }).uncheck();
  await submit(name)(page);
};

const PAGES: Entry[] = [
  // Signed out
  { name: 'sign in', as: 'anonymous', path: () => '/login', title: () => `Sign in – ${S}` },
  { name: 'sign in, nothing entered', as: 'anonymous', path: () => '/login', title: () => `Error: Sign in – ${S}`, act: submit('Sign in') },
  // Accounts and users
  { name: 'accounts', path: () => '/accounts', title: () => `Accounts – ${S}` },
  { name: 'accounts, search', path: (d) => `/accounts?q=${encodeURIComponent(d.a11y.accountName)}`, title: () => `Accounts – ${S}` },
  { name: 'account', path: (d) => `/accounts/${d.a11y.accountId}`, title: (d) => `Account summary – ${d.a11y.accountName} – ${S}` },
  { name: 'users', path: (d) => `/accounts/${d.a11y.accountId}/users`, title: (d) => `Users – ${d.a11y.accountName} – ${S}` },
  { name: 'users, search', path: (d) => `/accounts/${d.a11y.accountId}/users?q=WithNumber`, title: (d) => `Users – ${d.a11y.accountName} – ${S}` },
  { name: 'users, no match', path: (d) => `/accounts/${d.a11y.accountId}/users?q=zzz-nobody`, title: (d) => `Users – ${d.a11y.accountName} – ${S}` },
  { name: 'user without a number', path: (d) => user(d, d.a11y.withoutNumber.id), title: (d) => `${d.a11y.withoutNumber.fullName} – Users – ${d.a11y.accountName} – ${S}` },
  { name: 'user with a number', path: (d) => user(d, d.a11y.withNumber.id), title: (d) => `${d.a11y.withNumber.fullName} – Users – ${d.a11y.accountName} – ${S}` },
  { name: 'user, read-only admin', as: 'viewer', path: (d) => user(d, d.a11y.withNumber.id), title: (d) => `${d.a11y.withNumber.fullName} – Users – ${d.a11y.accountName} – ${S}` },
  {
    name: 'user, change banner',
    path: (d) => `${user(d, d.a11y.changed.id)}/edit-telephony-permissions`,
    title: (d) => `${d.a11y.changed.fullName} – Users – ${d.a11y.accountName} – ${S}`,
    act: async (page) => {
      await page.getByRole('checkbox', { name: /SMS/ }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status')).toContainText('Telephony permissions saved', { timeout: 20_000 });
    },
  },
  // The three workflows, and their error states
  { name: 'assign phone number', path: (d) => `${user(d, d.a11y.withoutNumber.id)}/assign-phone-number`, title: (d) => `Assign phone number – ${d.a11y.withoutNumber.fullName} – ${S}` },
  {
    name: 'assign phone number, nothing chosen',
    path: (d) => `${user(d, d.a11y.withoutNumber.id)}/assign-phone-number`,
    title: (d) => `Error: Assign phone number – ${d.a11y.withoutNumber.fullName} – ${S}`,
    act: submit('Assign'),
  },
  { name: 'assign phone number, read-only admin', as: 'viewer', path: (d) => `${user(d, d.a11y.withoutNumber.id)}/assign-phone-number`, title: (d) => `Assign phone number – ${d.a11y.withoutNumber.fullName} – ${S}` },
  { name: 'edit telephony permissions', path: (d) => `${user(d, d.a11y.withNumber.id)}/edit-telephony-permissions`, title: (d) => `Edit telephony permissions – ${d.a11y.withNumber.fullName} – ${S}` },
  {
    name: 'edit telephony permissions, changed by someone else first',
    path: (d) => `${user(d, d.a11y.stale.id)}/edit-telephony-permissions`,
    title: (d) => `Error: Edit telephony permissions – ${d.a11y.stale.fullName} – ${S}`,
    act: async (page, d) => {
      const other = await page.context().newPage();
      await other.goto(`${user(d, d.a11y.stale.id)}/edit-telephony-permissions`);
      await other.getByRole('checkbox', { name: /Inbound calling/ }).check();
      await other.getByRole('button', { name: 'Save' }).click();
      await expect(other.getByRole('status')).toBeVisible({ timeout: 20_000 });
      await other.close();
      await page.getByRole('checkbox', { name: /Outbound calling/ }).check();
      await submit('Save')(page);
    },
  },
  { name: 'unassign phone number', path: (d) => `${user(d, d.a11y.withNumber.id)}/unassign-phone-number`, title: (d) => `Unassign phone number – ${d.a11y.withNumber.fullName} – ${S}` },
  {
    name: 'unassign phone number, box cleared',
    path: (d) => `${user(d, d.a11y.withNumber.id)}/unassign-phone-number`,
    title: (d) => `Error: Unassign phone number – ${d.a11y.withNumber.fullName} – ${S}`,
    act: uncheckAndSubmit('Unassign'),
  },
  // Phone numbers
  { name: 'phone numbers', path: () => '/phone-numbers', title: () => `Phone numbers – ${S}` },
  { name: 'phone numbers, filtered', path: () => '/phone-numbers?view=unassigned&type=Local&productType=BusinessCalling&country=US&q=206', title: () => `Phone numbers – Unassigned – ${S}` },
  { name: 'phone numbers, no match', path: () => '/phone-numbers?q=000000000000', title: () => `Phone numbers – ${S}` },
  { name: 'phone numbers overview', path: () => '/phone-numbers/overview', title: () => `Overview – Phone numbers – ${S}` },
  { name: 'add phone numbers', path: () => '/phone-numbers/add', title: () => `Add phone numbers – Phone numbers – ${S}` },
  { name: 'add phone numbers, nothing entered', path: () => '/phone-numbers/add', title: () => `Error: Add phone numbers – Phone numbers – ${S}`, act: submit('Preview') },
  {
    name: 'add phone numbers, preview with bad lines',
    path: () => '/phone-numbers/add',
    title: () => `Check the phone numbers to add – Add phone numbers – ${S}`,
    act: async (page, d) => {
      await page.getByLabel('Phone numbers').fill([d.a11y.notYetAdded, '12345', 'not a number'].join('\n'));
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Check the phone numbers to add' })).toBeVisible({ timeout: 20_000 });
    },
  },
  { name: 'phone number', path: (d) => num(d), title: (d) => `${formatted(d.a11y.number.e164)} – Phone numbers – ${S}` },
  { name: 'phone number, assigned', path: (d) => num(d, d.a11y.withNumber.phoneNumberId), title: (d) => `${formatted(d.a11y.withNumber.e164)} – Phone numbers – ${S}` },
  { name: 'edit calling name', path: (d) => `${num(d)}/calling-name`, title: (d) => `Edit calling name – ${formatted(d.a11y.number.e164)} – ${S}` },
  {
    name: 'edit calling name, bad name',
    path: (d) => `${num(d)}/calling-name`,
    title: (d) => `Error: Edit calling name – ${formatted(d.a11y.number.e164)} – ${S}`,
    act: async (page) => {
      await page.getByLabel(/Calling name for/).fill('Bad & name!');
      await submit('Save')(page);
    },
  },
  { name: 'assign to a user: account', path: (d) => `${num(d)}/assign`, title: (d) => `Assign to a user – ${formatted(d.a11y.number.e164)} – ${S}` },
  { name: 'assign to a user: user', path: (d) => `${num(d)}/assign?accountId=${d.a11y.accountId}`, title: (d) => `Assign to a user – ${formatted(d.a11y.number.e164)} – ${S}` },
  {
    name: 'assign to a user: confirm',
    path: (d) => `${num(d)}/assign?accountId=${d.a11y.accountId}&userId=${d.a11y.withoutNumber.id}`,
    title: (d) => `Assign to a user – ${formatted(d.a11y.number.e164)} – ${S}`,
  },
  { name: 'delete phone number', path: (d) => `${num(d)}/delete`, title: (d) => `Delete phone number – ${formatted(d.a11y.number.e164)} – ${S}` },
  { name: 'delete phone number, box cleared', path: (d) => `${num(d)}/delete`, title: (d) => `Error: Delete phone number – ${formatted(d.a11y.number.e164)} – ${S}`, act: uncheckAndSubmit('Delete') },
  // Admins (an Administrator of all accounts)
  { name: 'admins', as: 'manager', path: () => '/admins', title: () => `Admins – ${S}` },
  { name: 'admins, no match', as: 'manager', path: () => '/admins?q=zzz-nobody', title: () => `Admins – ${S}` },
  { name: 'add admin', as: 'manager', path: () => '/admins/new', title: () => `Add admin – Admins – ${S}` },
  { name: 'add admin, nothing entered', as: 'manager', path: () => '/admins/new', title: () => `Error: Add admin – Admins – ${S}`, act: submit('Add admin') },
  { name: 'admin', as: 'manager', path: (d) => admin(d), title: (d) => `${d.a11y.subjectAdmin.name} – Admins – ${S}` },
  { name: 'change role or accounts', as: 'manager', path: (d) => `${admin(d)}/change-role-or-accounts`, title: (d) => `Change role or accounts – ${d.a11y.subjectAdmin.name} – ${S}` },
  {
    name: 'change role or accounts, no account chosen',
    as: 'manager',
    path: (d) => `${admin(d)}/change-role-or-accounts`,
    title: (d) => `Error: Change role or accounts – ${d.a11y.subjectAdmin.name} – ${S}`,
    act: async (page) => {
      for (const box of await page.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
      await page.getByRole('radio', { name: 'Only the accounts chosen below' }).check();
      await submit('Save')(page);
    },
  },
  { name: 'disable admin', as: 'manager', path: (d) => `${admin(d)}/disable`, title: (d) => `Disable – ${d.a11y.subjectAdmin.name} – ${S}` },
  { name: 'disable admin, box cleared', as: 'manager', path: (d) => `${admin(d)}/disable`, title: (d) => `Error: Disable – ${d.a11y.subjectAdmin.name} – ${S}`, act: uncheckAndSubmit('Disable') },
  { name: 'enable admin', as: 'manager', path: (d) => `${admin(d, d.a11y.disabledAdmin.id)}/enable`, title: (d) => `Enable – ${d.a11y.disabledAdmin.name} – ${S}` },
  { name: 'reset password', as: 'manager', path: (d) => `${admin(d)}/reset-password`, title: (d) => `Reset password – ${d.a11y.subjectAdmin.name} – ${S}` },
  // Audit log
  { name: 'audit log', path: () => '/audit', title: () => `Audit log – ${S}` },
  { name: 'audit log, filtered', path: (d) => `/audit?accountId=${d.a11y.accountId}&outcome=Done&from=2020-01-01`, title: () => `Audit log – ${S}` },
  { name: 'audit log, about a user', path: (d) => `/audit?userId=${d.a11y.withNumber.id}`, title: () => `Audit log – ${S}` },
  // Outbox
  { name: 'outbox', path: () => '/outbox', title: () => `Outbox – ${S}` },
  { name: 'outbox, read-only admin', as: 'viewer', path: () => '/outbox', title: () => `Outbox – ${S}` },
  { name: 'outbox message', path: (d) => `/outbox/${d.a11y.outboxMessage.id}`, title: (d) => `${d.a11y.outboxMessage.subject} – Outbox – ${S}` },
  // Not found
  { name: 'not found', path: () => '/accounts/no-such-account', title: () => `Page not found – ${S}` },
];

/** "Page – Subject – Switchboard", or "Page – Switchboard" for a page with no subject; "Error: " first on an error state. */
const TITLE_PATTERN = /^(Error: )?[^–]+( – [^–]+)* – Switchboard$/;

// The sessions of the other admins, signed in through the form once per worker.
const test = base.extend<object, { sessions: Record<Exclude<As, 'admin' | 'anonymous'>, string> }>({
  sessions: [
    async ({ browser }, use, workerInfo) => {
      const mode = workerInfo.project.name;
      const d = e2eData(mode);
      const sessions = {} as Record<'manager' | 'viewer', string>;
      for (const [who, person] of [
        ['manager', d.a11y.manager],
        ['viewer', d.flows.viewer],
      ] as const) {
        const context = await browser.newContext({
          baseURL: workerInfo.project.use.baseURL,
          javaScriptEnabled: workerInfo.project.use.javaScriptEnabled,
          storageState: { cookies: [], origins: [] },
        });
        const page = await context.newPage();
        await signIn(page, person.email, person.password);
        sessions[who] = `.e2e/state/a11y-${who}-${mode}-${workerInfo.workerIndex}.json`;
        await context.storageState({ path: sessions[who] });
        await context.close();
      }
      await use(sessions);
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

test.describe.configure({ timeout: 90_000 });

/** axe's findings, one readable block each: what, why, and where. */
function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  - ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`).join('\n')}`)
    .join('\n\n');
}

/**
 * axe needs timers, which a browser with JavaScript off does not run. So in the JS-off project
 * axe checks a copy: the page exactly as the JS-off browser has it, its scripts removed, served
 * at the same address to a browser that runs only axe.
 */
async function runAxe(page: Page, testInfo: TestInfo) {
  const analyze = (target: Page) => new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  if (testInfo.project.use.javaScriptEnabled !== false) return analyze(page);
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
  try {
    const copy = await context.newPage();
    await copy.route('**/*', (route) => {
      const type = route.request().resourceType();
      if (type === 'document') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      if (type === 'script') return route.abort();
      return route.continue();
    });
    await copy.goto(page.url());
    return await analyze(copy);
  } finally {
    await context.close();
  }
}

async function checkPage(page: Page, entry: Entry, d: Data, testInfo: TestInfo) {
  const results = await runAxe(page, testInfo);
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !serious.includes(v));
  if (minor.length) testInfo.annotations.push({ type: 'axe (minor)', description: describe(minor) });
  expect(serious, `axe found serious or critical violations on ${entry.name}:\n${describe(serious)}`).toEqual([]);

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
    const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')];
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

for (const entry of PAGES) {
  test(`accessible: ${entry.name}`, async ({ browser, sessions }, testInfo) => {
    const d = e2eData(testInfo.project.name);
    const as = entry.as ?? 'admin';
    const storageState =
      as === 'admin' ? `.e2e/state/${testInfo.project.name}.json` : as === 'anonymous' ? { cookies: [], origins: [] } : sessions[as];
    const context = await browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
      storageState,
    });
    const page = await context.newPage();
    try {
      const response = await page.goto(entry.path(d));
      expect(response?.status(), `${entry.name}: ${entry.path(d)}`).toBe(entry.name === 'not found' ? 404 : 200);
      if (entry.act) await entry.act(page, d);
      await checkPage(page, entry, d, testInfo);
    } finally {
      await context.close();
    }
  });
}
