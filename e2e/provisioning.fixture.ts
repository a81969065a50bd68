import { defineFixture } from './fixture';

// The Provisioning page: an Administrator of one account makes and revokes its tokens; a
// ReadOnly admin of the same account must get "Page not found".
export default defineFixture('provisioning', async (f) => {
  const account = await f.account('Provisioning');
  return {
    account,
    admin: await f.admin({ accountIds: [account.id] }),
    viewer: await f.admin({ role: 'ReadOnly', accountIds: [account.id] }),
    tokenName: f.name('Entra token'),
  };
});
