import { expect, test as setup } from '@playwright/test';
import { e2eData } from './data';

setup('sign in through the form and keep the session', async ({ page }, testInfo) => {
  const data = e2eData(testInfo.project.name);
  await page.goto('/login');
  await page.getByLabel('Email address').fill(data.admin.email);
  await page.getByLabel('Password').fill(data.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  const mode = testInfo.project.name.replace(/^setup /, '');
  await page.context().storageState({ path: `.e2e/state/${mode}.json` });
});
