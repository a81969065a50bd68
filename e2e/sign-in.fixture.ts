import { defineFixture } from './fixture';

// Signing in through the real form: an admin of one account with a user to come back to, and an
// admin whose sign-ins the throttling test fails on purpose. Four of those failures are made
// here, as lib/auth/sign-in-throttle.ts records them, with their 4-second wait already over: an
// attempt made during a wait is refused unchecked and not counted, so typing them in the
// browser would mean waiting 2 + 4 s between them.
export default defineFixture('sign-in', async (f) => {
  const account = await f.account('Sign In');
  const user = await f.user(account.id, 'Sign In Person');
  const throttled = await f.admin({ accountIds: [account.id] });
  const now = new Date();
  await f.prisma.signInThrottle.create({
    data: { key: `email:${throttled.email}`, failures: 4, firstFailureAt: now, lastFailureAt: now, notBefore: now },
  });
  return {
    admin: await f.admin({ accountIds: [account.id] }),
    throttled,
    accountId: account.id,
    user: { id: user.id, fullName: user.fullName },
  };
});
