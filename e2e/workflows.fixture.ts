import { defineFixture } from './fixture';

// The three workflows, the two-admin race, the stale form and the replayed form: an admin of one
// account, a ReadOnly admin of it, and a user (or number) of its own for each test.
export default defineFixture('workflows', async (f) => {
  const account = await f.account('Flows');
  const withoutNumber = async (label: string) => {
    const u = await f.user(account.id, `Flow ${label}`);
    return { id: u.id, fullName: u.fullName };
  };
  const withNumber = (label: string) => f.userWithNumber(account.id, `Flow ${label}`);
  return {
    admin: await f.admin({ accountIds: [account.id] }),
    viewer: await f.admin({ role: 'ReadOnly', accountIds: [account.id] }),
    accountId: account.id,
    accountName: account.name,
    assignee: await withoutNumber('Assignee'),
    numberToAssign: await f.freeNumber(),
    emptyChoice: await withoutNumber('EmptyChoice'),
    editee: await withNumber('Editee'),
    staleEditee: await withNumber('StaleEditee'),
    unassignee: await withNumber('Unassignee'),
    clearedBox: await withNumber('ClearedBox'),
    racers: [await withoutNumber('RacerOne'), await withoutNumber('RacerTwo')] as const,
    numberToRaceFor: await f.freeNumber(),
    replayTarget: await withoutNumber('ReplayTarget'),
    signedOutTarget: await withNumber('SignedOutTarget'),
    numberToReplay: await f.freeNumber(),
  };
});
