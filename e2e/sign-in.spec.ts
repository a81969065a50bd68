import fixture from './sign-in.fixture';
import { expect, forSpec } from './test';

// These tests start signed out and sign in through the real form, with JavaScript on and off.
const test = forSpec(fixture, () => null);

test('signing in with the right password opens Accounts; signing out ends the session', async ({ page, data }) => {
  await page.goto('/login');
  await expect(page).toHaveTitle('Sign in – Switchboard');
  await page.getByLabel('Email address').fill(data.admin.email.toUpperCase());
  await page.getByLabel('Password').fill(data.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(data.admin.name);

  // next-auth's own session endpoint and pages are not served: Switchboard has its own.
  for (const path of ['/api/auth/session', '/api/auth/signout', '/api/auth/signin', '/api/auth/providers']) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  const saved = await page.context().cookies();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.goto('/accounts');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccounts$/);
  // The session ended on the server too: a copy of its cookie kept from before opens nothing.
  await page.context().addCookies(saved);
  await page.goto('/accounts');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccounts$/);
});

for (const [what, email, password] of [
  ['a wrong password', 'admin', 'not-the-password'],
  ['an unknown email', 'nobody', 'not-the-password'],
] as const) {
  test(`${what} gets one generic message, keeps the email and signs nobody in`, async ({ page, data }) => {
    const typed = email === 'admin' ? data.admin.email : `nobody-${data.run}@e2e.example`;
    await page.goto('/login');
    await page.getByLabel('Email address').fill(typed);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('The email address or password is incorrect.');
    await expect(page).toHaveTitle('Error: Sign in – Switchboard');
    await expect(page.getByLabel('Email address')).toHaveValue(typed);
    await expect(page.getByLabel('Password')).toHaveValue('');
    await page.goto('/accounts');
    await expect(page).toHaveURL(/\/login/);
  });
}

test('an empty form is answered on the same page, field by field', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const summary = page.getByRole('alert', { name: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Enter your email address' })).toHaveAttribute('href', '#email');
  await expect(summary.getByRole('link', { name: 'Enter your password' })).toHaveAttribute('href', '#password');
  await expect(page).toHaveTitle('Error: Sign in – Switchboard');
});

test('a signed-out visit to a user page asks to sign in, then returns to that page', async ({ page, data }) => {
  const target = `/accounts/${data.accountId}/users/${data.user.id}`;
  await page.goto(target);
  await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(target)}`);
  await page.getByLabel('Email address').fill(data.admin.email);
  await page.getByLabel('Password').fill(data.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(target);
  await expect(page.getByRole('heading', { level: 1, name: data.user.fullName })).toBeVisible();
});

// Merged: this test's one case and bad-input.spec.ts's five "sign-in does not redirect off the site".
test('the return address cannot send the admin to another site', async ({ as, data }, testInfo) => {
  for (const callbackUrl of [
    'https://evil.example/',
    'https://evil.example/phish',
    '//evil.example/',
    '/\\evil.example/',
    'javascript:alert(1)',
    '%2F%2Fevil.example',
  ]) {
    const page = await as(null);
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel('Email address').fill(data.admin.email);
    await page.getByLabel('Password').fill(data.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' }), callbackUrl).toBeVisible();
    expect(new URL(page.url()).origin, callbackUrl).toBe(new URL(testInfo.project.use.baseURL!).origin);
    await page.context().close();
  }
});

// Moved here from security.spec.ts (its other tests send raw HTTP: e2e/forged-requests.http.ts).
test('repeated wrong passwords slow an email down: then even the right one must wait', async ({ browser, data }, testInfo) => {
  const { throttled } = data;
  // Its own client address, so that these failures do not count against the other tests' logins.
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    extraHTTPHeaders: { 'X-Forwarded-For': testInfo.project.use.javaScriptEnabled ? '198.51.100.7' : '198.51.100.8' },
  });
  const page = await context.newPage();
  const attempt = async (password: string) => {
    await page.goto('/login');
    await page.getByLabel('Email address').fill(throttled.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  // Four failures are behind it (the fixture); the fifth makes the next wait 8 s, long enough that
  // even a slow machine tries again within it. The sixth is refused unchecked, saying so.
  await attempt('wrong password');
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('The email address or password is incorrect');
  await attempt('wrong password');
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText(/too many attempts\. Wait \d+ seconds/);
  await attempt(throttled.password);
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText(
    /too many attempts\. Wait \d+ seconds before trying again/,
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await context.close();
});
