import { expect, test } from '@playwright/test';
import { e2eData } from './data';

test('every page carries the security headers, with a CSP nonce and no inline script allowance', async ({ page }) => {
  const response = await page.goto('/accounts');
  const headers = response!.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // Next puts the nonce on the scripts it renders, so pages still work with JavaScript on.
  expect(await page.locator('script[nonce]').count()).toBeGreaterThan(0);
});

test('a post from another site, or one that does not say where it comes from, is refused', async ({ page }, testInfo) => {
  const { flows } = e2eData(testInfo.project.name);
  const target = `/accounts/${flows.accountId}/users/${flows.replayTarget.id}/assign-phone-number`;
  await page.goto(target);
  const attempts: Record<string, string>[] = [{ Origin: 'https://evil.example' }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }, {}];
  for (const headers of attempts) {
    const response = await page.request.post(target, { headers, multipart: { phoneNumberId: flows.numberToReplay.id } });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect(await response.text()).toContain('did not come from this site');
  }
});

test('repeated wrong passwords slow an email down: then even the right one must wait', async ({ browser }, testInfo) => {
  const { throttled } = e2eData(testInfo.project.name);
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
  // Six failures make the next wait 16 s: long enough that even a slow machine tries again within it.
  for (let i = 0; i < 6; i++) {
    await attempt('wrong password');
    await expect(page.getByRole('alert', { name: 'There is a problem' })).toBeVisible();
  }
  await attempt(throttled.password);
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText(/too many attempts\. Wait \d+ seconds before trying again/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await context.close();
});
