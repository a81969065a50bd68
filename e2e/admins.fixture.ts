import { defineFixture } from './fixture';

// The Admins page is for Administrators of all accounts: the spec acts as a full-scope manager of
// its own, on admins made for it; an Administrator of one account and a ReadOnly admin are the
// people who must get "Page not found".
export default defineFixture('admins', async (f) => {
  const account = await f.account('Admins');
  return {
    manager: await f.admin({ allAccounts: true }),
    scoped: await f.admin({ accountIds: [account.id] }),
    viewer: await f.admin({ role: 'ReadOnly', allAccounts: true }),
    toChange: await f.admin({ accountIds: [account.id] }),
    staleTarget: await f.admin({ role: 'ReadOnly', accountIds: [account.id] }),
    toDisable: await f.admin({ accountIds: [account.id] }),
    toReset: await f.admin({ role: 'ReadOnly', accountIds: [account.id] }),
    /** Acted on only by refused, forged requests: must stay as it is. */
    forgeTarget: await f.admin({ accountIds: [account.id] }),
    /** The accounts a newly added admin is given. */
    newAdminAccounts: [await f.account('New Admin One'), await f.account('New Admin Two')],
  };
});
