import { defineFixture, HTTP_PROJECT } from './fixture';

// For the raw-HTTP tests: an admin of one account, a user without a number that forged assign posts
// aim at, a free number they must leave free, and a user and number the mass-assignment case may assign.
export default defineFixture(
  'forged-requests',
  async (f) => {
    const account = await f.account('Forged');
    const target = await f.user(account.id, 'Forged Target');
    const receiver = await f.user(account.id, 'Forged Receiver');
    return {
      admin: await f.admin({ accountIds: [account.id] }),
      accountId: account.id,
      accountName: account.name,
      target: { id: target.id, fullName: target.fullName },
      number: await f.freeNumber(),
      receiver: { id: receiver.id, fullName: receiver.fullName },
      massNumber: await f.freeNumber(),
    };
  },
  { projects: [HTTP_PROJECT] },
);
