import { defineFixture } from './fixture';

// Signing in through the real form: an admin of one account with a user to come back to, and an
// admin whose sign-ins the throttling test fails on purpose.
export default defineFixture('sign-in', async (f) => {
  const account = await f.account('Sign In');
  const user = await f.user(account.id, 'Sign In Person');
  return {
    admin: await f.admin({ accountIds: [account.id] }),
    throttled: await f.admin({ accountIds: [account.id] }),
    accountId: account.id,
    user: { id: user.id, fullName: user.fullName },
  };
});
