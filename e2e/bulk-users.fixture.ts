import { defineFixture } from './fixture';

// "Many at once": an account of its own with three users to suspend together (two of them with a
// number, which suspension keeps) and two to remove together, and a second admin who changes one
// of the three between the confirmation page and its button.
export default defineFixture('bulk-users', async (f) => {
  const account = await f.account('Bulk');
  const person = async (label: string) => {
    const u = await f.user(account.id, `Bulk ${label}`);
    return { id: u.id, fullName: u.fullName };
  };
  return {
    admin: await f.admin({ accountIds: [account.id] }),
    otherAdmin: await f.admin({ accountIds: [account.id] }),
    accountId: account.id,
    toSuspend: [
      await f.userWithNumber(account.id, 'Bulk Alder'),
      await f.userWithNumber(account.id, 'Bulk Birch'),
      await person('Cedar'),
    ] as const,
    toRemove: [await f.userWithNumber(account.id, 'Bulk Rowan'), await person('Spruce')] as const,
  };
});
