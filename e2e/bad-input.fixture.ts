import { defineFixture } from './fixture';

// The bad-input suite's browser half: a user named with markup, and a number to give a bad calling name.
export default defineFixture('bad-input', async (f) => {
  const account = await f.account('Bad Input');
  const markupUser = await f.user(account.id, 'Markup', { fullName: `<img src=x onerror=alert(1)> ${f.run} ${f.project}` });
  const number = await f.freeNumber();
  return {
    admin: await f.admin({ accountIds: [account.id] }),
    accountId: account.id,
    /** Full name `<img src=x onerror=alert(1)> …`: must be shown as text. */
    markupUser: { id: markupUser.id, fullName: markupUser.fullName },
    number,
  };
});
