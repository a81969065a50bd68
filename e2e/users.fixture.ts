import { defineFixture } from './fixture';

// Add, edit, suspend, unsuspend and remove users: an account of its own with a free number, an
// admin of it (and a second one, for the stale form), a user whose email the first Add user
// repeats, the user who gets the number after the removed one, and a user to edit from two browsers.
export default defineFixture('users', async (f) => {
  const account = await f.account('Users');
  const existing = await f.user(account.id, 'Users Existing');
  const nextHolder = await f.user(account.id, 'Users Next Holder');
  const editee = await f.user(account.id, 'Users Editee');
  return {
    admin: await f.admin({ accountIds: [account.id] }),
    otherAdmin: await f.admin({ accountIds: [account.id] }),
    accountId: account.id,
    accountName: account.name,
    /** The full name and a fresh address for the user the journey adds. */
    newUser: { fullName: f.name('Users Added'), email: f.email('Users Added') },
    existing: { id: existing.id, fullName: existing.fullName, email: existing.email },
    nextHolder: { id: nextHolder.id, fullName: nextHolder.fullName },
    editee: { id: editee.id, fullName: editee.fullName, email: editee.email },
    number: await f.freeNumber(),
  };
});
