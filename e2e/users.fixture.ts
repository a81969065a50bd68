import { defineFixture } from './fixture';

// Create an account, then add, suspend, unsuspend and remove a user in it: an Administrator of
// all accounts (who may create accounts), the name of the account the journey creates, a free
// number, the user (in another account) who gets the number after the removed one; and an
// account of its own with a user to edit from two browsers (an admin of it, and a second one).
export default defineFixture('users', async (f) => {
  const account = await f.account('Users');
  const nextHolder = await f.user(account.id, 'Users Next Holder');
  const editee = await f.user(account.id, 'Users Editee');
  // Enough free numbers that the picker has a second page, whichever other fixtures are loaded.
  for (let i = 0; i < 25; i++) await f.freeNumber();
  return {
    admin: await f.admin({ allAccounts: true }),
    otherAdmin: await f.admin({ accountIds: [account.id] }),
    accountId: account.id,
    accountName: account.name,
    /** The account the journey creates. */
    newAccountName: f.name('Users Journey'),
    /** The full name and a fresh address for the user the journey adds. */
    newUser: { fullName: f.name('Users Added'), email: f.email('Users Added') },
    nextHolder: { id: nextHolder.id, fullName: nextHolder.fullName },
    editee: { id: editee.id, fullName: editee.fullName, email: editee.email },
    number: await f.freeNumber(),
  };
});
