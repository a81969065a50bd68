import { defineFixture } from './fixture';

// Move phone number: an admin of one account, and for each journey a holder (with a number and
// calling on, so that "keep" has something to keep) and a user with no number to move it to.
export default defineFixture('move-phone-number', async (f) => {
  const account = await f.account('Moves');
  const holder = async (label: string) => {
    const u = await f.userWithNumber(account.id, `Move ${label}`);
    await f.prisma.user.update({ where: { id: u.id }, data: { inboundCalling: true, sms: true } });
    return u;
  };
  const newcomer = async (label: string) => {
    const u = await f.user(account.id, `Move ${label}`);
    return { id: u.id, fullName: u.fullName };
  };
  return {
    admin: await f.admin({ accountIds: [account.id] }),
    accountId: account.id,
    accountName: account.name,
    plain: { from: await holder('PlainFrom'), to: await newcomer('PlainTo') },
    kept: { from: await holder('KeptFrom'), to: await newcomer('KeptTo') },
    raced: { from: await holder('RacedFrom'), to: await newcomer('RacedTo') },
  };
});
