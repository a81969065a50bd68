// The bad-input suite, browser half (the data-layer half is lib/bad-input.test.ts). Runs in both
// projects, chromium and chromium-no-js. Forged posts reuse a real form's `$ACTION_` fields
// (parsed from the server's HTML as a browser without JavaScript gets it) and post them raw.
//
// Already covered elsewhere, so not repeated here:
// - a post from another site, with Origin "null", or with none (403): e2e/security.spec.ts;
// - a replayed admin form and a read-only admin's forged post: e2e/workflows.spec.ts;
// - a stale permissions form and two browsers racing for one number: e2e/workflows.spec.ts;
// - forged posts to the Admins page's forms: e2e/admins.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import { findForm, problemsOf, textOf } from '../scripts/http-client';
import { e2eData, formatted } from './data';

const userPath = (accountId: string, userId: string) => `/accounts/${accountId}/users/${userId}`;

/** The form's fields as the server rendered it (action ids included), for a forged post. */
async function formFields(page: Page, path: string, button: string): Promise<[string, string][]> {
  const html = await (await page.request.get(path)).text();
  const form = findForm(html, button);
  expect(form, `a ${button} form on ${path}`).not.toBeNull();
  return form!.fields;
}

async function post(page: Page, path: string, fields: [string, string][], headers: Record<string, string> = {}) {
  const origin = new URL(page.url() === 'about:blank' ? test.info().project.use.baseURL! : page.url()).origin;
  const multipart: Record<string, string> = {};
  for (const [name, value] of fields) multipart[name] = value;
  return page.request.post(path, { multipart, headers: { Origin: origin, ...headers }, maxRedirects: 0 });
}

const set = (fields: [string, string][], values: Record<string, string>) => [
  ...fields.filter(([name]) => !(name in values)),
  ...Object.entries(values),
] as [string, string][];

/** The target user still has no number, and the number is still free. */
async function unchanged(page: Page, accountId: string, userId: string, e164: string) {
  await page.goto(userPath(accountId, userId));
  await expect(page.locator('main')).not.toContainText(formatted(e164));
}

test.describe('forged hidden fields on the assign form get a clear answer and change nothing', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['a phone number id that does not exist', { phoneNumberId: 'nosuchnumber0000000000000' }, /does not exist/],
    ['a phone number id that is not an id', { phoneNumberId: "x' or 1=1 --" }, /./],
    ['a negative version', { userVersion: '-1' }, /./],
    ['a version too big for the database', { userVersion: '2147483648' }, /./],
    ['a version that is not a number', { userVersion: 'abc' }, /./],
    ['a user id that does not exist', { userId: 'nosuchuser000000000000000' }, /./],
  ];
  for (const [name, values, message] of cases) {
    test(name, async ({ page }, testInfo) => {
      const { badInput } = e2eData(testInfo.project.name);
      const path = `${userPath(badInput.accountId, badInput.target.id)}/assign-phone-number?q=${badInput.number.e164.slice(2)}`;
      const fields = set(await formFields(page, path, 'Assign'), { phoneNumberId: badInput.number.id, ...values });
      const response = await post(page, path, fields);
      const status = response.status();
      expect(status, 'never a server error').toBeLessThan(500);
      if (status === 200) {
        const messages = problemsOf(await response.text());
        expect(messages, 'the error summary').not.toBeNull();
        expect(messages!.join(' ')).toMatch(message);
      } else {
        // An id that is no user answers what a page for no user answers.
        expect([303, 307]).toContain(status);
        expect(response.headers().location).toMatch(/\/not-found|\/login/);
      }
      await unchanged(page, badInput.accountId, badInput.target.id, badInput.number.e164);
    });
  }
});

test('mass assignment: extra fields on an assign form do nothing beyond the assignment', async ({ page }, testInfo) => {
  const { badInput } = e2eData(testInfo.project.name);
  // Its own user and number: this one is allowed to succeed.
  const path = `${userPath(badInput.accountId, badInput.markupUser.id)}/assign-phone-number?q=${badInput.massNumber.e164.slice(2)}`;
  const fields = await formFields(page, path, 'Assign');
  const forged = set(fields, { phoneNumberId: badInput.massNumber.id, role: 'Administrator', inboundCalling: 'on', outboundCalling: 'on', sms: 'on', status: 'Assigned', allAccounts: 'on' });
  const response = await post(page, path, forged);
  expect(response.status()).toBe(303);
  await page.goto(userPath(badInput.accountId, badInput.markupUser.id));
  const text = await page.locator('main').innerText();
  expect(text).toMatch(/Inbound calling\s*Off/);
  expect(text).toMatch(/Outbound calling\s*Off/);
});

test('a name with markup is shown as text, and no element is made from it', async ({ page }, testInfo) => {
  const { badInput } = e2eData(testInfo.project.name);
  await page.goto(`/accounts/${badInput.accountId}/users`);
  await expect(page.getByRole('link', { name: badInput.markupUser.fullName, exact: true })).toBeVisible();
  await page.goto(userPath(badInput.accountId, badInput.markupUser.id));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(badInput.markupUser.fullName);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('a calling name with markup or invisible characters is refused with the rule', async ({ page }, testInfo) => {
  const { badInput } = e2eData(testInfo.project.name);
  for (const name of ['<b>x</b>', 'Desk\u200BOne', '\u202EkseD']) {
    await page.goto(`/phone-numbers/${badInput.number.id}/calling-name`);
    await page.getByLabel('Calling name').fill(name);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Enter a calling name');
  }
  await page.goto(`/phone-numbers/${badInput.number.id}`);
  await expect(page.locator('main')).not.toContainText('Desk');
});

test.describe('searches are literal', () => {
  for (const q of ['%', '_', "' OR '1'='1"]) {
    test(`accounts and users: ${JSON.stringify(q)} matches nothing`, async ({ page }, testInfo) => {
      const { badInput } = e2eData(testInfo.project.name);
      await page.goto(`/accounts?q=${encodeURIComponent(q)}`);
      await expect(page.getByRole('link', { name: badInput.accountName })).toHaveCount(0);
      await page.goto(`/accounts/${badInput.accountId}/users?q=${encodeURIComponent(q)}`);
      await expect(page.getByRole('link', { name: badInput.target.fullName })).toHaveCount(0);
    });
  }
});

test.describe('sign-in does not redirect off the site', () => {
  for (const callbackUrl of ['https://evil.example/', '//evil.example/', '/\\evil.example/', 'javascript:alert(1)', '%2F%2Fevil.example']) {
    test(`callbackUrl=${callbackUrl}`, async ({ browser }, testInfo) => {
      const data = e2eData(testInfo.project.name);
      const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel('Email address').fill(data.admin.email);
      await page.getByLabel('Password').fill(data.admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(testInfo.project.use.baseURL!).origin);
      await context.close();
    });
  }
});

test('a session cookie with one character changed is no session', async ({ browser }, testInfo) => {
  const state = await browser.newContext({ storageState: `.e2e/state/${testInfo.project.name}.json` }).then(async (c) => {
    const s = await c.storageState();
    await c.close();
    return s;
  });
  const cookies = state.cookies.map((c) => {
    if (c.name !== 'authjs.session-token') return c;
    const i = Math.floor(c.value.length / 2);
    return { ...c, value: c.value.slice(0, i) + (c.value[i] === 'A' ? 'B' : 'A') + c.value.slice(i + 1) };
  });
  const context = await browser.newContext({ storageState: { cookies, origins: [] }, javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  const page = await context.newPage();
  await page.goto('/accounts');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await context.close();
});

test('a body over the server-action limit is refused and adds nothing', async ({ page }, testInfo) => {
  const { badInput } = e2eData(testInfo.project.name);
  const fields = set(await formFields(page, '/phone-numbers/add', 'Preview'), {
    numbers: `${badInput.number.e164}\n`.repeat(Math.ceil((5 * 1024 * 1024) / 13)),
    defaultCountry: 'US',
    productType: 'BusinessCalling',
  });
  const response = await post(page, '/phone-numbers/add', fields);
  const status = response.status();
  const body = textOf(await response.text()).slice(0, 200);
  expect(status, body).toBeGreaterThanOrEqual(400);
  expect(status, `${status}: ${body}`).toBeLessThan(500);
});

test('a post whose Origin only looks like this site is refused', async ({ page }, testInfo) => {
  const { badInput } = e2eData(testInfo.project.name);
  const path = `${userPath(badInput.accountId, badInput.target.id)}/edit-telephony-permissions`;
  const fields = await formFields(page, path, 'Save');
  const base = new URL(testInfo.project.use.baseURL!);
  for (const origin of [`http://${base.hostname}.evil.example:${base.port}`, `https://${base.host}`, `${base.origin}.evil.example`]) {
    const response = await post(page, path, set(fields, { inboundCalling: 'on' }), { Origin: origin });
    expect(response.status(), origin).toBe(403);
  }
});
