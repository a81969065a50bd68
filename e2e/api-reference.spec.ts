import fixture from './api-reference.fixture';
import { expect, forSpec } from './test';

// The API reference (/api-reference): every operation of the served OpenAPI document, with its
// body's fields and its answers, reached from the header; only for a signed-in admin.
const test = forSpec(fixture, (d) => d.viewer);

test('the API reference lists every operation the API serves, with its fields and answers', async ({ page, as }) => {
  await page.goto('/accounts');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API reference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();

  // Each operation of the document the API serves has its heading, "POST /accounts" and the rest.
  const doc = (await (await page.request.get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  expect(operations).toContain('POST /accounts');
  const headings = await page
    .getByRole('heading', { level: 3 })
    .filter({ hasText: /^(GET|POST|PUT|PATCH|DELETE) \// })
    .allTextContents();
  expect(headings.sort()).toEqual(operations.sort());

  // Create an account: its body's fields (required, with their values) and its answers.
  const create = page.getByRole('region', { name: 'Request body of POST /accounts' });
  await expect(create.getByRole('row', { name: /^type / })).toContainText('Required');
  await expect(create.getByRole('row', { name: /^type / })).toContainText('EnterpriseOIDC');
  const answers = page.getByRole('region', { name: 'Responses of POST /accounts' });
  await expect(answers.getByRole('row', { name: /^201 / })).toContainText('Account');
  await expect(answers.getByRole('row', { name: /^403 / })).toContainText('may not do this');
  await answers.getByRole('row', { name: /^201 / }).getByRole('link', { name: 'Account' }).click();
  await expect(page).toHaveURL(/#schema-Account$/);
  await expect(page.getByRole('region', { name: 'Fields of Account' }).getByRole('row', { name: /^phoneNumberCount / })).toBeVisible();

  // Signed out, the page asks who you are.
  const signedOut = await as(null);
  await signedOut.goto('/api-reference');
  await expect(signedOut).toHaveURL(/\/login\?callbackUrl=%2Fapi-reference$/);
});
