import { defineFixture } from './fixture';

// Accounts are for Administrators of all accounts: the spec acts as one of its own. A freshly
// created account has no users, so the suspension's effect on assigning is tried on an account
// made here, with a user and a free number; an Administrator of one account is the person who
// must not see any of it.
export default defineFixture('accounts', async (f) => {
  const taken = await f.account('Taken Name');
  const toSuspend = await f.account('Suspend');
  const scopedAccount = await f.account('Scoped');
  const user = await f.user(toSuspend.id, 'Suspended User');
  return {
    manager: await f.admin({ allAccounts: true }),
    scoped: await f.admin({ accountIds: [scopedAccount.id] }),
    scopedAccountId: scopedAccount.id,
    /** Another account's name, typed in another case to be refused. */
    takenName: taken.name,
    toSuspend: { id: toSuspend.id, name: toSuspend.name },
    user: { id: user.id, fullName: user.fullName },
    number: await f.freeNumber(),
  };
});
