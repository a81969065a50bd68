import { uniqueLocalE164, uniqueTollFreeE164 } from '@/lib/test/factories';
import { defineFixture } from './fixture';

// Bulk changes: an account of its own. For the file: users with and without numbers, free numbers
// (one toll-free, which is never assignable); for the Users list's check boxes: two with numbers
// and one without, whose permissions are set and numbers unassigned together.
export default defineFixture('bulk-changes', async (f) => {
  const account = await f.account('Bulk Changes');
  const person = async (label: string) => {
    const u = await f.user(account.id, `Changes ${label}`);
    return { id: u.id, fullName: u.fullName, email: u.email };
  };
  const number = async (tollFree = false) =>
    (await f.freeNumber(tollFree ? { e164: uniqueTollFreeE164(), type: 'TollFree' } : { e164: uniqueLocalE164() })).e164;
  return {
    admin: await f.admin({ accountIds: [account.id] }),
    accountId: account.id,
    file: {
      ash: await person('Ash'),
      beech: await f.userWithNumber(account.id, 'Changes Beech'),
      cork: await f.userWithNumber(account.id, 'Changes Cork'),
      dove: await person('Dove'),
      elm: await person('Elm'),
      free: await number(),
      spare: await number(),
      tollFree: await number(true),
    },
    listed: [
      await f.userWithNumber(account.id, 'Changes Hazel'),
      await f.userWithNumber(account.id, 'Changes Ivy'),
      await person('Juniper'),
    ] as const,
  };
});
