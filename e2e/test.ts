// The `test` the browser specs use: their own fixture's data as `data`, signed in as the admin
// the spec names (a minted session cookie, e2e/session.ts), and `as(admin)` for a second browser
// signed in as someone else; the contexts it opens are closed after the test.
import { test as base, type Browser, type Page, type TestInfo } from '@playwright/test';
import type { Fixture } from './fixture';
import { SIGNED_OUT, sessionState } from './session';

export { expect } from '@playwright/test';

/** A new browser context in this project's mode (JS on or off), signed in as `admin` or signed out. */
export async function newPage(browser: Browser, testInfo: TestInfo, admin: { id: string } | null): Promise<Page> {
  const baseURL = testInfo.project.use.baseURL!;
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    storageState: admin ? await sessionState(admin, baseURL) : SIGNED_OUT,
  });
  return context.newPage();
}

type Extra<T> = {
  data: T & { run: string };
  /** Another browser, signed in as `admin` (or signed out with null). */
  as: (admin: { id: string } | null) => Promise<Page>;
};

export function forSpec<T>(fixture: Fixture<T>, signedInAs: (data: T) => { id: string } | null) {
  return base.extend<Extra<T>>({
    data: async ({}, use, testInfo) => use(fixture.data(testInfo.project.name)),
    storageState: async ({ data, baseURL }, use) => {
      const admin = signedInAs(data);
      await use(admin ? await sessionState(admin, baseURL!) : SIGNED_OUT);
    },
    as: async ({ browser }, use, testInfo) => {
      const pages: Page[] = [];
      await use(async (admin) => {
        const page = await newPage(browser, testInfo, admin);
        pages.push(page);
        return page;
      });
      for (const page of pages) await page.context().close();
    },
  });
}
