import { defineFixture } from './fixture';

const ACCOUNTS = 27; // more than one page of 25
const USERS_IN_BIG_ACCOUNT = 31; // likewise

// An admin of exactly 27 accounts (so Accounts has a second page of two), the first with 31
// users (so Users has a second page of six), one of them with a number and calling on; and an
// account this admin does not administer, which must stay invisible.
export default defineFixture('accounts-and-users', async (f) => {
  const accounts = [];
  for (let i = 0; i < ACCOUNTS; i++) accounts.push(await f.account(`Listed Account ${String(i).padStart(2, '0')}`));
  const big = accounts[0]!;
  const users = [];
  for (let i = 0; i < USERS_IN_BIG_ACCOUNT; i++) {
    users.push(await f.user(big.id, `Person ${String(i).padStart(2, '0')}`, { inboundCalling: i === 1, outboundCalling: i === 1 }));
  }
  const holder = users[1]!;
  const number = await f.freeNumber({ user: holder });
  const other = await f.account('Not Yours');
  const otherUser = await f.user(other.id, 'Not Yours User');
  const named = (a: { id: string; name: string }) => ({ id: a.id, name: a.name });
  const person = (u: { id: string; fullName: string; email: string }) => ({ id: u.id, fullName: u.fullName, email: u.email });
  return {
    admin: await f.admin({ accountIds: accounts.map((a) => a.id) }),
    /** The first account by name, with the 31 users. */
    bigAccount: named(big),
    /** The last of the 27 by name: on the second page. */
    lastAccount: named(accounts[ACCOUNTS - 1]!),
    /** "Listed Account 13": the one a search for "account 13" finds. */
    accountThirteen: named(accounts[13]!),
    /** The last of the 31 users by name: on the second page. */
    lastUser: person(users[USERS_IN_BIG_ACCOUNT - 1]!),
    searchedByName: person(users[7]!),
    searchedByEmail: person(users[8]!),
    userWithNumber: { id: holder.id, fullName: holder.fullName, e164: number.e164 },
    otherAccount: { id: other.id, name: other.name, userId: otherUser.id },
  };
});
