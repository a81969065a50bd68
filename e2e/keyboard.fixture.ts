import { defineFixture } from './fixture';
import { uniqueLocalE164 } from '../lib/test/factories';

// The three workflows by keyboard: a user for each, and two free numbers that differ only in their
// last digit, so that a search for the rest finds both and the radio group has two to move between.
export default defineFixture('keyboard', async (f) => {
  const account = await f.account('Keyboard');
  const pair = async () => {
    for (;;) {
      const first = uniqueLocalE164();
      const second = `${first.slice(0, -1)}${(Number(first.slice(-1)) + 1) % 10}`;
      const taken = await f.prisma.phoneNumber.count({ where: { e164: { startsWith: first.slice(0, -1) } } });
      if (taken > 0) continue;
      const numbers = [await f.freeNumber({ e164: first }), await f.freeNumber({ e164: second })] as const;
      return { numbers, search: first.slice(2, -1) };
    }
  };
  const assignee = await f.user(account.id, 'Key Assignee');
  return {
    admin: await f.admin({ accountIds: [account.id] }),
    accountId: account.id,
    assignee: { id: assignee.id, fullName: assignee.fullName },
    ...(await pair()),
    editee: await f.userWithNumber(account.id, 'Key Editee'),
    unassignee: await f.userWithNumber(account.id, 'Key Unassignee'),
  };
});
