import { expect, type Locator, type Page } from '@playwright/test';

/** The spec's steps 2–4: Accounts → the account's name → Users → the user's full name. */
export async function openUserDetails(page: Page, accountName: string, fullName: string): Promise<void> {
  await page.goto('/accounts');
  await page.getByRole('link', { name: accountName, exact: true }).click();
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await page.getByRole('link', { name: fullName, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
}

/** Step 5: "On the user details page, for Actions, choose …". */
export async function chooseAction(page: Page, action: string): Promise<void> {
  await page.getByText('Actions', { exact: true }).click();
  await page.getByRole('link', { name: action }).click();
  await expect(page.getByRole('heading', { level: 1, name: action })).toBeVisible();
}

/**
 * Waits until the page's one-shot message has been consumed: without JavaScript the page request
 * itself did it (proxy.ts); with JavaScript the page asks /api/flash once it has shown the banner,
 * and a reload sent before that answer arrives would, rightly, show the banner again.
 */
export async function flashConsumed(page: Page): Promise<void> {
  await expect.poll(async () => (await page.context().cookies()).some((c) => c.name === 'switchboard_flash')).toBe(false);
}

export function detail(page: Page, term: string) {
  return page.locator('dl.summary dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
}

/** The text of an element line by line, as the browser laid it out (to see where words wrap). */
export async function linesOf(locator: Locator): Promise<string[]> {
  return locator.evaluate((element) => {
    const lines: { top: number; text: string }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < (node.textContent ?? '').length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = Math.round(range.getClientRects()[0]?.top ?? NaN);
        const char = node.textContent![i]!;
        const last = lines.at(-1);
        if (last && (Number.isNaN(top) || Math.abs(last.top - top) < 2)) last.text += char;
        else lines.push({ top, text: char });
      }
    }
    return lines.map((l) => l.text.trim()).filter(Boolean);
  });
}
