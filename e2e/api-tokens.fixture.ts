import { BROWSER_PROJECTS, defineFixture, HTTP_PROJECT } from './fixture';

// The API tokens page (e2e/api-tokens.spec.ts, JS on and off) and its raw posts (e2e/api-tokens.http.ts):
// an Administrator of one account, who makes and revokes tokens through the page; another admin's
// token, which they must not be able to touch; and a change made through a token of theirs, so the
// audit log has a row that names it.
export default defineFixture(
  'api-tokens',
  async (f) => {
    const { authenticateToken } = await import('../lib/api/tokens');
    const { editTelephonyPermissions } = await import('../lib/telephony/telephony');
    const account = await f.account('Tokens');
    const admin = await f.admin({ accountIds: [account.id] });
    const other = await f.admin({ accountIds: [account.id] });
    const user = await f.userWithNumber(account.id, 'Tokens Subject');
    // A change made through a token, as the REST API makes it: the admin, acting through the token.
    const sync = await f.token(admin.id, { name: f.name('nightly sync') });
    const through = await authenticateToken(sync.secret, 'Personal');
    if (!('admin' in through)) throw new Error('e2e data: a token just made does not authenticate');
    await editTelephonyPermissions(through.admin, {
      accountId: account.id,
      userId: user.id,
      version: 1,
      inboundCalling: true,
      outboundCalling: false,
      sms: false,
    });
    return {
      admin,
      account,
      /** Given inbound calling through the token `syncToken`. */
      user: { id: user.id, fullName: user.fullName },
      syncToken: { id: sync.id, name: sync.name },
      /** Another admin's token: its Revoke page is "Page not found" to `admin`, and a forged revoke leaves it working. */
      othersToken: await f.token(other.id, { name: f.name('not yours') }),
    };
  },
  { projects: [...BROWSER_PROJECTS, HTTP_PROJECT] },
);
