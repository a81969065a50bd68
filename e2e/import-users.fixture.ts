import { defineFixture } from './fixture';

// "Import users" into an account of its own, which holds one user already (a line naming them is
// refused); the journey imports 17 more and reads the list, its filters and the export back.
export default defineFixture('import-users', async (f) => {
  const account = await f.account('Import Users');
  const present = await f.user(account.id, 'Present');
  return {
    admin: await f.admin({ accountIds: [account.id] }),
    accountId: account.id,
    accountName: account.name,
    present: { fullName: present.fullName, email: present.email },
    /** A prefix for the imported people's addresses: unique to this run and project. */
    emailTag: f.email('imported').replace('@e2e.example', ''),
  };
});
