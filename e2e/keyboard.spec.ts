import type { Page } from '@playwright/test';
import { formatted } from './fixture';
import fixture from './keyboard.fixture';
import { expect, forSpec } from './test';

const test = forSpec(fixture, (d) => d.admin);

// The three workflows by keyboard alone: Tab, Shift+Tab, Enter, Space and the arrow keys, never
// the mouse. Every stop on the way must show its focus and come later in the page than the one
// before, and after a change or a refused form focus is on the banner or the error summary.

test.describe.configure({ timeout: 120_000 });

type Focused = { name: string; tag: string; type: string; checked: boolean; index: number; visible: boolean; id: string };

/** What has focus: its name as a user would hear it, where it is in the page, and whether its focus shows. */
async function focused(page: Page): Promise<Focused> {
  // While a form's post loads the next page (JavaScript off), ask again once it has.
  await page.waitForLoadState();
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '', tag: 'body', type: '', checked: false, index: -1, visible: false, id: '' };
    const input = el as HTMLInputElement;
    const label = input.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      name: label.replace(/\s+/g, ' ').trim(),
      tag: el.tagName.toLowerCase(),
      type: input.type ?? '',
      checked: Boolean(input.checked),
      index: [...document.querySelectorAll('*')].indexOf(el),
      visible: outline || style.boxShadow !== 'none',
      id: el.id,
    };
  });
}

/**
 * Tab (or Shift+Tab) until the focused element's name contains `name`; every element passed
 * on the way must show its focus and follow the previous one in the page's order.
 */
async function tabTo(page: Page, name: string | RegExp, { back = false, max = 80 } = {}): Promise<Focused> {
  let previous = await focused(page);
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    expect(now.visible, `focus is not visible on ${now.tag} “${now.name}”`).toBe(true);
    if (previous.index >= 0) {
      expect(
        back ? now.index < previous.index : now.index > previous.index,
        `tab order jumps from “${previous.name}” to “${now.name}”`,
      ).toBe(true);
    }
    if (typeof name === 'string' ? now.name.includes(name) : name.test(now.name)) return now;
    previous = now;
  }
  throw new Error(`Tabbed ${max} times without reaching “${name}”`);
}

async function expectFocusOn(page: Page, id: string) {
  await expect
    .poll(async () => (await focused(page).catch(() => null))?.id, { timeout: 20_000, message: `focus should be on #${id}` })
    .toBe(id);
  expect((await focused(page)).visible, `focus is not visible on #${id}`).toBe(true);
}

/** From the user's page: the skip link, then Actions opened by keyboard, then the action. */
async function openActionByKeyboard(page: Page, path: string, action: string, openWith: 'Enter' | 'Space') {
  await page.goto(path);
  await page.keyboard.press('Tab');
  expect((await focused(page)).name).toBe('Skip to main content');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Actions');
  await page.keyboard.press(openWith);
  await expect(page.locator('details.actions')).toHaveAttribute('open', '');
  // It closes the same way, and opens again.
  await page.keyboard.press(openWith === 'Enter' ? 'Space' : 'Enter');
  await expect(page.locator('details.actions')).not.toHaveAttribute('open', '');
  await page.keyboard.press(openWith);
  await expect(page.locator('details.actions')).toHaveAttribute('open', '');
  await tabTo(page, action);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: action })).toBeVisible({ timeout: 20_000 });
}

test('Assign phone number by keyboard: search, arrow keys in the radio group, Enter', async ({ page, data: a11y }) => {
  const { assignee, numbers, search } = a11y;
  await openActionByKeyboard(page, `/accounts/${a11y.accountId}/users/${assignee.id}`, 'Assign phone number', 'Enter');

  await tabTo(page, 'Search numbers');
  await page.keyboard.type(search);
  await page.keyboard.press('Enter');
  // The two numbers (the form's other radios are "Permissions after assigning").
  await expect(page.getByRole('group', { name: 'Phone number' }).getByRole('radio')).toHaveCount(2, { timeout: 20_000 });

  // Nothing chosen: Enter on Assign is refused, and focus lands on the error summary.
  await tabTo(page, /^Assign$/);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, 'error-summary');
  await expect(page).toHaveTitle(`Error: Assign phone number – ${assignee.fullName} – Switchboard`);

  // Into the radio group, Space chooses the first, the arrow key moves to the second and chooses it.
  const first = await tabTo(page, /\+1 /);
  expect(first.type).toBe('radio');
  await page.keyboard.press('Space');
  expect((await focused(page)).checked).toBe(true);
  await page.keyboard.press('ArrowDown');
  const second = await focused(page);
  expect(second.type).toBe('radio');
  expect(second.checked).toBe(true);
  expect(second.name).not.toBe(first.name);
  const chosen = numbers.map((n) => formatted(n.e164)).find((f) => second.name.includes(f));
  expect(chosen, `the chosen radio “${second.name}” is one of the two numbers`).toBeTruthy();

  await tabTo(page, /^Assign$/);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, 'banner');
  await expect(page.locator('#banner')).toContainText(`${chosen} is assigned to ${assignee.fullName}`);
});

test('Edit telephony permissions by keyboard: Space on the boxes and on Save', async ({ page, data: a11y }) => {
  const { editee } = a11y;
  await openActionByKeyboard(page, `/accounts/${a11y.accountId}/users/${editee.id}`, 'Edit telephony permissions', 'Space');

  const inbound = await tabTo(page, 'Inbound calling');
  expect(inbound.checked).toBe(false);
  await page.keyboard.press('Space');
  expect((await focused(page)).checked).toBe(true);
  await tabTo(page, 'SMS');
  await page.keyboard.press('Space');
  // Back to Outbound calling with Shift+Tab: left as it was.
  const outbound = await tabTo(page, 'Outbound calling', { back: true });
  expect(outbound.checked).toBe(false);
  await tabTo(page, /^Save$/);
  await page.keyboard.press('Space');

  await expectFocusOn(page, 'banner');
  await expect(page.locator('#banner')).toContainText(`Telephony permissions saved for ${editee.fullName}`);
  await expect(page.locator('dl.summary dt', { hasText: /^SMS$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText('On');
});

test('Unassign phone number by keyboard: a cleared box is refused, then Unassign', async ({ page, data: a11y }) => {
  const { unassignee } = a11y;
  const label = `Unassign ${formatted(unassignee.e164)} from ${unassignee.fullName}`;
  await openActionByKeyboard(page, `/accounts/${a11y.accountId}/users/${unassignee.id}`, 'Unassign phone number', 'Enter');

  const box = await tabTo(page, label);
  expect(box.checked).toBe(true);
  await page.keyboard.press('Space');
  await tabTo(page, /^Unassign$/);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, 'error-summary');
  await expect(page).toHaveTitle(`Error: Unassign phone number – ${unassignee.fullName} – Switchboard`);

  await tabTo(page, label);
  await page.keyboard.press('Space');
  expect((await focused(page)).checked).toBe(true);
  await tabTo(page, /^Unassign$/);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, 'banner');
  await expect(page.locator('#banner')).toContainText(`${formatted(unassignee.e164)} is unassigned from ${unassignee.fullName}`);
});
